package dev.crossbuild.binary;

import static dev.crossbuild.Toolchains.require;
import static dev.crossbuild.binary.NativeFixtures.jniLibrary;
import static dev.crossbuild.binary.NativeFixtures.machODylib;
import static dev.crossbuild.Toolchains.onPath;
import static dev.crossbuild.binary.NativeFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exported symbols of libraries the real toolchains build, checked against the tools' own readers where the
 * machine has them (readelf for ELF, the mingw objdump for PE, llvm-nm for Mach-O).
 */
class BinaryExportsTest {

    /** What {@link NativeFixtures#JNI_C} exports (with {@code -DON_LOAD}). */
    static final Set<String> JNI_EXPORTS = Set.of("Java_com_example_Hello_add", "Java_com_example_Hello_sum__JJ",
            "Java_com_example_Hello_sum__III", "Java_com_example_Hello_greet", "Java_com_example_Hello_gr_000f6_000dfe",
            "Java_com_example_Hello_twice", "Java_com_example_Hello_00024Inner_answer", "JNI_OnLoad", "uses_helpers");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gcc --hash-style={0}")
    @ValueSource(strings = {"gnu", "sysv", "both"})
    void hostSharedObjectExportsItsDefaultVisibilityFunctions(String hashStyle) throws Exception {
        Path library = jniLibrary(dir, "gcc", "libhello.so", "-DON_LOAD", "-Wl,--hash-style=" + hashStyle);

        BinaryExports exports = BinaryExportsReader.read(library).orElseThrow();

        assertThat(exports.format()).isEqualTo(ObjectFormat.ELF);
        assertThat(exports.architectures()).containsExactly("x86_64");
        assertThat(exports.symbols()).containsAll(JNI_EXPORTS)
                .doesNotContain("hidden_helper", "static_helper", "puts");
        assertThat(exports.symbols()).isEqualTo(readelf(library));
    }

    @Test
    void aarch64SharedObject() throws Exception {
        Path library = jniLibrary(dir, "aarch64-linux-gnu-gcc", "libhello.so", "-DON_LOAD");

        BinaryExports exports = BinaryExportsReader.read(library).orElseThrow();

        assertThat(exports.architectures()).containsExactly("aarch64");
        assertThat(exports.symbols()).containsAll(JNI_EXPORTS).doesNotContain("hidden_helper", "puts");
        assertThat(exports.symbols()).isEqualTo(readelf(library));
    }

    @Test
    void thirtyTwoBitSharedObject() throws Exception {
        require(onPath("gcc") && dev.crossbuild.Toolchains.linux(), "gcc on Linux is needed");
        Files.writeString(dir.resolve("api.c"), "int api(void) { return 1; }\n"
                + "__attribute__((visibility(\"protected\"))) int shielded(void) { return 2; }\n"
                + "__attribute__((weak)) int maybe(void) { return 3; }\n"
                + "__attribute__((visibility(\"hidden\"))) int inside(void) { return 4; }\n"
                + "int counter = 5;\n");
        run(dir, List.of("gcc", "-m32", "-shared", "-nostdlib", "-fPIC", "-o", "libapi.so", "api.c"));

        BinaryExports exports = BinaryExportsReader.read(dir.resolve("libapi.so")).orElseThrow();

        assertThat(exports.architectures()).containsExactly("x86");
        assertThat(exports.symbols()).contains("api", "shielded", "maybe", "counter").doesNotContain("inside");
        assertThat(exports.symbols()).isEqualTo(readelf(dir.resolve("libapi.so")));
    }

    @Test
    void theRunningJvmsLibjvmReadsAsReadelfReadsIt() throws Exception {
        Path libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
        require(Files.isRegularFile(libjvm), libjvm + " is needed");

        BinaryExports exports = BinaryExportsReader.read(libjvm).orElseThrow();

        assertThat(exports.symbols()).contains("JNI_CreateJavaVM", "JNI_GetCreatedJavaVMs");
        assertThat(exports.symbols()).isEqualTo(readelf(libjvm));
    }

    @Test
    void executableWithoutDynamicSymbolsExportsNothing() throws Exception {
        require(onPath("gcc"), "gcc is needed");
        Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        run(dir, List.of("gcc", "-static", "-o", "main", "main.c"));

        assertThat(BinaryExportsReader.read(dir.resolve("main")).orElseThrow().symbols()).isEmpty();
    }

