package dev.crossbuild.cargo;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real cargo on a crate with a path dependency and a build script: a build where nothing changed does not start
 * cargo, and every kind of change does.
 */
class CargoUpToDateTest {

    private static final TargetSpec HOST = TargetSpec.host(TargetTriple.parse("x86_64-unknown-linux-gnu"));

    @TempDir
    Path project;

    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void crate() throws Exception {
        require(Executables.find("cargo", System.getenv()).isPresent(), "cargo is needed");
        write("Cargo.toml", "[package]\nname = \"upto\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nhelper = { path = \"helper\" }\n");
        write("src/main.rs", "mod greeting;\nfn main() { println!(\"{} {}\", greeting::text(), helper::name());"
                + " println!(include_str!(concat!(env!(\"OUT_DIR\"), \"/data.txt\"))); }\n");
        write("src/greeting.rs", "pub fn text() -> &'static str { \"hello\" }\n");
        write("build.rs", "fn main() { println!(\"cargo:rerun-if-changed=data.txt\"); let out = std::env::var("
                + "\"OUT_DIR\").unwrap(); std::fs::write(std::path::Path::new(&out).join(\"data.txt\"),"
                + " std::fs::read_to_string(\"data.txt\").unwrap()).unwrap(); }\n");
        write("data.txt", "first");
        write("helper/Cargo.toml", "[package]\nname = \"helper\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        write("helper/src/lib.rs", "pub fn name() -> &'static str { \"helper\" }\n");
    }

    @Test
    void aBuildWhereNothingChangedDoesNotStartCargo() throws Exception {
        build();
        assertThat(build()).as("the first build after Cargo.lock was written").isTrue();
        assertThat(build()).isFalse();
        assertThat(lines).anyMatch(l -> l.contains("cargo build is up to date (same command, environment, toolchain"
                + " and files as the last build), not run (-Dcrossbuild.cargo.force=true runs it)"));
        assertThat(lines).anyMatch(l -> l.matches(".*x86_64-unknown-linux-gnu\\s+UP TO DATE\\s+-\\s+upto.*"));
        // the records a later goal packages are still those of the build that ran
        assertThat(CargoBuildRecord.read(layout(), HOST.id()).orElseThrow().artifacts())
                .extracting(CargoArtifact::path).singleElement().asString().endsWith("/upto");
    }

    @Test
    void everyChangeCargoWouldSeeRunsCargo() throws Exception {
        settledBuild();
        // a source of the crate, a source of a path dependency, a file a build script declared
        for (String file : List.of("src/greeting.rs", "helper/src/lib.rs", "data.txt")) {
            write(file, Files.readString(project.resolve(file)) + "\n");
            assertThat(build()).as("after changing %s", file).isTrue();
            assertThat(build()).as("a second time after changing %s", file).isFalse();
        }
        // a manifest, cargo's config, a new binary target, a deleted artifact
        write("helper/Cargo.toml", Files.readString(project.resolve("helper/Cargo.toml")) + "\n[features]\nx = []\n");
        assertThat(build()).isTrue();
        write(".cargo/config.toml", "[build]\nincremental = false\n");
        assertThat(build()).isTrue();
        write("src/bin/extra.rs", "fn main() {}\n");
        assertThat(build()).isTrue();
        assertThat(CargoBuildRecord.read(layout(), HOST.id()).orElseThrow().artifacts())
                .extracting(CargoArtifact::crate).containsExactlyInAnyOrder("upto", "extra");
        assertThat(build()).isFalse();
        Path binary = Path.of(CargoBuildRecord.read(layout(), HOST.id()).orElseThrow().artifacts().get(0).path());
        Files.delete(binary);
        assertThat(build()).isTrue();
        assertThat(binary).exists();
    }

    @Test
    void anotherEnvironmentOrForceRunsCargo() throws Exception {
        settledBuild();
        assertThat(build()).isFalse();
        assertThat(run(options(Map.of("UPTO_SETTING", "1")), false)).isTrue();
        assertThat(run(options(Map.of("UPTO_SETTING", "1")), false)).isFalse();
        assertThat(run(options(Map.of("UPTO_SETTING", "1")), true)).isTrue();
    }

    @Test
    void aBuildThatCannotBeFollowedLeavesNoStamp() throws Exception {
        // a build script that declares nothing: cargo runs it again when any file of the package changes
        write("build.rs", script(""));
        settledBuild();
        assertThat(build()).isTrue();
        assertThat(stampFile()).doesNotExist();
        // a warning: every build shows it again, so cargo runs to print it
        write("build.rs", script("println!(\"cargo:rerun-if-changed=build.rs\"); let unused = 1;"));
        settledBuild();
        assertThat(build()).isTrue();
        assertThat(stampFile()).doesNotExist();
        // arguments that build what no record follows
        write("build.rs", script("println!(\"cargo:rerun-if-changed=build.rs\");"));
        assertThat(CargoUpToDate.follows(List.of("--bin", "upto"))).isTrue();
        assertThat(CargoUpToDate.follows(List.of("--all-targets"))).isFalse();
        assertThat(CargoUpToDate.follows(List.of("--example=demo"))).isFalse();
        assertThat(CargoUpToDate.follows(List.of("-Zbuild-std"))).isFalse();
        settledBuild();
        assertThat(stampFile()).as(String.join("\n", lines)).exists();
        assertThat(build()).isFalse();
    }

    @Test
    void depInfoIsReadWithItsEscapedSpaces() throws Exception {
        Path depInfo = project.resolve("app.d");
        Files.writeString(depInfo, "/out/app: /src/my\\ dir/main.rs /src/lib.rs\n\n/src/lib.rs:\n");
        assertThat(DepInfo.dependencies(depInfo)).contains(List.of(Path.of("/src/my dir/main.rs"),
                Path.of("/src/lib.rs")));
        Files.writeString(depInfo, "app: src/main.rs\n");
        assertThat(DepInfo.dependencies(depInfo)).isEmpty();
        Files.writeString(project.resolve("app.exe"), "");
        assertThat(DepInfo.beside(project.resolve("app.exe"))).contains(depInfo);
        assertThat(DepInfo.beside(project.resolve("other"))).isEmpty();
    }

    /** A build script that writes the data file the crate includes, after {@code first}. */
    private static String script(String first) {
        return "fn main() { " + first + " let out = std::env::var(\"OUT_DIR\").unwrap();"
                + " std::fs::write(std::path::Path::new(&out).join(\"data.txt\"), \"fixed\").unwrap(); }\n";
    }

    /** Two builds: the first may write Cargo.lock, so only the second can stamp. */
    private void settledBuild() throws Exception {
        build();
        build();
    }

    /** Whether cargo ran. */
    private boolean build() throws Exception {
        return run(options(Map.of()), false);
    }

    private boolean run(CargoOptions options, boolean force) throws Exception {
        // an input changed in the same millisecond as the start of cargo is never stamped
        Thread.sleep(20);
        lines.clear();
        BuildLog log = BuildLog.of(lines::add, lines::add, lines::add, lines::add, () -> true);
        List<CargoBuildRecord> records = new CargoBuilder(new ProcessRunner(),
                TargetEnvironments.inherited(System.getenv()), log, force).settleMillis(0)
                .buildAll(List.of(HOST), options, List.of());
        assertThat(records).extracting(CargoBuildRecord::result).containsExactly("SUCCESS");
        return lines.stream().anyMatch(l -> l.contains("cargo build --target"));
    }

    private void write(String file, String text) throws IOException {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private WorkLayout layout() {
        return new WorkLayout(project.resolve("target"));
    }

    private Path stampFile() {
        return layout().cargoTargetDir(HOST.id()).resolveSibling("cargo-up-to-date.json");
    }

    private CargoOptions options(Map<String, String> env) {
        return new CargoOptions(project.resolve("Cargo.toml"), new CargoSelection("dev", List.of(), false, false),
                layout(), true, false, List.of(), env, Duration.ofMinutes(5), false, null, null, true);
    }
}
