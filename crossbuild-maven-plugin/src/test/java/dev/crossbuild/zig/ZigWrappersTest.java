package dev.crossbuild.zig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.tools.ToolResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zig wrappers: written under the target's work folder, set as the target's compilers and cargo's linker, and
 * run against the real zig (where it is on PATH) with the flags rustc passes that zig refuses.
 */
class ZigWrappersTest {

    @TempDir
    Path dir;

    private static TargetSpec target(String id, String triple, String glibc) {
        return new TargetSpec(id, TargetTriple.parse(triple), "web", null, "zig", null, null, null, null, Map.of(),
                null, List.of(), Map.of(), List.of(), List.of(), glibc, null, false);
    }

    @Test
    void zigTargetsGetTheirWrappersAsCompilersAndLinker() throws Exception {
        WorkLayout layout = new WorkLayout(dir);
        TargetSpec plain = new TargetSpec("plain", TargetTriple.parse("aarch64-unknown-linux-gnu"), null, null,
                "aarch64-linux-gnu-gcc", null, null, null, null, Map.of(), null, List.of(), Map.of());
        List<TargetSpec> applied = ZigWrappers.apply(List.of(target("arm", "aarch64-unknown-linux-gnu", "2.17"), plain),
                layout);
        Path zig = layout.zigDir("arm");
        assertThat(zig).isEqualTo(dir.resolve("crossbuild/targets/arm/zig"));
        TargetSpec arm = applied.get(0);
        assertThat(arm.cc()).isEqualTo(zig.resolve("cc").toString());
        assertThat(arm.cxx()).isEqualTo(zig.resolve("c++").toString());
        assertThat(arm.ar()).isEqualTo(zig.resolve("ar").toString());
        assertThat(applied.get(1)).isSameAs(plain);
        assertThat(ToolResolver.configuredVariables(arm)).containsEntry("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER",
                zig.resolve("cc").toString()).containsEntry("CC_aarch64_unknown_linux_gnu", zig.resolve("cc").toString())
                .containsEntry("CXX_aarch64_unknown_linux_gnu", zig.resolve("c++").toString())
                .containsEntry("AR_aarch64_unknown_linux_gnu", zig.resolve("ar").toString());
        assertThat(Files.readString(zig.resolve("cc"))).contains("exec zig cc -target aarch64-linux-gnu.2.17 \"$@\"")
                .doesNotContain("compiler_builtins");
        assertThat(Files.readString(zig.resolve("c++"))).contains("exec zig c++ -target aarch64-linux-gnu.2.17");
        assertThat(Files.readString(zig.resolve("ar"))).endsWith("exec zig ar \"$@\"\n");
        assertThat(Files.isExecutable(zig.resolve("cc"))).isTrue();
    }

    @Test
    void windowsLeavesRustsCompilerBuiltinsOffTheLinkLine() throws Exception {
        ZigWrappers.Wrappers w = ZigWrappers.write(target("win", "aarch64-pc-windows-gnullvm", null), dir);
        assertThat(Files.readString(w.cc())).contains("*/libcompiler_builtins-*.rlib) continue ;;")
                .contains("-target aarch64-windows-gnu");
        ZigWrappers.Wrappers x64 = ZigWrappers.write(target("win64", "x86_64-pc-windows-gnullvm", null), dir.resolve("x"));
        // x86_64 too: its ___chkstk_ms is zig's compiler_rt's as well (lld-link: duplicate symbol)
        assertThat(Files.readString(x64.cc())).contains("*/libcompiler_builtins-*.rlib) continue ;;")
                .contains("-target x86_64-windows-gnu");
        ZigWrappers.Wrappers linux = ZigWrappers.write(target("lin", "x86_64-unknown-linux-musl", null), dir.resolve("l"));
        assertThat(Files.readString(linux.cc())).doesNotContain("compiler_builtins").doesNotContain(".def");
    }

