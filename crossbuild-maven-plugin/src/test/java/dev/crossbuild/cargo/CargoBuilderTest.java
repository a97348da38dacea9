package dev.crossbuild.cargo;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.nativebuild.tool.NativeTool;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real cargo on a small crate. */
class CargoBuilderTest {

    private static final TargetSpec HOST = TargetSpec.host(TargetTriple.parse("x86_64-unknown-linux-gnu"));

    @TempDir
    Path project;

    @BeforeEach
    void crate() throws Exception {
        require(Executables.find("cargo", System.getenv()).isPresent(), "cargo is needed");
        Files.writeString(project.resolve("Cargo.toml"), "[package]\nname = \"slow\"\nversion = \"0.1.0\"\n"
                + "edition = \"2021\"\nbuild = \"build.rs\"\n\n[dependencies]\n");
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("src/main.rs"), "fn main() {}\n");
    }

    @Test
    void aBuildScriptThatHangsTimesOutNamingTheTargetAndTheSettingWithoutJson() throws Exception {
        // a stand-in for a build.rs stuck on a network or a lock: it never finishes
        Files.writeString(project.resolve("build.rs"), "fn main() { std::thread::sleep("
                + "std::time::Duration::from_secs(600)); }\n");
        CargoBuilder builder = new CargoBuilder(new ProcessRunner(), TargetEnvironments.inherited(System.getenv()),
                BuildLog.SILENT);
        assertThatThrownBy(() -> builder.buildAll(List.of(HOST), options(Duration.ofSeconds(20)), List.of()))
                .isInstanceOf(MachineException.class)
                .hasMessageStartingWith("target `x86_64-unknown-linux-gnu` (x86_64-unknown-linux-gnu): cargo build did"
                        + " not finish within 20000 ms and was stopped with all its child processes; raise the limit"
                        + " with -Dcrossbuild.timeout=<minutes>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("{\"reason\"").doesNotContain("\"reason\":"));
        assertThat(new WorkLayout(project.resolve("target")).cargoRecord(HOST.id())).doesNotExist();
    }

    @Test
    void nativeOutputsMustMatchTheConfiguredBuilds() throws Exception {
        Files.writeString(project.resolve("build.rs"), "fn main() {}\n");
        WorkLayout layout = new WorkLayout(project.resolve("target"));
        NativeBuildSpec tray = new NativeBuildSpec("tray", NativeTool.COMMAND, null, List.of("true"), Map.of(),
                List.of());
        CargoBuilder builder = new CargoBuilder(new ProcessRunner(), TargetEnvironments.inherited(System.getenv()),
                BuildLog.SILENT);
        assertThatThrownBy(() -> builder.buildAll(List.of(HOST), options(Duration.ofMinutes(5)), List.of(tray)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("has native builds (tray) but build-native has not recorded their outputs");
        TargetSpec sameIdOtherTriple = new TargetSpec(HOST.id(), TargetTriple.parse("aarch64-unknown-linux-gnu"),
                null, null, null, null, null, null, null, Map.of(), null, List.of(), Map.of());
        NativeOutputs.write(layout, sameIdOtherTriple, Map.of("tray", "/elsewhere"));
        assertThatThrownBy(() -> builder.buildAll(List.of(HOST), options(Duration.ofMinutes(5)), List.of(tray)))
                .hasMessageContaining("holds outputs built for aarch64-unknown-linux-gnu, but the target is now"
                        + " x86_64-unknown-linux-gnu; run build-native again");
        // no native builds configured: an old record is ignored, and the build works
        assertThat(builder.buildAll(List.of(HOST), options(Duration.ofMinutes(5)), List.of()))
                .extracting(CargoBuildRecord::result).containsExactly("SUCCESS");
    }

    private CargoOptions options(Duration timeout) {
        return new CargoOptions(project.resolve("Cargo.toml"), new CargoSelection("dev", List.of(), false, false),
                new WorkLayout(project.resolve("target")), true, false, List.of(), Map.of(), timeout, false, null, null, true);
    }
}
