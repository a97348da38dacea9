package dev.crossbuild.repro;

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
        assertThat(off.cargoVariables(windows, windows.rustflags())).isEmpty();
        assertThat(off.nativeVariables(windows.triple(), Map.of())).isEmpty();
        assertThat(off.compilerFlags(windows.triple())).isEmpty();
    }

    @Test
    void cargoKeepsTheTargetsFlagsFirstAndAppendsRemapsAndThePeLinkFlag() {
        TargetSpec windows = target("x86_64-pc-windows-gnu", "-C target-feature=+crt-static");
        assertThat(on.cargoVariables(windows, windows.rustflags())).containsExactly(
                Map.entry("SOURCE_DATE_EPOCH", "1704067200"),
                Map.entry("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS", "-C target-feature=+crt-static"
                        + " --remap-path-prefix=/home/u/app=/crossbuild/project"
                        + " --remap-path-prefix=/home/u/.cargo=/crossbuild/cargo-home"
                        + " --remap-path-prefix=/home/u/app/target/crossbuild=/crossbuild/work"
                        + " -C link-arg=-Wl,--no-insert-timestamp"),
                Map.entry("CFLAGS_x86_64_pc_windows_gnu", "-ffile-prefix-map=/home/u/app=/crossbuild/project"
                        + " -ffile-prefix-map=/home/u/.cargo=/crossbuild/cargo-home"
                        + " -ffile-prefix-map=/home/u/app/target/crossbuild=/crossbuild/work"),
                Map.entry("CXXFLAGS_x86_64_pc_windows_gnu", "-ffile-prefix-map=/home/u/app=/crossbuild/project"
                        + " -ffile-prefix-map=/home/u/.cargo=/crossbuild/cargo-home"
                        + " -ffile-prefix-map=/home/u/app/target/crossbuild=/crossbuild/work"));
        TargetSpec linux = target("aarch64-unknown-linux-gnu", null);
        assertThat(on.cargoVariables(linux, null).get("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUSTFLAGS"))
                .startsWith("--remap-path-prefix=/home/u/app=").doesNotContain("link-arg");
        assertThat(on.rustflags(TargetTriple.parse("aarch64-pc-windows-msvc"))).endsWith("-C", "link-arg=/Brepro");
    }

    @Test
    void nativeBuildsGetPrefixMapsAppendedToTheirFlags() {
        Map<String, String> gnu = on.nativeVariables(TargetTriple.parse("x86_64-pc-windows-gnu"),
                Map.of("CFLAGS", "-O2"));
        assertThat(gnu.get("CFLAGS")).isEqualTo("-O2 -ffile-prefix-map=/home/u/app=/crossbuild/project"
                + " -ffile-prefix-map=/home/u/.cargo=/crossbuild/cargo-home"
                + " -ffile-prefix-map=/home/u/app/target/crossbuild=/crossbuild/work");
        assertThat(gnu.get("CXXFLAGS")).startsWith("-ffile-prefix-map=");
        assertThat(gnu.get("LDFLAGS")).isEqualTo("-Wl,--no-insert-timestamp");
        assertThat(gnu).containsEntry("SOURCE_DATE_EPOCH", "1704067200").containsEntry("ZERO_AR_DATE", "1");
        assertThat(on.nativeVariables(TargetTriple.parse("aarch64-unknown-linux-gnu"), Map.of()))
                .doesNotContainKey("LDFLAGS");
    }

    @Test
    void msvcGetsPathmapAndBreproThroughClAndLink() {
        Map<String, String> msvc = on.nativeVariables(TargetTriple.parse("aarch64-pc-windows-msvc"),
                Map.of("CL", "/MP"));
        assertThat(msvc.get("CL")).isEqualTo("/MP /pathmap:/home/u/app=/crossbuild/project"
                + " /pathmap:/home/u/.cargo=/crossbuild/cargo-home /pathmap:/home/u/app/target/crossbuild=/crossbuild/work"
                + " /Brepro");
        assertThat(msvc.get("LINK")).isEqualTo("/Brepro");
        assertThat(msvc).doesNotContainKeys("CFLAGS", "LDFLAGS");
    }

    private static TargetSpec target(String triple, String rustflags) {
        return new TargetSpec("t", TargetTriple.parse(triple), null, rustflags, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }
}
