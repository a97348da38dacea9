package dev.crossbuild.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.crossbuild.Toolchains.require;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.RecordingLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture-aware environments against a real sh: applied once per goal, cached across goals. */
class CapturingTargetEnvironmentsTest {

    private static final TargetTriple HOST = TargetTriple.parse("x86_64-unknown-linux-gnu");

    @TempDir
    Path project;

    private final List<String> infoLines = new ArrayList<>();

    @BeforeEach
    void needsSh() {
        require(!Executables.isWindows() && Executables.find("sh", System.getenv()).isPresent(), "no sh");
    }

    @Test
    void scriptRunsOnceAcrossGoalsAndItsCompilerBecomesTheTargets() throws Exception {
        Files.writeString(project.resolve("setup.sh"), """
                echo run >> "$(dirname "$0")/runs.txt"
                export CC="aarch64-sdk-linux-gcc --sysroot=/opt/sdk"
                export AR=aarch64-sdk-linux-ar
                export PATH="/opt/sdk/bin:$PATH"
                """);
        TargetSpec target = target("arm", "aarch64-unknown-linux-gnu", "setup.sh");
        Map<String, String> first = environments().baseEnvironment(target);
        Map<String, String> again = environments().baseEnvironment(target); // a later goal: a new instance

        assertThat(Files.readAllLines(project.resolve("runs.txt"))).containsExactly("run");
        assertThat(again).isEqualTo(first);
        assertThat(first).containsEntry("CC_aarch64_unknown_linux_gnu", "aarch64-sdk-linux-gcc --sysroot=/opt/sdk")
                .containsEntry("AR_aarch64_unknown_linux_gnu", "aarch64-sdk-linux-ar")
                .containsEntry("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER", "aarch64-sdk-linux-gcc")
                .containsEntry("ONLY_FOR_THIS_TARGET", "yes");
        // the script's entry in front of the inherited PATH, repeated entries dropped (capture recipe item 5)
        List<String> expectedPath = new ArrayList<>(List.of("/opt/sdk/bin"));
        java.util.Arrays.stream(System.getenv("PATH").split(":")).filter(e -> !e.isEmpty()).distinct()
                .forEach(expectedPath::add);
        assertThat(first.get("PATH")).isEqualTo(String.join(":", expectedPath));
        assertThat(infoLines).anyMatch(l -> l.contains("capturing the environment of"))
                .anyMatch(l -> l.contains("script not run again"))
                .noneMatch(l -> l.contains("--sysroot=/opt/sdk")); // names only, never values
    }

    @Test
    void changedScriptRunsAgain() throws Exception {
        Path script = project.resolve("setup.sh");
        Files.writeString(script, "echo run >> \"$(dirname \"$0\")/runs.txt\"\nexport V=1\n");
        TargetSpec target = target("t", HOST.value(), "setup.sh");
        assertThat(environments().baseEnvironment(target)).containsEntry("V", "1");
        Files.writeString(script, "echo run >> \"$(dirname \"$0\")/runs.txt\"\nexport V=2\n");
        Files.setLastModifiedTime(script, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(script).toMillis() + 5000));
        assertThat(environments().baseEnvironment(target)).containsEntry("V", "2");
        assertThat(Files.readAllLines(project.resolve("runs.txt"))).hasSize(2);
    }

    @Test
    void hostTargetKeepsItsOwnLinker() throws Exception {
        Files.writeString(project.resolve("setup.sh"), "export CC=clang\n");
        Map<String, String> env = environments().baseEnvironment(target("host", HOST.value(), "setup.sh"));
        assertThat(env).containsEntry("CC_x86_64_unknown_linux_gnu", "clang")
                .doesNotContainKey("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    }

    @Test
    void missingScriptNamesTheElementAndTheFix() {
        assertThatThrownBy(() -> environments().baseEnvironment(target("t", HOST.value(), "nope/setup.sh")))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `t`: <vcvars>nope/setup.sh</vcvars> does not exist")
                .hasMessageContaining("fix the path");
    }

    @Test
    void autoNeedsWindows() {
        assertThatThrownBy(() -> environments().baseEnvironment(target("w", "aarch64-pc-windows-msvc", "auto")))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("vswhere, which exists on Windows only");
    }

    @Test
    void cmdCommandLine() {
        assertThat(CapturingTargetEnvironments.cmdCommand("wine  cmd", Map.of(), false)).containsExactly("wine", "cmd");
        assertThat(CapturingTargetEnvironments.cmdCommand(null, Map.of("COMSPEC", "C:\\Windows\\system32\\cmd.exe"),
                true)).containsExactly("C:\\Windows\\system32\\cmd.exe");
        assertThat(CapturingTargetEnvironments.cmdCommand("", Map.of(), false)).isEmpty();
    }

    private CapturingTargetEnvironments environments() {
        var settings = new CapturingTargetEnvironments.Settings(project, project.resolve("target/env-cache"),
                List.of(), HOST, false);
        return new CapturingTargetEnvironments(System.getenv(), settings, new ProcessRunner(), log());
    }

    private static TargetSpec target(String id, String triple, String vcvars) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ONLY_FOR_THIS_TARGET", "yes");
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, env, vcvars,
                List.of(), Map.of());
    }

    private BuildLog log() {
        return new RecordingLog(infoLines);
    }
}