    /**
     * A cdylib: rustc hands the linker the list of what it exports ({@code -Wl,-exported_symbols_list <file>} for
     * macOS, {@code -Wl,<dir>/list.def} for a DLL), which zig 0.11 refuses ("unsupported linker arg"). Through the
     * wrapper the DLL's list is an input file, which zig takes: the DLL exports what it names, though another
     * function is {@code dllexport}ed (which turns the linker's export of every symbol off); the other formats link
     * without the list and export their function with every other global symbol.
     */
    @Test
    void aLibrarysExportListIsLeftOutAndItsFunctionIsStillExported() throws Exception {
        dev.crossbuild.Toolchains.require(Executables.find("zig", System.getenv()).isPresent(),
                "zig on PATH (.ci/zig.sh installs zig 0.11)");
        Path source = Files.writeString(dir.resolve("lib.c"), "int hello_add(int a, int b) { return a + b; }\n");
        Path list = Files.writeString(dir.resolve("list"), "_hello_add\n");
        Path def = Files.writeString(dir.resolve("list.def"), "EXPORTS\n  hello_add\n");
        Path dll = Files.writeString(dir.resolve("dll.c"), "int hello_add(int a, int b) { return a + b; }\n"
                + "__declspec(dllexport) int other(void) { return 1; }\n");
        String[][] cases = {
            // triple, library, the export-list arguments rustc passes
            {"aarch64-apple-darwin", "libhello.dylib", "-dynamiclib", "-Wl,-exported_symbols_list", "-Wl," + list},
            {"aarch64-apple-darwin", "libhello1.dylib", "-dynamiclib", "-Wl,-exported_symbols_list," + list},
            {"aarch64-pc-windows-gnullvm", "hello.dll", "-shared", "-Wl," + def},
            {"x86_64-unknown-linux-gnu", "libhello.so", "-shared", "-Wl,--dynamic-list", "-Wl," + list},
        };
        ProcessRunner runner = new ProcessRunner();
        for (String[] c : cases) {
            ZigWrappers.Wrappers w = ZigWrappers.write(target(c[1], c[0], null), dir.resolve("w-" + c[1]));
            Path library = dir.resolve(c[1]);
            List<String> command = new java.util.ArrayList<>(List.of(w.cc().toString()));
            command.addAll(List.of(c).subList(2, c.length));
            command.addAll(List.of((c[0].contains("windows") ? dll : source).toString(), "-o", library.toString()));
            var linked = runner.capture(ProcessSpec.of(command, dir, System.getenv())
                    .withTimeout(java.time.Duration.ofMinutes(5)));
            assertThat(linked.result().succeeded()).as(c[0] + ": " + linked.stderr()).isTrue();
            assertThat(dev.crossbuild.binary.BinaryExportsReader.read(library).orElseThrow().symbols())
                    .as(c[0]).anyMatch(symbol -> symbol.equals("hello_add") || symbol.equals("_hello_add"));
        }
    }

