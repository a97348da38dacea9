package dev.crossbuild.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.Toolchains;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real cargo resolving a crate against Debian's crate sources (a directory source), per triple. */
class CargoResolutionTest {

    private static final Path REGISTRY = Path.of("/usr/share/cargo/registry");

    @TempDir
    Path dir;

    private Path crate() throws IOException {
        Toolchains.require(Files.isDirectory(REGISTRY.resolve("memchr-2.5.0"))
                && Files.isDirectory(REGISTRY.resolve("serde_derive-1.0.152"))
                && Files.isDirectory(REGISTRY.resolve("autocfg-1.1.0"))
                && Files.isDirectory(REGISTRY.resolve("itoa-1.0.1")), "Debian's librust-memchr-dev, "
                        + "librust-serde-derive-dev, librust-autocfg-dev and librust-itoa-dev");
        Files.writeString(dir.resolve("Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"
                edition = "2021"

                [dependencies]
                memchr = "2"
                serde_derive = "1"

                [build-dependencies]
                autocfg = "1"

                [dev-dependencies]
                itoa = "1"

                [target.'cfg(windows)'.dependencies]
                itoa = "1"
                """);
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), """
                [source.crates-io]
                replace-with = "debian"
                [source.debian]
                directory = "%s"
                """.formatted(REGISTRY));
        return dir.resolve("Cargo.toml");
    }

    private static TargetSpec target(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }

    private static CargoCrate find(List<CargoCrate> crates, String name) {
        return crates.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    @Test
    void linkedCratesPerTripleAndBuildOnlyCratesMarked() throws Exception {
        Path manifest = crate();
        CargoResolution resolution = new CargoResolution(new ProcessRunner());
        CargoResolution.Request request = new CargoResolution.Request(manifest, List.of(), true, System.getenv());

        List<CargoCrate> linux = resolution.resolve(target("linux", "x86_64-unknown-linux-gnu"), request);
        List<CargoCrate> windows = resolution.resolve(target("win", "x86_64-pc-windows-gnu"), request);

        CargoCrate memchr = find(linux, "memchr");
        assertThat(memchr.buildOnly()).isFalse();
        assertThat(memchr.purl()).isEqualTo("pkg:cargo/memchr@2.5.0");
        assertThat(memchr.license()).isEqualTo("Unlicense/MIT");
        // Cargo.lock's checksum is the one Debian's .cargo-checksum.json gives the crate
        assertThat(memchr.checksum()).isEqualTo(Files.readString(REGISTRY.resolve("memchr-2.5.0/.cargo-checksum.json"))
                .replaceAll("(?s).*\"package\":\"([0-9a-f]{64})\".*", "$1"));
        // a proc-macro and everything only it needs run at build time, as does a build dependency
        for (String buildOnly : List.of("serde_derive", "proc-macro2", "quote", "syn", "unicode-ident", "autocfg")) {
            assertThat(find(linux, buildOnly)).as(buildOnly).isNotNull();
            assertThat(find(linux, buildOnly).buildOnly()).as(buildOnly).isTrue();
        }
        // itoa: a dev-dependency everywhere, linked only on Windows
        assertThat(find(linux, "itoa")).isNull();
        assertThat(find(windows, "itoa")).isNotNull();
        assertThat(find(windows, "itoa").buildOnly()).isFalse();
        assertThat(find(linux, "app")).as("the crate itself is the main component").isNull();

        assertThat(resolution.programs(manifest, System.getenv())).containsExactly("app");
    }

    @Test
    void unresolvableCrateIsAProjectErrorNamingTheTarget() throws Exception {
        Path manifest = crate();
        Files.writeString(manifest, Files.readString(manifest).replace("memchr = \"2\"", "memchr = \"99\""));
        CargoResolution resolution = new CargoResolution(new ProcessRunner());
        assertThatThrownBy(() -> resolution.resolve(target("linux", "x86_64-unknown-linux-gnu"),
                new CargoResolution.Request(manifest, List.of(), true, System.getenv())))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `linux`")
                .hasMessageContaining("memchr");
    }
}
