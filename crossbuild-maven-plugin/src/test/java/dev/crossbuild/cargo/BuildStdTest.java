package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.reproducible.ReproducibleBuild;
import dev.crossbuild.toolchain.ToolchainFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code <buildStd>true</buildStd>} adds to cargo's command, environment and rustflags, per target. */
class BuildStdTest {

    @TempDir
    Path dir;

    private static TargetSpec target(String id, String triple, String linker, boolean buildStd) {
        return new TargetSpec(id, TargetTriple.parse(triple), "web", null, linker, null, null, null, null, Map.of(),
                null, List.of(), Map.of(), List.of(), List.of(), null, null, buildStd);
    }

    private static ToolchainFacts facts(String rustc, Path sysroot) {
        return new ToolchainFacts("web", List.of("web"), "cargo 1.96.0", null, rustc,
                sysroot == null ? null : sysroot.toString(), null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aarch64-unknown-linux-musl  | true  | -     | -C link-self-contained=no",
        "x86_64-unknown-linux-musl   | true  | zig   | -C link-self-contained=no",
        "aarch64-unknown-linux-musl  | false | zig   | ''",
        "aarch64-apple-darwin        | true  | zig   | -C strip=none",
        "x86_64-apple-darwin         | false | zig   | -C strip=none",
        "aarch64-apple-darwin        | false | -     | ''",
        "aarch64-pc-windows-gnullvm  | true  | zig   | ''",
        "x86_64-unknown-linux-gnu    | true  | zig   | ''",
    })
    void perTargetRustflags(String triple, boolean buildStd, String linker, String flags) {
        TargetSpec target = target("t", triple, linker.equals("-") ? null : linker, buildStd);
        assertThat(String.join(" ", BuildStd.rustflags(target))).isEqualTo(flags);
        // they reach cargo with the target's own rustflags, as one --config array
        assertThat(CargoRustflags.of(target, ReproducibleBuild.OFF)).isEqualTo(BuildStd.rustflags(target));
    }

    @Test
    void cargoBuildsStdOnlyForABuildStdGroup() {
        assertThat(BuildStd.cargoArgs(List.of(target("a", "aarch64-apple-darwin", "zig", true))))
                .containsExactly("-Zbuild-std=std,panic_abort");
        assertThat(BuildStd.cargoArgs(List.of(target("e", "thumbv7em-none-eabihf", null, true))))
                .containsExactly("-Zbuild-std=core");
        assertThat(BuildStd.cargoArgs(List.of(target("g", "x86_64-unknown-linux-gnu", "zig", false)))).isEmpty();
        CargoOptions options = new CargoOptions(Path.of("/p/Cargo.toml"), new CargoSelection("release", List.of(),
                false, false), new WorkLayout(Path.of("/p/target")), false, false, List.of(), Map.of(), null, false,
                null, null, true);
        assertThat(CargoBuilder.command("build", List.of(target("a", "aarch64-apple-darwin", "zig", true)),
                Path.of("/t"), options, List.of("--config", "x=1"))).containsSubsequence("--message-format=json",
                        "-Zbuild-std=std,panic_abort", "--config", "x=1");
    }

    @Test
    void aTargetThatBuildsStdNeverSharesACargoRunWithOneThatDoesNot() {
        WorkLayout layout = new WorkLayout(Path.of("/p/target"));
        var groups = CargoGroup.plan(List.of(target("g", "x86_64-unknown-linux-gnu", "zig", false),
                target("m", "aarch64-unknown-linux-musl", "zig", true), target("d", "aarch64-apple-darwin", "zig", true),
                target("e", "thumbv7em-none-eabihf", null, true)), List.of(), layout, true);
        assertThat(groups).extracting(CargoGroup::label).containsExactly("g", "m+d", "e");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', value = {
        "rustc 1.96.0 (ac68faa20 2026-05-25) (built from a source tarball) | 1",
        "rustc 1.85.0 (4d91de4e4 2025-02-17)                               | 1",
        "rustc 1.97.0-nightly (0a1b2c3d4 2026-06-01)                       | -",
        "rustc 1.96.0-dev                                                  | -",
    })
    void rustcBootstrapOnlyWhereTheToolchainIsNotNightly(String rustc, String bootstrap) {
        Map<String, String> env = BuildStd.environment(facts(rustc, null));
        assertThat(env.get("RUSTC_BOOTSTRAP")).isEqualTo(bootstrap);
        assertThat(BuildStd.environment(facts(null, null))).isEmpty();
    }

    @Test
    void theSourcesVendorFolderIsCargosOfflineCratesIo() throws Exception {
        Path sysroot = dir.resolve("my sysroot");
        Path library = sysroot.resolve("lib/rustlib/src/rust/library");
        assertThat(BuildStd.sourceConfig(facts("rustc 1.96.0", sysroot))).isEmpty();
        Files.createDirectories(library.resolve("vendor"));
        assertThat(BuildStd.sourceConfig(facts("rustc 1.96.0", sysroot))).as("no Cargo.lock: no usable sources")
                .isEmpty();
        Files.writeString(library.resolve("Cargo.lock"), "version = 4\n");
        assertThat(facts("rustc 1.96.0", sysroot).librarySources()).contains(library);
        assertThat(BuildStd.sourceConfig(facts("rustc 1.96.0", sysroot))).containsExactly(
                "--config", "source.crates-io.replace-with=\"crossbuild-std-vendor\"",
                "--config", "source.crossbuild-std-vendor.directory=\"" + library.resolve("vendor") + "\"",
                "--config", "net.offline=true");
        // sources without a vendor folder (rustup's rust-src): cargo downloads std's dependencies itself
        Files.delete(library.resolve("vendor"));
        assertThat(BuildStd.sourceConfig(facts("rustc 1.96.0", sysroot))).isEmpty();
    }
}