    @Test
    void mingwDllExportsItsExportTable() throws Exception {
        Path library = jniLibrary(dir, "x86_64-w64-mingw32-gcc", "hello.dll", "-DON_LOAD");

        BinaryExports exports = BinaryExportsReader.read(library).orElseThrow();

        assertThat(exports.format()).isEqualTo(ObjectFormat.PE_COFF);
        assertThat(exports.architectures()).containsExactly("x86_64");
        assertThat(exports.isWindowsX86()).isFalse();
        // dllexport on some functions: exactly those are exported
        assertThat(exports.symbols()).isEqualTo(JNI_EXPORTS);
        assertThat(exports.symbols()).isEqualTo(objdumpExports("x86_64-w64-mingw32-objdump", library));
    }

    @Test
    void thirtyTwoBitMingwDllKeepsStdcallDecorations() throws Exception {
        Path decorated = jniLibrary(dir, "i686-w64-mingw32-gcc", "decorated.dll");
        Path killed = jniLibrary(dir, "i686-w64-mingw32-gcc", "killed.dll", "-Wl,--kill-at");

        BinaryExports exports = BinaryExportsReader.read(decorated).orElseThrow();

        assertThat(exports.isWindowsX86()).isTrue();
        assertThat(exports.symbols()).contains("Java_com_example_Hello_add@16", "Java_com_example_Hello_sum__JJ@24",
                "Java_com_example_Hello_sum__III@20", "Java_com_example_Hello_00024Inner_answer@8");
        assertThat(exports.symbols()).isEqualTo(objdumpExports("i686-w64-mingw32-objdump", decorated));
        assertThat(BinaryExportsReader.read(killed).orElseThrow().symbols()).contains("Java_com_example_Hello_add",
                "Java_com_example_Hello_sum__JJ").noneMatch(s -> s.contains("@"));
    }

    @Test
    void handMadePe32WithDecoratedNames() throws Exception {
        byte[] pe = HandMadeExports.pe32(List.of("_Java_a_B_c@8", "JNI_OnLoad"));

        BinaryExports exports = BinaryExportsReader.read(pe).orElseThrow();

        assertThat(exports.isWindowsX86()).isTrue();
        assertThat(exports.symbols()).containsExactly("JNI_OnLoad", "_Java_a_B_c@8");
    }

    @Test
    void peExecutableWithoutExportsExportsNothing() throws Exception {
        byte[] pe = HandMadeNeeds.pe(List.of("KERNEL32.dll"), List.of(), 3);

        assertThat(BinaryExportsReader.read(pe).orElseThrow().symbols()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"arm64-apple-macos11", "x86_64-apple-macos10.12"})
    void machODylibFromLldExportsItsTrie(String triple) throws Exception {
        Path library = machODylib(dir, triple, "libhello.dylib");

        BinaryExports exports = BinaryExportsReader.read(library).orElseThrow();

        assertThat(exports.format()).isEqualTo(ObjectFormat.MACH_O);
        assertThat(exports.architectures()).containsExactly(triple.startsWith("arm64") ? "aarch64" : "x86_64");
        assertThat(exports.symbols()).containsExactly("JNI_OnLoad", "Java_com_example_Hello_add");
        assertThat(exports.symbols()).isEqualTo(llvmNm(library));
    }

    @Test
    void machOWithoutATrieFallsBackToItsSymbolTable() throws Exception {
        byte[] data = Files.readAllBytes(machODylib(dir, "arm64-apple-macos11", "libhello.dylib"));
        int command = HandMadeExports.machOCommand(data, 0x80000022L);
        // the same file, its LC_DYLD_INFO_ONLY turned into a command no reader knows
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(command, 0x7ffffff0);

        assertThat(BinaryExportsReader.read(data).orElseThrow().symbols())
                .containsExactly("JNI_OnLoad", "Java_com_example_Hello_add");
    }

    @Test
    void machOWithAnExportsTrieCommand() throws Exception {
        byte[] data = Files.readAllBytes(machODylib(dir, "arm64-apple-macos11", "libhello.dylib"));
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int command = HandMadeExports.machOCommand(data, 0x80000022L);
        int trieOffset = b.getInt(command + 40);
        int trieSize = b.getInt(command + 44);
        // LC_DYLD_EXPORTS_TRIE, as newer linkers write it beside chained fixups: a linkedit_data_command
        b.putInt(command, 0x80000033).putInt(command + 8, trieOffset).putInt(command + 12, trieSize);

        assertThat(BinaryExportsReader.read(data).orElseThrow().symbols())
                .containsExactly("JNI_OnLoad", "Java_com_example_Hello_add");
    }

