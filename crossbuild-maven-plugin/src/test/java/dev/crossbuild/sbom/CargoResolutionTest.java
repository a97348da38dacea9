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

    /**
     * A workspace of three members: the root package {@code app} (what {@code cargo build} builds), the member
     * {@code app-core} it links (which needs memchr), the member {@code tool} it does not (which needs cfg-if),
     * and a path crate outside the workspace, {@code helper}, which needs lazy_static, one of Debian's vendored
     * crates whose Cargo.lock checksum is "Could not get crate checksum"; its license is no SPDX expression.
     */
    private Path workspace(String workspaceExtra) throws IOException {
        Toolchains.require(Files.isDirectory(REGISTRY.resolve("memchr-2.5.0"))
                && Files.isDirectory(REGISTRY.resolve("cfg-if-1.0.0"))
                && Files.isDirectory(REGISTRY.resolve("lazy_static-1.4.0")), "Debian's librust-memchr-dev, "
                        + "librust-cfg-if-dev and librust-lazy-static-dev");
        Path ws = dir.resolve("ws");
        write(ws.resolve("Cargo.toml"), """
                [package]
                name = "app"
                version = "0.1.0"
                edition = "2021"
                license = "MIT"

                [workspace]
                members = ["core", "tool"]
                %s

                [dependencies]
                core = { path = "core", package = "app-core" }
                helper = { path = "../helper" }
                """.formatted(workspaceExtra));
        write(ws.resolve("src/main.rs"), "fn main() {}\n");
        write(ws.resolve("core/Cargo.toml"), """
                [package]
                name = "app-core"
                version = "0.2.0"
                edition = "2021"
                license = "MIT OR Apache-2.0"

                [dependencies]
                memchr = "2"
                """);
        write(ws.resolve("core/src/lib.rs"), "");
        write(ws.resolve("tool/Cargo.toml"), """
                [package]
                name = "tool"
                version = "0.3.0"
                edition = "2021"

                [dependencies]
                cfg-if = "1"
                """);
        write(ws.resolve("tool/src/main.rs"), "fn main() {}\n");
        write(dir.resolve("helper/Cargo.toml"), """
                [package]
                name = "helper"
                version = "0.4.0"
                edition = "2021"
                license = "GPL v2"

                [dependencies]
                lazy_static = "1"
                """);
        write(dir.resolve("helper/src/lib.rs"), "");
        write(ws.resolve(".cargo/config.toml"), """
                [source.crates-io]
                replace-with = "debian"
                [source.debian]
                directory = "%s"
                """.formatted(REGISTRY));
        return ws.resolve("Cargo.toml");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static List<String> names(List<CargoCrate> crates) {
        return crates.stream().map(CargoCrate::name).toList();
    }

    @Test
    void aWorkspaceListsWhatTheBuiltPackagesLinkAndItsSbomIsValid() throws Exception {
        Path manifest = workspace("");
        CargoResolution resolution = new CargoResolution(new ProcessRunner());
        TargetSpec linux = target("linux", "x86_64-unknown-linux-gnu");

        List<CargoCrate> crates = resolution.resolve(linux, new CargoResolution.Request(manifest, List.of(),
                List.of(), true, System.getenv()));

        // cargo build builds the root package: its member app-core and the path crate helper are linked in,
        // tool and its cfg-if are not
        assertThat(names(crates)).containsExactly("app-core", "helper", "lazy_static", "memchr");
        CargoCrate core = find(crates, "app-core");
        assertThat(core.buildOnly()).isFalse();
        assertThat(core.purl()).as("a path crate is no crates.io package").isNull();
        assertThat(find(crates, "helper").purl()).isNull();
        assertThat(find(crates, "memchr").purl()).isEqualTo("pkg:cargo/memchr@2.5.0");
        assertThat(find(crates, "lazy_static").checksum()).as("Debian's \"Could not get crate checksum\"").isNull();
        assertThat(Files.readString(manifest.resolveSibling("Cargo.lock")))
                .contains("checksum = \"Could not get crate checksum\"");

        String json = SbomWriter.json(new SbomSpec(new SbomSpec.Project("org.example", "app", "0.1.0", "App", null,
                List.of("MIT")), "linux", "x86_64-unknown-linux-gnu", null, java.time.Instant.parse(
                        "2024-03-04T05:06:07Z"), crates, List.of(), List.of()));
        assertThat(new org.cyclonedx.parsers.JsonParser().validate(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SbomWriter.SPEC)).isEmpty();
        com.google.gson.JsonObject bom = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        java.util.Map<String, com.google.gson.JsonObject> byName = new java.util.HashMap<>();
        bom.getAsJsonArray("components").forEach(c -> byName.put(c.getAsJsonObject().get("name").getAsString(),
                c.getAsJsonObject()));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("app-core", "helper", "lazy_static", "memchr");
        assertThat(byName.get("lazy_static").has("hashes")).isFalse();
        assertThat(byName.get("memchr").getAsJsonArray("hashes").get(0).getAsJsonObject().get("content").getAsString())
                .matches("[0-9a-f]{64}");
        assertThat(byName.get("app-core").has("purl")).isFalse();
        assertThat(byName.get("app-core").get("bom-ref").getAsString()).isEqualTo("cargo-path:app-core@0.2.0");
        assertThat(byName.get("helper").getAsJsonArray("licenses").get(0).getAsJsonObject()
                .getAsJsonObject("license").get("name").getAsString()).isEqualTo("GPL v2");
        assertThat(byName.get("app-core").getAsJsonArray("licenses").get(0).getAsJsonObject()
                .get("expression").getAsString()).isEqualTo("MIT OR Apache-2.0");
        assertThat(json).doesNotContain(dir.toString());
    }

    @Test
    void thePackageSelectionOfTheBuildDecides() throws Exception {
        Path manifest = workspace("");
        CargoResolution resolution = new CargoResolution(new ProcessRunner());
        TargetSpec linux = target("linux", "x86_64-unknown-linux-gnu");
        java.util.function.Function<List<String>, List<String>> with = args -> {
            try {
                return names(resolution.resolve(linux, new CargoResolution.Request(manifest, List.of(), args, true,
                        System.getenv())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };

        assertThat(with.apply(List.of("-p", "tool"))).containsExactly("cfg-if");
        assertThat(with.apply(List.of("--package=tool", "--release"))).containsExactly("cfg-if");
        assertThat(with.apply(List.of("-p", "tool", "-p", "app"))).containsExactly("app-core", "cfg-if", "helper",
                "lazy_static", "memchr");
        // every member: app-core is listed, linked into app; app and tool are the project
        assertThat(with.apply(List.of("--workspace"))).containsExactly("app-core", "cfg-if", "helper",
                "lazy_static", "memchr");
        assertThat(with.apply(List.of("--workspace", "--exclude", "tool"))).containsExactly("app-core", "helper",
                "lazy_static", "memchr");
        assertThat(with.apply(List.of("-p", "app-core@0.2.0"))).containsExactly("memchr");
        assertThat(with.apply(List.of("-pt*", "--locked"))).containsExactly("cfg-if");
        assertThatThrownBy(() -> resolution.resolve(linux, new CargoResolution.Request(manifest, List.of(),
                List.of("-p", "nope"), true, System.getenv()))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `linux`").hasMessageContaining("Fix -p nope in <cargoArgs>");

        // a manifest of one member builds that member; default-members choose for the root
        assertThat(names(resolution.resolve(linux, new CargoResolution.Request(manifest.resolveSibling(
                "tool/Cargo.toml"), List.of(), List.of(), true, System.getenv())))).containsExactly("cfg-if");
        Path chosen = workspace("default-members = [\"tool\"]");
        assertThat(names(resolution.resolve(linux, new CargoResolution.Request(chosen, List.of(), List.of(), true,
                System.getenv())))).containsExactly("cfg-if");
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
        CargoResolution.Request request = new CargoResolution.Request(manifest, List.of(), List.of(), true, System.getenv());

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
                new CargoResolution.Request(manifest, List.of(), List.of(), true, System.getenv())))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `linux`")
                .hasMessageContaining("memchr");
    }
}
