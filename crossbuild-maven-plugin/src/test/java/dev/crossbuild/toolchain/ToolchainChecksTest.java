package dev.crossbuild.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.tool.NativeTool;
import dev.crossbuild.tools.ToolResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checks as pure functions: facts in, problems out. */
class ToolchainChecksTest {

    private static final Set<String> TRIPLES = Set.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu",
            "x86_64-pc-windows-gnu");
    private static final ToolchainFacts GOOD = new ToolchainFacts("debian", List.of("stable-x86_64-unknown-linux-gnu",
            "debian"), "cargo 1.63.0", null, "rustc 1.63.0", "/usr", TRIPLES);

    @Test
    void aCompleteToolchainHasNoProblems() {
        assertThat(ToolchainChecks.rust(target("aarch64-unknown-linux-gnu", "debian"), GOOD)).isEmpty();
        assertThat(ToolchainChecks.rust(target("aarch64-unknown-linux-gnu", "stable"), GOOD)).isEmpty();
        assertThat(ToolchainChecks.triple(target("aarch64-unknown-linux-gnu", "debian"), GOOD)).isEmpty();
    }

    @Test
    void eachMissingPieceHasItsFix() {
        ToolchainFacts noRustup = new ToolchainFacts("debian", null, null, null, null, null, null);
        assertThat(ToolchainChecks.rust(target("x86_64-unknown-linux-gnu", "debian"), noRustup)).containsExactly(
                "target `t`: <toolchain>debian</toolchain> needs rustup, which is not on PATH; install rustup from"
                        + " https://rustup.rs or remove <toolchain>");
        ToolchainFacts notInstalled = new ToolchainFacts("beta", List.of("stable-x86_64-unknown-linux-gnu"), null,
                null, null, null, null);
        assertThat(ToolchainChecks.rust(target("x86_64-unknown-linux-gnu", "beta"), notInstalled)).singleElement()
                .asString().contains("rustup toolchain `beta` (<toolchain>) is not installed; run `rustup toolchain"
                        + " install beta`");
        ToolchainFacts noCargo = new ToolchainFacts(null, null, null, null, null, null, null);
        assertThat(ToolchainChecks.rust(target("x86_64-unknown-linux-gnu", null), noCargo)).containsExactly(
                "target `t`: cargo was not found on PATH; install Rust from https://rustup.rs (or put cargo on PATH)");
        ToolchainFacts noRustc = new ToolchainFacts(null, null, "cargo 1.80.0", null, null, null, null);
        assertThat(ToolchainChecks.rust(target("x86_64-unknown-linux-gnu", null), noRustc)).singleElement()
                .asString().contains("rustc was not found or does not run beside cargo");
    }

    @Test
    void anUnknownTripleGetsTheNearestSuggestion() {
        assertThat(ToolchainChecks.triple(target("aarch64-unknown-linux-gnux", "debian"), GOOD)).contains(
                "target `t`: <triple>aarch64-unknown-linux-gnux</triple> is not a target rustc 1.63.0 knows; did you"
                        + " mean `aarch64-unknown-linux-gnu`?");
    }

    @Test
    void theStandardLibraryFixDependsOnWhoInstalledTheToolchain() {
        ToolchainFacts rustup = new ToolchainFacts(null, null, "cargo", null, "rustc", "/home/u/.rustup/toolchains/"
                + "stable-x86_64-unknown-linux-gnu", TRIPLES);
        assertThat(ToolchainChecks.installable(rustup)).isTrue();
        assertThat(ToolchainChecks.missingStandardLibrary(target("aarch64-unknown-linux-gnu", null), rustup))
                .contains("run `rustup target add aarch64-unknown-linux-gnu` (or build with"
                        + " -Dcrossbuild.installTargets=true)");
        assertThat(ToolchainChecks.installable(GOOD)).isFalse();
        assertThat(ToolchainChecks.missingStandardLibrary(target("aarch64-unknown-linux-gnu", "debian"), GOOD))
                .contains("in toolchain `debian`; this toolchain is not managed by rustup (sysroot /usr)")
                .contains("libstd-rust-dev:arm64");
        assertThat(GOOD.standardLibrary("aarch64-unknown-linux-gnu"))
                .contains(Path.of("/usr/lib/rustlib/aarch64-unknown-linux-gnu/lib"));
    }

    @Test
    void configuredToolsAreLookedUpByTheirProgram() {
        TargetSpec target = new TargetSpec("t", TargetTriple.parse("aarch64-unknown-linux-gnu"), null, null,
                "aarch64-linux-gnu-gcc", "\"/opt/x y/gcc\" -O2", null, null, "qemu-aarch64 -cpu max",
                Map.of(), null, List.of(), Map.of());
        ToolchainChecks.Result result = ToolchainChecks.tools(target, program -> program.equals("qemu-aarch64")
                ? Optional.of(Path.of("/usr/bin/qemu-aarch64")) : Optional.empty());
        assertThat(result.tools()).containsEntry("runner", "/usr/bin/qemu-aarch64").containsEntry("cc", "missing")
                .containsEntry("linker", "missing");
        assertThat(result.problems()).containsExactly(
                "target `t`: <linker>aarch64-linux-gnu-gcc</linker>: `aarch64-linux-gnu-gcc` is not on PATH; install"
                        + " it (Debian/Ubuntu: `apt-get install gcc-aarch64-linux-gnu`) or set the element to a tool"
                        + " that is on PATH",
                "target `t`: <cc>\"/opt/x y/gcc\" -O2</cc>: `/opt/x y/gcc` is not on PATH; install it, put it on"
                        + " PATH, or set the element to its full path");
    }

    @Test
    void nativeBuildsNeedTheirToolsAndACompiler() {
        TargetTriple host = TargetTriple.parse("x86_64-unknown-linux-gnu");
        ToolResolver resolver = new ToolResolver(host, (p, env) -> false);
        NativeBuildSpec meson = new NativeBuildSpec("calc", NativeTool.MESON, Path.of("calc"), List.of(), Map.of(),
                List.of());
        TargetSpec cross = target("aarch64-unknown-linux-gnu", null);
        ToolchainChecks.Result result = ToolchainChecks.nativeBuilds(cross, List.of(meson),
                resolver.resolveWithDefaults(cross, Map.of()), program -> program.equals("meson")
                        ? Optional.of(Path.of("/usr/bin/meson")) : Optional.empty());
        assertThat(result.problems()).containsExactly(
                "target `t`: native build `calc` (<tool>meson</tool>) needs `ninja`, which is not on PATH; install it"
                        + " (Debian/Ubuntu: `apt-get install ninja-build`) or change <tool> to a tool that is on PATH",
                "target `t` has native builds but no C compiler for aarch64-unknown-linux-gnu; set <cc> (e.g."
                        + " <cc>aarch64-linux-gnu-gcc</cc>) or a <vcvars> script that exports CC");

        TargetSpec hostTarget = target(host.value(), null);
        ToolchainChecks.Result onHost = ToolchainChecks.nativeBuilds(hostTarget, List.of(meson),
                resolver.resolveWithDefaults(hostTarget, Map.of()), program -> Optional.of(Path.of("/usr/bin", program)));
        assertThat(onHost.problems()).isEmpty();
        assertThat(onHost.tools()).containsEntry("cc", "/usr/bin/cc");

        NativeBuildSpec command = new NativeBuildSpec("gen", NativeTool.COMMAND, null, List.of("sh", "gen.sh"),
                Map.of(), List.of());
        assertThat(ToolchainChecks.nativeBuilds(cross, List.of(command), resolver.resolveWithDefaults(cross, Map.of()),
                program -> Optional.empty()).problems()).isEmpty();
    }

    @Test
    void rustflagsInTheEnvironmentWinSilentlySoTheyAreReported() {
        TargetSpec target = new TargetSpec("t", TargetTriple.parse("x86_64-unknown-linux-gnu"), null, "-C lto", null,
                null, null, null, null, Map.of(), null, List.of(), Map.of());
        assertThat(ToolchainChecks.rustflagsWarning(target, Map.of("RUSTFLAGS", "-g"))).isPresent();
        assertThat(ToolchainChecks.rustflagsWarning(target, Map.of())).isEmpty();
    }

    @Test
    void aWasmTargetNeedsRustLldInItsSysrootOrOnPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path sysroot)
            throws Exception {
        TargetSpec wasm = target("wasm32-wasi", "debian");
        java.util.function.Function<String, java.util.Optional<java.nio.file.Path>> nothing = p -> java.util.Optional.empty();
        assertThat(ToolchainChecks.wasmLinker(target("x86_64-unknown-linux-gnu", "debian"), null, nothing)).isEmpty();
        assertThat(ToolchainChecks.wasmLinker(wasm, sysroot.toString(), nothing)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("target `t`: rustc links WebAssembly with `rust-lld`, which is neither"
                        + " in the toolchain's sysroot").contains("apt-get install lld"));
        assertThat(ToolchainChecks.wasmLinker(wasm, sysroot.toString(),
                p -> java.util.Optional.of(java.nio.file.Path.of("/usr/bin", p)))).isEmpty();
        // rustup's toolchains carry it in lib/rustlib/<host>/bin
        java.nio.file.Path lld = java.nio.file.Files.createDirectories(sysroot.resolve(
                "lib/rustlib/x86_64-unknown-linux-gnu/bin")).resolve("rust-lld");
        java.nio.file.Files.writeString(lld, "#!/bin/sh\n");
        lld.toFile().setExecutable(true);
        assertThat(ToolchainChecks.wasmLinker(wasm, sysroot.toString(), nothing)).isEmpty();
    }

    private static TargetSpec target(String triple, String toolchain) {
        return new TargetSpec("t", TargetTriple.parse(triple), toolchain, null, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }
}