    @Test
    void anUnchangedWrapperIsNotWrittenAgain() throws Exception {
        ZigWrappers.Wrappers first = ZigWrappers.write(target("a", "x86_64-unknown-linux-musl", null), dir);
        Files.setLastModifiedTime(first.cc(), java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        ZigWrappers.write(target("a", "x86_64-unknown-linux-musl", null), dir);
        assertThat(Files.getLastModifiedTime(first.cc()).toMillis()).isEqualTo(1_000_000L);
        ZigWrappers.write(target("a", "x86_64-unknown-linux-gnu", "2.17"), dir);
        assertThat(Files.readString(first.cc())).contains("x86_64-linux-gnu.2.17");
    }

    /**
     * The flags rustc passes that zig refuses or that the wrapper leaves out (a target, {@code -m64},
     * {@code -Wl,--no-undefined-version} of a proc-macro linked for the host's triple, macOS's
     * {@code -arch <name>}: its name must go with it, or zig takes it for an input file), given to the real zig
     * through the wrapper: it links all the same.
     */
    @Test
    void theWrapperLinksWithTheRealZigDespiteRustcsFlags() throws Exception {
        assumeTrue(Executables.find("zig", System.getenv()).isPresent(), "zig is not on PATH");
        ZigWrappers.Wrappers w = ZigWrappers.write(target("t", "x86_64-unknown-linux-gnu", "2.17"), dir);
        Path source = Files.writeString(dir.resolve("hello.c"),
                "#include <stdio.h>\nint main(void) { puts(\"hello from zig\"); return 0; }\n");
        Path exe = dir.resolve("hello");
        ProcessRunner runner = new ProcessRunner();
        var linked = runner.capture(ProcessSpec.of(List.of(w.cc().toString(), "--target=x86_64-unknown-linux-gnu",
                "-m64", "-arch", "x86_64", "-Wl,--no-undefined-version", source.toString(), "-lgcc_s", "-o", exe.toString()), dir,
                System.getenv())
                .withTimeout(java.time.Duration.ofMinutes(5)));
        assertThat(linked.result().succeeded()).as(linked.stderr()).isTrue();
        assertThat(runner.capture(ProcessSpec.of(List.of(exe.toString()), dir, System.getenv())).stdout())
                .isEqualTo("hello from zig\n");
        // meson's linker probe: zig's linker is LLD
        assertThat(runner.capture(ProcessSpec.of(List.of(w.cc().toString(), "-Wl,--version"), dir, System.getenv()))
                .stdout()).startsWith("LLD ");
    }

    /**
     * {@code <zig>} names the zig: the wrappers run it by its path, so a PATH without zig (a CI image with zig
     * unpacked in a folder of its own) links all the same.
     */
    @Test
    void aConfiguredZigIsRunByItsPathWithoutZigOnPath() throws Exception {
        Path real = Executables.find("zig", System.getenv()).orElse(null);
        dev.crossbuild.Toolchains.require(real != null, "zig on PATH (.ci/zig.sh installs zig 0.11)");
        // the folder form, through a folder whose name needs quoting
        Path folder = Files.createDirectories(dir.resolve("my zig"));
        Files.createSymbolicLink(folder.resolve("zig"), real.toRealPath());
        ZigProgram zig = ZigProgram.of(folder.toString(), dir);
        assertThat(zig).isEqualTo(new ZigProgram(folder.resolve("zig").toString(), true));
        List<TargetSpec> applied = ZigWrappers.apply(List.of(target("m", "x86_64-unknown-linux-musl", null)),
                new WorkLayout(dir), zig);
        Path cc = Path.of(applied.get(0).cc());
        assertThat(Files.readString(cc)).endsWith("exec '" + folder.resolve("zig") + "' cc -target x86_64-linux-musl"
                + " \"$@\"\n");
        assertThat(Files.readString(Path.of(applied.get(0).ar()))).endsWith("exec '" + folder.resolve("zig")
                + "' ar \"$@\"\n");
        Path source = Files.writeString(dir.resolve("hello.c"),
                "#include <stdio.h>\nint main(void) { puts(\"hello from a configured zig\"); return 0; }\n");
        Path exe = dir.resolve("hello");
        // sh and the programs the wrapper needs, but no zig
        Map<String, String> noZig = new java.util.HashMap<>(System.getenv());
        noZig.put("PATH", "/usr/bin:/bin");
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(Path.of("/usr/bin/zig")), "zig in /usr/bin");
        ProcessRunner runner = new ProcessRunner();
        var linked = runner.capture(ProcessSpec.of(List.of(cc.toString(), source.toString(), "-o", exe.toString()), dir,
                noZig).withTimeout(java.time.Duration.ofMinutes(5)));
        assertThat(linked.result().succeeded()).as(linked.stderr()).isTrue();
        assertThat(runner.capture(ProcessSpec.of(List.of(exe.toString()), dir, System.getenv())).stdout())
                .isEqualTo("hello from a configured zig\n");
    }

    /** With {@code <macosMin>}, the program zig links loads on that macOS (zig 0.11's own default for arm64 is 11.7). */
    @Test
    void theMinimumMacosReachesTheLinkedProgram() throws Exception {
        dev.crossbuild.Toolchains.require(Executables.find("zig", System.getenv()).isPresent(),
                "zig on PATH (.ci/zig.sh installs zig 0.11)");
        TargetSpec mac = new TargetSpec("mac", TargetTriple.parse("aarch64-apple-darwin"), "web", null, "zig", null,
                null, null, null, Map.of(), null, List.of(), Map.of(), List.of(), List.of(), null, "11.0", true);
        ZigWrappers.Wrappers w = ZigWrappers.write(mac, dir);
        assertThat(Files.readString(w.cc())).contains("exec zig cc -target aarch64-macos.11.0 \"$@\"");
        Path source = Files.writeString(dir.resolve("m.c"), "int main(void) { return 0; }\n");
        Path exe = dir.resolve("m");
        var linked = new ProcessRunner().capture(ProcessSpec.of(List.of(w.cc().toString(), "-arch", "arm64",
                source.toString(), "-o", exe.toString()), dir, System.getenv()).withTimeout(java.time.Duration.ofMinutes(5)));
        assertThat(linked.result().succeeded()).as(linked.stderr()).isTrue();
        assertThat(dev.crossbuild.binary.BinaryNeedsReader.read(exe).orElseThrow().minimumOs()).isEqualTo("11.0");
    }

