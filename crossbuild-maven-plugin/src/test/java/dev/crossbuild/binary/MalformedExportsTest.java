package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export tables whose offsets, sizes, counts or links do not fit: each is a {@link MalformedBinaryException}
 * that names the file and says what is wrong, never an answer of "exports nothing" or another exception.
 */
class MalformedExportsTest {

    private static final List<String> NAMES = List.of("Java_a_B_c", "Java_a_B_d", "JNI_OnLoad");
    /** The export directory of {@link HandMadeExports#pe32}: RVA 0x1000, at file offset 0x200. */
    private static final int PE_EXPORTS = 0x200;
    private static final int MACHO_TRIE = 1024;

    @TempDir
    Path dir;

    @Test
    void theHandMadeImagesReadWhole() throws Exception {
        for (boolean gnu : new boolean[] {true, false}) {
            assertThat(BinaryExportsReader.read(HandMadeExports.elf(NAMES, gnu)).orElseThrow().symbols())
                    .as(gnu ? "DT_GNU_HASH" : "DT_HASH").containsExactlyInAnyOrderElementsOf(NAMES);
        }
        assertThat(BinaryExportsReader.read(HandMadeExports.pe32(NAMES)).orElseThrow().symbols())
                .containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(BinaryExportsReader.read(HandMadeExports.machO(List.of("_Java_a_B_c", "_Java_a_B_d",
                "_JNI_OnLoad"), true)).orElseThrow().symbols()).containsExactlyInAnyOrderElementsOf(NAMES);
    }

