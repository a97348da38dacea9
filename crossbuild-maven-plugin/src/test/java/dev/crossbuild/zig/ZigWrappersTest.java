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
    void windowsArm64LeavesRustsCompilerBuiltinsOffTheLinkLine() throws Exception {
        ZigWrappers.Wrappers w = ZigWrappers.write(target("win", "aarch64-pc-windows-gnullvm", null), dir);
        assertThat(Files.readString(w.cc())).contains("*/libcompiler_builtins-*.rlib) continue ;;")
                .contains("-target aarch64-windows-gnu");
        ZigWrappers.Wrappers x64 = ZigWrappers.write(target("win64", "x86_64-pc-windows-gnullvm", null), dir.resolve("x"));
        assertThat(Files.readString(x64.cc())).doesNotContain("compiler_builtins");
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
     * The flags rustc passes that zig refuses or that the wrapper leaves out (a target, {@code -m64}, macOS's
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
                "-m64", "-arch", "x86_64", source.toString(), "-lgcc_s", "-o", exe.toString()), dir, System.getenv())
                .withTimeout(java.time.Duration.ofMinutes(5)));
        assertThat(linked.result().succeeded()).as(linked.stderr()).isTrue();
        assertThat(runner.capture(ProcessSpec.of(List.of(exe.toString()), dir, System.getenv())).stdout())
                .isEqualTo("hello from zig\n");
        // meson's linker probe: zig's linker is LLD
        assertThat(runner.capture(ProcessSpec.of(List.of(w.cc().toString(), "-Wl,--version"), dir, System.getenv()))
                .stdout()).startsWith("LLD ");
    }
}