    /**
     * {@code x86_64-pc-windows-gnu}: rustc links its MinGW libraries with GCC's flags and runtime libraries
     * ({@code -Wl,--disable-auto-image-base}, which zig refuses; {@code -lgcc_eh}, {@code -lgcc}, {@code -lssp},
     * {@code -l:libpthread.a}, which zig has not): through the wrapper, zig links all the same, and the program runs
     * under wine.
     */
    @Test
    void aWindowsGnuProgramLinksWithRustcsMingwFlags() throws Exception {
        dev.crossbuild.Toolchains.require(Executables.find("zig", System.getenv()).isPresent(),
                "zig on PATH (.ci/zig.sh installs zig 0.11)");
        ZigWrappers.Wrappers w = ZigWrappers.write(target("w", "x86_64-pc-windows-gnu", null), dir);
        String text = Files.readString(w.cc());
        assertThat(text).contains("    -lgcc_eh) set -- \"$@\" -lunwind; continue ;;\n")
                .contains("*/libcompiler_builtins-*.rlib) continue ;;").contains("if [ -z \"$notime\" ]; then exec zig cc -target"
                        + " x86_64-windows-gnu \"$@\"; fi\n");
        Path source = Files.writeString(dir.resolve("hello.c"),
                "#include <stdio.h>\nint main(void) { puts(\"hello from windows-gnu\"); return 0; }\n");
        Path exe = dir.resolve("hello.exe");
        ProcessRunner runner = new ProcessRunner();
        var linked = runner.capture(ProcessSpec.of(List.of(w.cc().toString(), "-fno-use-linker-plugin",
                "-Wl,--dynamicbase", "-Wl,--disable-auto-image-base", "-m64", "-Wl,--high-entropy-va", source.toString(),
                "-Wl,-Bdynamic", "-ladvapi32", "-luserenv", "-lkernel32", "-lws2_32", "-lbcrypt", "-lgcc_eh",
                "-l:libpthread.a", "-lmsvcrt", "-lmingwex", "-lmingw32", "-lgcc", "-lmsvcrt", "-luser32", "-lkernel32",
                "-lssp_nonshared", "-lssp", "-Wl,--nxcompat", "-o", exe.toString(), "-Wl,--gc-sections", "-no-pie",
                "-Wl,-O1"), dir, System.getenv()).withTimeout(java.time.Duration.ofMinutes(5)));
        assertThat(linked.result().succeeded()).as(linked.stderr()).isTrue();
        assertThat(dev.crossbuild.binary.BinaryHeaders.read(exe).orElseThrow().description())
                .isEqualTo("PE32+ executable, x86_64");
        if (Executables.find("wine", System.getenv()).isPresent()) {
            Map<String, String> env = new java.util.HashMap<>(System.getenv());
            env.put("WINEDEBUG", "-all");
            assertThat(runner.capture(ProcessSpec.of(List.of("wine", exe.toString()), dir, env)
                    .withTimeout(java.time.Duration.ofMinutes(2))).stdout()).contains("hello from windows-gnu");
        }
    }

    /**
     * zig 0.11 refuses {@code -Wl,--no-insert-timestamp} and writes the link time into a PE file: the Windows wrapper
     * links without the flag and sets the time to 0, so two links of the same stripped library, seconds apart, are
     * the same bytes; without the flag the time stays.
     */
    @Test
    void aWindowsLinkWithoutTimestampIsTheSameBytesTwice() throws Exception {
        dev.crossbuild.Toolchains.require(Executables.find("zig", System.getenv()).isPresent(),
                "zig on PATH (.ci/zig.sh installs zig 0.11)");
        ZigWrappers.Wrappers w = ZigWrappers.write(target("win", "aarch64-pc-windows-gnullvm", null), dir.resolve("w"));
        Path source = Files.writeString(dir.resolve("lib.c"), "int hello_add(int a, int b) { return a + b; }\n");
        ProcessRunner runner = new ProcessRunner();
        java.util.function.BiFunction<String, Boolean, Path> link = (name, noTime) -> {
            Path out = dir.resolve(name);
            List<String> command = new java.util.ArrayList<>(List.of(w.cc().toString(), "-shared", "-Wl,--strip-debug",
                    "-s", source.toString(), "-o", out.toString()));
            if (noTime) {
                command.add("-Wl,--no-insert-timestamp");
            }
            try {
                Files.createDirectories(out.getParent());
                var linked = runner.capture(ProcessSpec.of(command, dir, System.getenv())
                        .withTimeout(java.time.Duration.ofMinutes(5)));
                assertThat(linked.result().succeeded()).as(linked.stderr()).isTrue();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return out;
        };
        Path first = link.apply("one/hello.dll", true);
        Thread.sleep(1100);
        Path second = link.apply("two/hello.dll", true);
        assertThat(dev.crossbuild.it.ItSupport.peLinkTime(first.toFile())).isZero();
        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
        assertThat(dev.crossbuild.it.ItSupport.peMachine(first.toFile())).isEqualTo(0xaa64);
        Path timed = link.apply("three/hello.dll", false);
        assertThat(dev.crossbuild.it.ItSupport.peLinkTime(timed.toFile())).isNotZero();
    }
}