    static Stream<Arguments> malformed() {
        byte[] sysv = HandMadeExports.elf(NAMES, false);
        byte[] gnu = HandMadeExports.elf(NAMES, true);
        int hashValue = HandMadeExports.ELF_DT_HASH_ENTRY + 8;
        int strszValue = HandMadeExports.ELF_DYNAMIC + 2 * 16 + 8;
        int symentValue = HandMadeExports.ELF_DYNAMIC + 3 * 16 + 8;
        int symtabValue = HandMadeExports.ELF_DYNAMIC + 8;
        int firstExport = HandMadeExports.ELF_SYMBOLS + 24 * 4;
        byte[] pe = HandMadeExports.pe32(NAMES);
        byte[] trie = HandMadeExports.machO(List.of("_Java_a_B_c", "_Java_a_B_d", "_JNI_OnLoad"), true);
        byte[] symtab = HandMadeExports.machO(List.of("_Java_a_B_c"), false);
        int symtabCommand = HandMadeExports.machOCommand(symtab, 0x2);
        return Stream.of(
                malformed("DT_HASH chain count past the end", le(sysv, b -> b.putInt(HandMadeExports.ELF_HASH + 4,
                        1 << 20)), "hash table (DT_HASH) beyond the end of the file (1048577 entries of 4 bytes at"
                                + " offset 1544; the file has 2048)"),
                malformed("DT_HASH counting more symbols than the table has room for", le(sysv,
                        b -> b.putInt(HandMadeExports.ELF_HASH + 4, 100)), "dynamic symbol table (DT_SYMTAB)"
                                + " beyond the end of the file (100 entries of 24 bytes at offset 512; the file has"
                                + " 2048)"),
                malformed("DT_HASH in no segment", le(sysv, b -> b.putLong(hashValue, 0x900000)),
                        "hash table (DT_HASH) at address 0x900000 points outside the file (in no loadable segment)"),
                malformed("DT_SYMTAB in no segment", le(sysv, b -> b.putLong(symtabValue, 0x10)),
                        "symbol table (DT_SYMTAB) at address 0x10 points outside the file (in no loadable segment)"),
                malformed("DT_SYMENT not an Elf64_Sym", le(sysv, b -> b.putLong(symentValue, 16)),
                        "dynamic symbol entries of 16 bytes (DT_SYMENT; 24 expected)"),
                malformed("DT_STRSZ past the end", le(sysv, b -> b.putLong(strszValue, 0x10000)),
                        "string table (DT_STRTAB, DT_STRSZ) beyond the end of the file (65536 bytes at offset 1024;"
                                + " the file has 2048)"),
                malformed("a symbol name past the string table", le(sysv, b -> b.putInt(firstExport, 0x300)),
                        "the name of dynamic symbol 4 at string table offset 768 is beyond the string table (69"
                                + " bytes)"),
                malformed("DT_GNU_HASH buckets past the end", le(gnu, b -> b.putInt(HandMadeExports.ELF_HASH,
                        1 << 20)), "GNU hash table (DT_GNU_HASH) buckets beyond the end of the file (1048576 entries"
                                + " of 4 bytes at offset 1560; the file has 2048)"),
                malformed("DT_GNU_HASH chain without its last entry", le(gnu, b -> {
                    for (int at = HandMadeExports.ELF_HASH + 28; at < HandMadeExports.ELF_SECTIONS + 64; at += 4) {
                        b.putInt(at, 0x2000);
                    }
                }), "GNU hash table (DT_GNU_HASH) chains run past the end of the file without a last entry"),
                malformed("DT_GNU_HASH bucket before its first hashed symbol", le(gnu,
                        b -> b.putInt(HandMadeExports.ELF_HASH + 4, 5)), "GNU hash table (DT_GNU_HASH) has a bucket"
                                + " starting at symbol 1, before its first hashed symbol 5"),
                malformed("PE export directory past its section", le(pe, b -> b.putInt(0x58 + 96, 0x13f0)),
                        "PE export directory at RVA 0x13F0 runs past the end of section `.edata`"),
                malformed("PE export names counting past their section", le(pe, b -> b.putInt(PE_EXPORTS + 24,
                        1 << 20)), "PE export name pointer table of 1048576 entries runs past the end of section"
                                + " `.edata`"),
                malformed("PE export name in no section", le(pe, b -> b.putInt(PE_EXPORTS + 40 + 12, 0x9000)),
                        "PE export name 0 points outside the file (RVA 0x9000 is in no section's data)"),
                malformed("PE export name pointer table in no section", le(pe, b -> b.putInt(PE_EXPORTS + 32,
                        0x8000)), "PE export name pointer table points outside the file (RVA 0x8000 is in no"
                                + " section's data)"),
                malformed("Mach-O export trie past the end", le(trie, b -> b.putInt(32 + 72 + 44, 0x10000)),
                        "Mach-O export trie beyond the end of the file (65536 bytes at offset 1024; the file has"
                                + " 4096)"),
                malformed("Mach-O export trie whose root's child is the root", le(trie, b -> patchFirstChild(b, 0)),
                        "Mach-O export trie node at offset 0 has a child at offset 0, the root (the trie loops)"),
                malformed("Mach-O export trie whose child lies past the trie", le(trie, b -> patchFirstChild(b,
                        0x7f)), "Mach-O export trie node at offset 0 has a child at offset 127, outside the trie's"
                                + " " + trieSize(trie) + " bytes"),
                malformed("Mach-O export trie with a terminal larger than the trie", le(trie,
                        b -> b.put(MACHO_TRIE, (byte) 0x7f)), "Mach-O export trie node at offset 0 has 127 bytes of"
                                + " export information, past the end of the trie"),
                malformed("Mach-O symbol table past the end", le(symtab, b -> b.putInt(symtabCommand + 12,
                        1 << 20)), "Mach-O symbol table (LC_SYMTAB) beyond the end of the file (1048576 entries of"
                                + " 16 bytes at offset 1024; the file has 4096)"),
                malformed("Mach-O symbol name past its string table", le(symtab, b -> b.putInt(1024, 0x7000)),
                        "the name of Mach-O symbol 0 at string table offset 28672 is beyond the string table ("
                                + ByteBuffer.wrap(symtab).order(ByteOrder.LITTLE_ENDIAN).getInt(symtabCommand + 20)
                                + " bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isANamedProjectError(String name, byte[] data, String problem) throws Exception {
        Path file = Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "-")), data);

        assertThatThrownBy(() -> BinaryExportsReader.read(file)).isInstanceOfSatisfying(
                MalformedBinaryException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.getMessage()).contains("rebuild it");
                });
    }

    /** The root node of a hand-made trie: no terminal, its children, each label, NUL, then a one-byte offset. */
    private static void patchFirstChild(ByteBuffer b, int offset) {
        int at = MACHO_TRIE + 2;
        while (b.get(at) != 0) {
            at++;
        }
        b.put(at + 1, (byte) offset);
    }

    private static int trieSize(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(32 + 72 + 44);
    }

    private static Arguments malformed(String name, byte[] data, String problem) {
        return Arguments.of(name, data, problem);
    }

    private static byte[] le(byte[] data, Consumer<ByteBuffer> change) {
        byte[] copy = data.clone();
        change.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
        return copy;
    }
}