    @Test
    void universalDylibExportsWhatEverySliceExports() throws Exception {
        require(onPath("llvm-lipo") || Files.isExecutable(Path.of("/usr/lib/llvm-14/bin/llvm-lipo")),
                "llvm-lipo is needed (Debian package llvm)");
        Path arm = machODylib(dir, "arm64-apple-macos11", "arm.dylib");
        Path x64 = machODylib(dir, "x86_64-apple-macos10.12", "x64.dylib");
        String lipo = onPath("llvm-lipo") ? "llvm-lipo" : "/usr/lib/llvm-14/bin/llvm-lipo";
        run(dir, List.of(lipo, "-create", "-output", "libhello.dylib", arm.toString(), x64.toString()));

        BinaryExports exports = BinaryExportsReader.read(dir.resolve("libhello.dylib")).orElseThrow();

        assertThat(exports.architectures()).containsExactlyInAnyOrder("aarch64", "x86_64");
        assertThat(exports.symbols()).containsExactly("JNI_OnLoad", "Java_com_example_Hello_add");
    }

    @Test
    void handMadeMachOTrieWithNestedEdges() throws Exception {
        byte[] data = HandMadeExports.machO(List.of("_Java_a_B_c", "_Java_a_B_d", "_Java_a_C_e", "_JNI_OnLoad",
                "_x"), true);

        assertThat(BinaryExportsReader.read(data).orElseThrow().symbols())
                .containsExactly("JNI_OnLoad", "Java_a_B_c", "Java_a_B_d", "Java_a_C_e", "x");
    }

    @Test
    void filesThatAreNoLibraryReadAsNone() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "no binary here\n");

        assertThat(BinaryExportsReader.read(text)).isEmpty();
        assertThat(BinaryExportsReader.read(HandMadeHeaders.ar(HandMadeHeaders.importObject(0xAA64)))).isEmpty();
    }

    /** The defined global, weak and unique dynamic symbols of default or protected visibility, by readelf. */
    static Set<String> readelf(Path library) throws Exception {
        require(onPath("readelf"), "readelf is needed");
        Set<String> names = new TreeSet<>();
        for (String line : run(library.getParent(), List.of("readelf", "--dyn-syms", "-W", library.toString()))
                .split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || !f[0].endsWith(":") || f[6].equals("UND")) {
                continue;
            }
            boolean bound = f[4].equals("GLOBAL") || f[4].equals("WEAK") || f[4].equals("UNIQUE");
            boolean visible = f[5].equals("DEFAULT") || f[5].equals("PROTECTED");
            if (bound && visible && !f[3].equals("SECTION") && !f[3].equals("FILE")) {
                String name = f[7];
                int version = name.indexOf('@');
                names.add(version < 0 ? name : name.substring(0, version));
            }
        }
        return names;
    }

    /** The names of a PE image's export table, as objdump -p prints them. */
    private static Set<String> objdumpExports(String objdump, Path library) throws Exception {
        require(onPath(objdump), objdump + " is needed");
        Set<String> names = new TreeSet<>();
        boolean inTable = false;
        for (String line : run(library.getParent(), List.of(objdump, "-p", library.toString())).split("\n")) {
            if (line.startsWith("[Ordinal/Name Pointer] Table")) {
                inTable = true;
            } else if (inTable && line.trim().startsWith("[")) {
                String[] f = line.trim().split("\\s+");
                names.add(f[f.length - 1]);
            } else if (inTable && line.isBlank()) {
                inTable = false;
            }
        }
        return names;
    }

    /** The external defined symbols llvm-nm lists, without their leading underscore. */
    private static Set<String> llvmNm(Path library) throws Exception {
        String nm = onPath("llvm-nm") ? "llvm-nm" : "/usr/lib/llvm-14/bin/llvm-nm";
        require(onPath("llvm-nm") || Files.isExecutable(Path.of(nm)), "llvm-nm is needed");
        Set<String> names = new TreeSet<>();
        for (String line : run(library.getParent(), List.of(nm, "--extern-only", "--defined-only", "-j",
                library.toString())).split("\n")) {
            if (!line.isBlank()) {
                names.add(line.trim().startsWith("_") ? line.trim().substring(1) : line.trim());
            }
        }
        return names;
    }
}
