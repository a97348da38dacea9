package dev.crossbuild.binary;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What binaries need, read from the binaries the real toolchains build here (gcc, aarch64-linux-gnu-gcc,
 * mingw-w64 g++) and from hand-made PE and Mach-O images.
 */
class BinaryNeedsReaderTest {

    @TempDir
    Path dir;

    @Test
    void elfNeededRunpathAndGlibcVersions() throws Exception {
        require(dev.crossbuild.Toolchains.linux() && dev.crossbuild.Toolchains.onPath("gcc"), "gcc on Linux is needed");
        Files.writeString(dir.resolve("greet.c"), "int greet(void) { return 7; }\n");
        Files.writeString(dir.resolve("main.c"), "#include <stdio.h>\nint greet(void);\n"
                + "int main(void) { printf(\"%d\\n\", greet()); return 0; }\n");
        run("gcc", "-shared", "-fPIC", "-o", "libgreet.so", "greet.c");
        run("gcc", "-o", "main", "main.c", "-L.", "-lgreet", "-Wl,-rpath,$ORIGIN/lib");
        BinaryNeeds needs = BinaryNeedsReader.read(dir.resolve("main")).orElseThrow();
        assertThat(needs.format()).isEqualTo(ObjectFormat.ELF);
        assertThat(needs.libraries()).contains("libgreet.so", "libc.so.6");
        assertThat(needs.searchPaths()).containsExactly("$ORIGIN/lib");
        assertThat(needs.versions().get("libc.so.6")).anyMatch(v -> v.startsWith("GLIBC_2."));
        assertThat(BinaryNeeds.compareVersions(needs.newestGlibc(), "2.17")).isPositive();
    }

    @Test
    void whetherSymbolsAreFoundThroughAGnuHashTableOnly() throws Exception {
        require(dev.crossbuild.Toolchains.linux() && dev.crossbuild.Toolchains.onPath("gcc"), "gcc on Linux is needed");
        Files.writeString(dir.resolve("main.c"), "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        run("gcc", "-o", "gnu", "main.c", "-Wl,--hash-style=gnu");
        run("gcc", "-o", "both", "main.c", "-Wl,--hash-style=both");
        run("gcc", "-o", "sysv", "main.c", "-Wl,--hash-style=sysv");
        assertThat(BinaryNeedsReader.read(dir.resolve("gnu")).orElseThrow().gnuHashOnly()).isTrue();
        assertThat(BinaryNeedsReader.read(dir.resolve("both")).orElseThrow().gnuHashOnly()).isFalse();
        assertThat(BinaryNeedsReader.read(dir.resolve("sysv")).orElseThrow().gnuHashOnly()).isFalse();
    }

    @Test
    void aarch64ElfToo() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("aarch64-linux-gnu-gcc"), "aarch64-linux-gnu-gcc is needed");
        Files.writeString(dir.resolve("main.c"), "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        run("aarch64-linux-gnu-gcc", "-o", "main", "main.c");
        BinaryNeeds needs = BinaryNeedsReader.read(dir.resolve("main")).orElseThrow();
        assertThat(needs.libraries()).containsExactly("libc.so.6");
        assertThat(needs.searchPaths()).isEmpty();
        assertThat(needs.newestGlibc()).isNotNull();
    }

    @Test
    void aStaticExecutableNeedsNothing() throws Exception {
        require(dev.crossbuild.Toolchains.linux() && dev.crossbuild.Toolchains.onPath("gcc") && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libc.a")), "static glibc is needed");
        Files.writeString(dir.resolve("main.c"), "int main(void) { return 0; }\n");
        run("gcc", "-static", "-o", "main", "main.c");
        assertThat(BinaryNeedsReader.read(dir.resolve("main")).orElseThrow().libraries()).isEmpty();
    }

    @Test
    void mingwCppImportsItsRuntimeDlls() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("x86_64-w64-mingw32-g++-posix"), "x86_64-w64-mingw32-g++-posix is needed");
        Files.writeString(dir.resolve("main.cpp"), "#include <iostream>\n#include <string>\n"
                + "int main() { std::string s = \"hi\"; std::cout << s << std::endl; return 0; }\n");
        run("x86_64-w64-mingw32-g++-posix", "-o", "main.exe", "main.cpp");
        BinaryNeeds console = BinaryNeedsReader.read(dir.resolve("main.exe")).orElseThrow();
        assertThat(console.format()).isEqualTo(ObjectFormat.PE_COFF);
        assertThat(console.libraries()).contains("libstdc++-6.dll").anyMatch(d -> d.equalsIgnoreCase("KERNEL32.dll"));
        assertThat(console.subsystem()).isEqualTo("console");
        run("x86_64-w64-mingw32-g++-posix", "-mwindows", "-o", "gui.exe", "main.cpp");
        assertThat(BinaryNeedsReader.read(dir.resolve("gui.exe")).orElseThrow().subsystem()).isEqualTo("windows");
    }

    @Test
    void peImportsAndDelayImports() throws Exception {
        byte[] image = HandMadeNeeds.pe(List.of("KERNEL32.dll", "VCRUNTIME140.dll"), List.of("dbghelp.dll"), 3);
        BinaryNeeds needs = BinaryNeedsReader.read(image).orElseThrow();
        assertThat(needs.libraries()).containsExactly("KERNEL32.dll", "VCRUNTIME140.dll", "dbghelp.dll");
        assertThat(needs.subsystem()).isEqualTo("console");
    }

    @Test
    void machOLoadCommands() throws Exception {
        byte[] image = HandMadeNeeds.machO(List.of("/usr/lib/libSystem.B.dylib", "@rpath/libtray.dylib"),
                List.of("@loader_path/../lib"), 0x000b0000);
        BinaryNeeds needs = BinaryNeedsReader.read(image).orElseThrow();
        assertThat(needs.format()).isEqualTo(ObjectFormat.MACH_O);
        assertThat(needs.libraries()).containsExactly("/usr/lib/libSystem.B.dylib", "@rpath/libtray.dylib");
        assertThat(needs.searchPaths()).containsExactly("@loader_path/../lib");
        assertThat(needs.minimumOs()).isEqualTo("11.0");
        byte[] fat = HandMadeHeaders.fat(false, image, HandMadeNeeds.machO(List.of("/usr/lib/libc++.1.dylib"),
                List.of(), 0x000a0f00));
        BinaryNeeds both = BinaryNeedsReader.read(fat).orElseThrow();
        assertThat(both.libraries()).contains("/usr/lib/libSystem.B.dylib", "/usr/lib/libc++.1.dylib");
        assertThat(both.minimumOs()).isEqualTo("11.0");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(BinaryNeeds.compareVersions("2.17", "2.9")).isPositive();
        assertThat(BinaryNeeds.compareVersions("11.0", "11")).isZero();
        assertThat(MachONeeds.version(0x000a0f01)).isEqualTo("10.15.1");
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }


}
