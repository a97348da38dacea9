package dev.crossbuild.reproducible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReproducibleBuildTest {

    private static final Instant TIME = Instant.parse("2024-01-01T00:00:00Z");
    private final ReproducibleBuild on = ReproducibleBuild.of(true, TIME, Path.of("/home/u/app"),
            Path.of("/home/u/.cargo"), Path.of("/home/u/app/target/crossbuild"));

    @Test
    void offAddsNothing() {
        ReproducibleBuild off = ReproducibleBuild.of(false, TIME, Path.of("/a"), null, Path.of("/a/t"));
        TargetSpec windows = target("x86_64-pc-windows-gnu", "-C lto");
        assertThat(off.cargoVariables(windows)).isEmpty();
        assertThat(off.nativeVariables(windows.triple(), Map.of(), false)).isEmpty();
        assertThat(off.rustflags(windows.triple())).isEmpty();
        assertThat(off.compilerFlags(windows.triple())).isEmpty();
    }

    @Test
    void cargoGetsTheTimeAndTheCcCratesFlagsButNoRustflagsVariable() {
        TargetSpec windows = target("x86_64-pc-windows-gnu", "-C target-feature=+crt-static");
        assertThat(on.rustflags(windows.triple())).containsExactly(
                "--remap-path-prefix=/home/u/app=/crossbuild/project",
                "--remap-path-prefix=/home/u/.cargo=/crossbuild/cargo-home",
                "--remap-path-prefix=/home/u/app/target/crossbuild=/crossbuild/work",
                "-C", "link-arg=-Wl,--no-insert-timestamp");
        assertThat(on.cargoVariables(windows)).containsExactly(
                Map.entry("SOURCE_DATE_EPOCH", "1704067200"),
                Map.entry("CFLAGS_x86_64_pc_windows_gnu", "-ffile-prefix-map=/home/u/app=/crossbuild/project"
                        + " -ffile-prefix-map=/home/u/.cargo=/crossbuild/cargo-home"
                        + " -ffile-prefix-map=/home/u/app/target/crossbuild=/crossbuild/work"),
                Map.entry("CXXFLAGS_x86_64_pc_windows_gnu", "-ffile-prefix-map=/home/u/app=/crossbuild/project"
                        + " -ffile-prefix-map=/home/u/.cargo=/crossbuild/cargo-home"
                        + " -ffile-prefix-map=/home/u/app/target/crossbuild=/crossbuild/work"));
        assertThat(on.rustflags(TargetTriple.parse("aarch64-unknown-linux-gnu"))).noneMatch(f -> f.contains("link-arg"));
        assertThat(on.rustflags(TargetTriple.parse("aarch64-pc-windows-msvc"))).endsWith("-C", "link-arg=/Brepro");
    }

    @Test
    void nativeBuildsGetPrefixMapsAppendedToTheirFlags() {
        Map<String, String> gnu = on.nativeVariables(TargetTriple.parse("x86_64-pc-windows-gnu"),
                Map.of("CFLAGS", "-O2"), false);
        assertThat(gnu.get("CFLAGS")).isEqualTo("-O2 -ffile-prefix-map=/home/u/app=/crossbuild/project"
                + " -ffile-prefix-map=/home/u/.cargo=/crossbuild/cargo-home"
                + " -ffile-prefix-map=/home/u/app/target/crossbuild=/crossbuild/work");
        assertThat(gnu.get("CXXFLAGS")).startsWith("-ffile-prefix-map=");
        assertThat(gnu.get("LDFLAGS")).isEqualTo("-Wl,--no-insert-timestamp");
        assertThat(gnu).containsEntry("SOURCE_DATE_EPOCH", "1704067200").containsEntry("ZERO_AR_DATE", "1");
        assertThat(on.nativeVariables(TargetTriple.parse("aarch64-unknown-linux-gnu"), Map.of(), false))
                .doesNotContainKey("LDFLAGS");
    }

    @Test
    void msvcGetsPathmapAndBreproThroughClAndLink() {
        Map<String, String> msvc = on.nativeVariables(TargetTriple.parse("aarch64-pc-windows-msvc"),
                Map.of("CL", "/MP"), false);
        assertThat(msvc.get("CL")).isEqualTo("/MP /pathmap:/home/u/app=/crossbuild/project"
                + " /pathmap:/home/u/.cargo=/crossbuild/cargo-home /pathmap:/home/u/app/target/crossbuild=/crossbuild/work"
                + " /Brepro");
        assertThat(msvc.get("LINK")).isEqualTo("/Brepro");
        assertThat(msvc).doesNotContainKeys("CFLAGS", "LDFLAGS");
    }

    /** A project whose path holds a space and an accent, as Windows homes and many macOS folders do. */
    private final ReproducibleBuild spaced = ReproducibleBuild.of(true, TIME, Path.of("/home/Jane Doe/my é app"),
            Path.of("/home/Jane Doe/.cargo"), Path.of("/home/Jane Doe/my é app/target/crossbuild"));

    @Test
    void aPathWithASpaceStaysOneWordForEveryReader() {
        {
            assertThat(spaced.rustflags(TargetTriple.parse("x86_64-unknown-linux-gnu")))
                    .contains("--remap-path-prefix=/home/Jane Doe/my é app=/crossbuild/project");
            // make and cmake hand CFLAGS to a shell: the flag is quoted as one word
            Map<String, String> make = spaced.nativeVariables(TargetTriple.parse("aarch64-unknown-linux-gnu"),
                    Map.of("CFLAGS", "-O2"), false);
            assertThat(make.get("CFLAGS")).isEqualTo("-O2 '-ffile-prefix-map=/home/Jane Doe/my é app=/crossbuild/project'"
                    + " '-ffile-prefix-map=/home/Jane Doe/.cargo=/crossbuild/cargo-home'"
                    + " '-ffile-prefix-map=/home/Jane Doe/my é app/target/crossbuild=/crossbuild/work'");
            // meson reads the arrays of its machine file: only the time travels in the environment
            assertThat(spaced.nativeVariables(TargetTriple.parse("aarch64-unknown-linux-gnu"), Map.of(), true))
                    .containsOnlyKeys("SOURCE_DATE_EPOCH", "ZERO_AR_DATE");
            // cl reads CL as a command line with double quotes
            assertThat(spaced.nativeVariables(TargetTriple.parse("x86_64-pc-windows-msvc"), Map.of(), false)
                    .get("CL")).startsWith("\"/pathmap:/home/Jane Doe/my é app=/crossbuild/project\" ");
        }
    }

    @Test
    void theCcCrateSplitsAtSpacesSoSpacedRemapsAreLeftOutOfItsFlags() {
        ReproducibleBuild mixed = ReproducibleBuild.of(true, TIME, Path.of("/home/Jane Doe/app"), Path.of("/opt/cargo"),
                Path.of("/home/Jane Doe/app/target/crossbuild"));
        TargetSpec linux = target("x86_64-unknown-linux-gnu", null);
        assertThat(mixed.cargoVariables(linux).get("CFLAGS_x86_64_unknown_linux_gnu"))
                .isEqualTo("-ffile-prefix-map=/opt/cargo=/crossbuild/cargo-home");
        assertThat(mixed.unmappedForCcCrate()).containsExactly("/home/Jane Doe/app",
                "/home/Jane Doe/app/target/crossbuild");
    }

    private static TargetSpec target(String triple, String rustflags) {
        return new TargetSpec("t", TargetTriple.parse(triple), null, rustflags, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }
}
