package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files that start like ELF, PE, Mach-O or ar but whose offsets, sizes or counts do not fit the file: each is a
 * {@link MalformedBinaryException} that names the file and says exactly what is wrong, never an empty answer.
 */
class MalformedBinariesTest {

    /** Which readers see the damage: the header reader reads headers and their tables only. */
    enum Readers { BOTH, HEADERS, NEEDS }

    private static final int PE_IMPORT_RVA = 0x58 + 112 + 8;
    private static final int PE_SECTION = 0x58 + 240;
    private static final int MACHO_FIRST_COMMAND = 32;

    @TempDir
    Path dir;

    static Stream<Arguments> malformed() {
        byte[] elf = HandMadeNeeds.elf(List.of("libc.so.6"), null);
        int dynamicHeader = 64 + 56;
        int neededValue = HandMadeNeeds.ELF_DYNAMIC + 8;
        int strtabValue = HandMadeNeeds.ELF_DYNAMIC + 16 + 8;
        int strszValue = HandMadeNeeds.ELF_DYNAMIC + 32 + 8;
        byte[] pe = HandMadeNeeds.pe(List.of("KERNEL32.dll"), List.of("dbghelp.dll"), 3);
        byte[] machO = HandMadeNeeds.machO(List.of("/usr/lib/libSystem.B.dylib"), List.of("@loader_path/../lib"),
                0x000b0000);
        byte[] x64 = HandMadeHeaders.machO(0x01000007, 2, true, ByteOrder.LITTLE_ENDIAN);
        byte[] fat = HandMadeHeaders.fat(false, x64, machO);
        byte[] archive = HandMadeHeaders.ar(HandMadeHeaders.importObject(0xAA64));
        int member = 8 + 60 + 4;
        return Stream.of(
                // ELF: the file header and the tables it points to
                malformed("ELF cut to 100 bytes", cut(elf, 100), Readers.BOTH, null,
                        "program headers beyond the end of the file (2 entries of 56 bytes at offset 64; the file has"
                                + " 100)"),
                malformed("ELF cut inside its header", cut(elf, 40), Readers.BOTH, null,
                        "truncated ELF header (40 bytes)"),
                malformed("the ELF magic and a class byte", cut(elf, 5), Readers.BOTH, null,
                        "truncated ELF header (5 bytes)"),
                malformed("ELF cut before its section headers", cut(elf, HandMadeNeeds.ELF_SECTIONS), Readers.BOTH,
                        null, "section headers beyond the end of the file (1 entry of 64 bytes at offset 1024; the"
                                + " file has 1024)"),
                malformed("e_phoff near 2^64 (negative as a signed long)", le(elf, b -> b.putLong(32, -16)),
                        Readers.BOTH, null, "program headers beyond the end of the file (2 entries of 56 bytes at"
                                + " offset 18446744073709551600; the file has 1088)"),
                malformed("e_phnum absurd", le(elf, b -> b.putShort(56, (short) 0xfffe)), Readers.BOTH, null,
                        "program headers beyond the end of the file (65534 entries of 56 bytes at offset 64; the file"
                                + " has 1088)"),
                malformed("e_phentsize smaller than a program header", le(elf, b -> b.putShort(54, (short) 8)),
                        Readers.BOTH, null, "ELF program header entries of 8 bytes (at least 56 needed)"),
                malformed("e_shoff past the end", le(elf, b -> b.putLong(40, 0x10000)), Readers.BOTH, null,
                        "section headers beyond the end of the file (1 entry of 64 bytes at offset 65536; the file"
                                + " has 1088)"),
                malformed("e_shoff all ones", le(elf, b -> b.putLong(40, -1)), Readers.BOTH, null,
                        "section headers beyond the end of the file (1 entry of 64 bytes at offset"
                                + " 18446744073709551615; the file has 1088)"),
                malformed("unknown ELF class", le(elf, b -> b.put(4, (byte) 7)), Readers.BOTH, null,
                        "unknown ELF class 7 (1 is 32-bit, 2 is 64-bit)"),
                // ELF: what only the needs reader follows
                malformed("PT_DYNAMIC past the end", le(elf, b -> b.putLong(dynamicHeader + 32, 0x10000)),
                        Readers.NEEDS, null,
                        "dynamic section beyond the end of the file (65536 bytes at offset 176; the file has 1088)"),
                malformed("DT_STRTAB in no segment", le(elf, b -> b.putLong(strtabValue, 0x900000)), Readers.NEEDS,
                        null, "string table (DT_STRTAB) at address 0x900000 points outside the file (in no loadable"
                                + " segment)"),
                malformed("DT_NEEDED offset all ones (negative as a signed long)",
                        le(elf, b -> b.putLong(neededValue, -1)), Readers.NEEDS, null,
                        "DT_NEEDED name at string table offset 18446744073709551615 is beyond the string table (11"
                                + " bytes)"),
                malformed("DT_STRSZ ends inside a name", le(elf, b -> b.putLong(strszValue, 5)), Readers.NEEDS, null,
                        "DT_NEEDED name at offset 513 has no terminating NUL before the end of its table"),
                // PE
                malformed("PE import directory outside the file", le(pe, b -> b.putInt(PE_IMPORT_RVA, 0x9000)),
                        Readers.NEEDS, null,
                        "PE import directory points outside the file (RVA 0x9000 is in no section's data)"),
                malformed("PE import directory RVA with the top bit set (negative as a signed int)",
                        le(pe, b -> b.putInt(PE_IMPORT_RVA, 0x80000000)), Readers.NEEDS, null,
                        "PE import directory points outside the file (RVA 0x80000000 is in no section's data)"),
                malformed("PE import directory without its closing entry",
                        le(pe, b -> b.putInt(PE_IMPORT_RVA, 0x1000 + 0x400 - 10)), Readers.NEEDS, null,
                        "PE import directory runs past the end of section `.idata` without its closing empty entry"),
                malformed("PE DLL name outside the file", le(pe, b -> b.putInt(0x200 + 12, 0x7000)), Readers.NEEDS,
                        null, "PE import directory DLL name points outside the file (RVA 0x7000 is in no section's"
                                + " data)"),
                malformed("PE cut inside its section's data", cut(pe, 0x300), Readers.BOTH, null,
                        "PE section `.idata` beyond the end of the file (1024 bytes at offset 512; the file has 768)"),
                malformed("PE cut inside its file header", cut(pe, 0x50), Readers.BOTH, null,
                        "PE file header beyond the end of the file (20 bytes at offset 68; the file has 80)"),
                malformed("PE section count absurd", le(pe, b -> b.putShort(0x46, (short) 0xffff)), Readers.BOTH,
                        null, "PE section table beyond the end of the file (65535 entries of 40 bytes at offset 328;"
                                + " the file has 1536)"),
                malformed("PE section data offset with the top bit set (negative as a signed int)",
                        le(pe, b -> b.putInt(PE_SECTION + 20, 0x80000000)), Readers.BOTH, null,
                        "PE section `.idata` beyond the end of the file (1024 bytes at offset 2147483648; the file"
                                + " has 1536)"),
                malformed("PE optional header too short for its fields", le(pe, b -> b.putShort(0x54, (short) 20)),
                        Readers.BOTH, null, "PE optional header of 20 bytes (at least 112 needed)"),
                malformed("PE optional header past the end", le(pe, b -> b.putShort(0x54, (short) 0xffff)),
                        Readers.BOTH, null, "PE optional header beyond the end of the file (65535 bytes at offset 88;"
                                + " the file has 1536)"),
                // Mach-O
                malformed("Mach-O ncmds huge", le(machO, b -> b.putInt(16, 0xffffffff)), Readers.BOTH, null,
                        "the Mach-O header lists 4294967295 load commands in 184 bytes (each needs at least 8)"),
                malformed("Mach-O sizeofcmds all ones (negative as a signed int)",
                        le(machO, b -> b.putInt(20, 0xffffffff)), Readers.BOTH, null,
                        "Mach-O load commands beyond the end of the file (4294967295 bytes at offset 32; the file has"
                                + " 4096)"),
                malformed("Mach-O cut inside its header", cut(machO, 20), Readers.BOTH, null,
                        "truncated Mach-O header (20 bytes)"),
                malformed("Mach-O ncmds more than the commands", le(machO, b -> b.putInt(16, 5)), Readers.NEEDS, null,
                        "Mach-O load command 4 of 5 starts past the load commands' 184 bytes"),
                malformed("Mach-O cut inside its segment", cut(machO, 2048), Readers.NEEDS, null,
                        "Mach-O segment `__TEXT` beyond the end of the file (4096 bytes at offset 0; the file has"
                                + " 2048)"),
                malformed("Mach-O cmdsize past the commands", le(machO, b -> b.putInt(MACHO_FIRST_COMMAND + 4, 4096)),
                        Readers.NEEDS, null, "Mach-O load command 0 has a size of 4096 bytes, which does not fit the"
                                + " load commands (184 bytes left)"),
                malformed("Mach-O cmdsize 0", le(machO, b -> b.putInt(MACHO_FIRST_COMMAND + 4, 0)), Readers.NEEDS,
                        null, "Mach-O load command 0 has a size of 0 bytes, which does not fit the load commands (184"
                                + " bytes left)"),
                malformed("Mach-O dylib name outside its command", le(machO, b -> b.putInt(MACHO_FIRST_COMMAND + 8,
                        200)), Readers.NEEDS, null, "dylib name of Mach-O load command 0 at offset 200 is outside its"
                                + " 56-byte command"),
                // universal Mach-O
                malformed("universal file listing no architectures", be(fat, b -> b.putInt(4, 0)), Readers.BOTH,
                        null, "the universal Mach-O header lists no architectures"),
                malformed("universal slice past the end", be(fat, b -> b.putInt(8 + 20 + 8, 0x10000)), Readers.BOTH,
                        null, "universal Mach-O slice 2 (aarch64) beyond the end of the file (4096 bytes at offset"
                                + " 65536; the file has 12288)"),
                malformed("universal slice that is no Mach-O file", be(fat, b -> b.putInt(8 + 8, 0)), Readers.BOTH,
                        " slice 1 (x86_64)", "is neither a Mach-O file nor an ar archive"),
                malformed("universal slice with ncmds huge", le(fat, b -> b.putInt(2 * 4096 + 16, 0xffffffff)),
                        Readers.BOTH, " slice 2 (aarch64)",
                        "the Mach-O header lists 4294967295 load commands in 184 bytes (each needs at least 8)"),
                // ar archives
                malformed("ar member cut short", cut(archive, archive.length - 10), Readers.HEADERS, null,
                        "ar member `m0.obj` beyond the end of the file (32 bytes at offset 132; the file has 154)"),
                malformed("ar member header without its end", le(archive, b -> b.put(member + 58, (byte) ' ')),
                        Readers.HEADERS, null, "ar member header at offset 72 does not end in `\\n"),
                malformed("ar member size not a number", le(archive, b -> b.put(member + 48, (byte) 'x')),
                        Readers.HEADERS, null, "ar member header at offset 72 has no decimal size"),
                malformed("ar member that is a truncated ELF object", HandMadeHeaders.ar(cut(elf, 40)),
                        Readers.HEADERS, " member `m0.obj`", "truncated ELF header (40 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isANamedProjectError(String name, byte[] data, Readers readers, String part, String problem)
            throws Exception {
        Path file = Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9.-]+", "-")), data);
        String named = file + (part == null ? "" : part);

        if (readers != Readers.NEEDS) {
            assertThatThrownBy(() -> BinaryHeaders.read(file)).isInstanceOfSatisfying(MalformedBinaryException.class,
                    e -> assertNamed(e, named, problem));
        } else {
            // the damage is in a table only the needs reader follows
            assertThat(BinaryHeaders.read(file)).isPresent();
        }
        if (readers != Readers.HEADERS) {
            assertThatThrownBy(() -> BinaryNeedsReader.read(file))
                    .isInstanceOfSatisfying(MalformedBinaryException.class, e -> assertNamed(e, named, problem));
        } else {
            // an archive is a build input: it needs nothing to start
            assertThat(BinaryNeedsReader.read(file)).isEmpty();
        }
    }

    private static void assertNamed(MalformedBinaryException e, String file, String problem) {
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).startsWith(file + ": " + problem + "; ").contains("rebuild it");
    }

    private static Arguments malformed(String name, byte[] data, Readers readers, String part, String problem) {
        return Arguments.of(name, data, readers, part, problem);
    }

    private static byte[] cut(byte[] data, int length) {
        return Arrays.copyOf(data, length);
    }

    private static byte[] le(byte[] data, Consumer<ByteBuffer> change) {
        return changed(data, ByteOrder.LITTLE_ENDIAN, change);
    }

    private static byte[] be(byte[] data, Consumer<ByteBuffer> change) {
        return changed(data, ByteOrder.BIG_ENDIAN, change);
    }

    private static byte[] changed(byte[] data, ByteOrder order, Consumer<ByteBuffer> change) {
        byte[] copy = data.clone();
        change.accept(ByteBuffer.wrap(copy).order(order));
        return copy;
    }
}
