package dev.crossbuild.nativebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.crossbuild.Toolchains.require;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.tool.NativeTool;
import dev.crossbuild.tools.ToolResolver;
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

/** Native builds with a real make and sh: per-target copies, up-to-date checks, failures. */
class NativeBuilderTest {

    private static final TargetTriple HOST = TargetTriple.parse("x86_64-unknown-linux-gnu");

    @TempDir
    Path project;

    private Path sources;

    @BeforeEach
    void inTreeMakefile() throws Exception {
        require(!Executables.isWindows() && Executables.find("make", System.getenv()).isPresent()
                && Executables.find("sh", System.getenv()).isPresent(), "make and sh are needed");
        sources = Files.createDirectories(project.resolve("native/tray"));
        // builds in place, as the Makefiles this is meant for do
        Files.writeString(sources.resolve("Makefile"), "out.txt: in.txt\n\tcat in.txt > out.txt\n"
                + "\techo \"flags=$(FLAGS) triple=$(TRIPLE)\" >> out.txt\n");
        Files.writeString(sources.resolve("in.txt"), "source v1\n");
    }

    @Test
    void eachTargetBuildsInItsOwnCopyAndAnUnchangedBuildIsSkipped() throws Exception {
        NativeBuildSpec tray = make(List.of("FLAGS=@{flags:-none}", "TRIPLE=@{triple}"));
        TargetSpec a = target("a", Map.of("flags", "-DNEON"));
        TargetSpec b = target("b", Map.of());
        NativeBuilder builder = builder(false);

        assertThat(builder.build(a, List.of(tray))).extracting(NativeBuilder.Outcome::result).containsExactly("BUILT");
        assertThat(builder.build(b, List.of(tray))).extracting(NativeBuilder.Outcome::result).containsExactly("BUILT");
        assertThat(read("a")).isEqualTo("source v1\nflags=-DNEON triple=x86_64-unknown-linux-gnu\n");
        assertThat(read("b")).isEqualTo("source v1\nflags=none triple=x86_64-unknown-linux-gnu\n");
        assertThat(sources.resolve("out.txt")).doesNotExist();
        assertThat(NativeOutputs.variables(NativeOutputs.current(layout(), a, List.of("tray")))).containsEntry(
                "CROSSBUILD_NATIVE_TRAY_DIR", layout().nativeOutput("a", "tray").toString());

        assertThat(builder(false).build(a, List.of(tray))).extracting(NativeBuilder.Outcome::result)
                .containsExactly("UP TO DATE");
        assertThat(builder(true).build(a, List.of(tray))).extracting(NativeBuilder.Outcome::result)
                .containsExactly("BUILT");

        Files.writeString(sources.resolve("in.txt"), "source v2, longer\n");
        assertThat(builder(false).build(a, List.of(tray))).extracting(NativeBuilder.Outcome::result)
                .containsExactly("BUILT");
        assertThat(read("a")).startsWith("source v2, longer\n");
    }

    @Test
    void laterBuildsSeeEarlierOutputDirectories() throws Exception {
        NativeBuildSpec tray = make(List.of());
        NativeBuildSpec after = new NativeBuildSpec("after", NativeTool.COMMAND, null, List.of("sh", "-c",
                "echo \"$CROSSBUILD_NATIVE_TRAY_DIR|@{native.tray.dir}|$MODE\" > seen.txt"),
                Map.of("MODE", "@{target.id}-@{arch}-@{os}"), List.of());
        builder(false).build(target("a", Map.of()), List.of(tray, after));
        String dir = layout().nativeOutput("a", "tray").toString();
        assertThat(Files.readString(layout().nativeOutput("a", "after").resolve("seen.txt")))
                .isEqualTo(dir + "|" + dir + "|a-x86_64-linux\n");
    }

    @Test
    void sourcesThatAreTheProjectItselfLeaveTheBuildDirectoryOut() throws Exception {
        Files.writeString(project.resolve("Makefile"), "all:\n\tls > listing.txt\n");
        NativeBuildSpec whole = new NativeBuildSpec("whole", NativeTool.MAKE, project, List.of(), Map.of(), List.of());
        TargetSpec a = target("a", Map.of());
        builder(false).build(a, List.of(whole));
        assertThat(layout().nativeOutput("a", "whole").resolve("target")).doesNotExist();
        // the first build's own outputs under target/ do not make the second one stale
        assertThat(builder(false).build(a, List.of(whole))).extracting(NativeBuilder.Outcome::result)
                .containsExactly("UP TO DATE");
    }

    @Test
    void aBuildOnlyForSomeTargets() throws Exception {
        NativeBuildSpec onlyB = new NativeBuildSpec("tray", NativeTool.MAKE, sources, List.of(), Map.of(), List.of("b"));
        assertThat(builder(false).build(target("a", Map.of()), List.of(onlyB))).isEmpty();
        assertThat(layout().nativeOutput("a", "tray")).doesNotExist();
    }

    @Test
    void failureNamesBuildAndTargetAndShowsTheOutput() throws Exception {
        Files.writeString(sources.resolve("Makefile"), "all:\n\t@echo 'tray.c:3: error: no aarch64 port'; exit 1\n");
        assertThatThrownBy(() -> builder(false).build(target("a", Map.of()), List.of(make(List.of()))))
                .isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("target `a`: native build `tray` (<tool>make</tool>) failed:")
                .hasMessageContaining("tray.c:3: error: no aarch64 port")
                .hasMessageContaining("reproduce it with: sh ");
        assertThat(layout().nativeFile("a", "tray", ".stamp.json")).doesNotExist();
    }

    @Test
    void theReproductionScriptNamesUserValuesButNeverWritesThem() throws Exception {
        Files.writeString(sources.resolve("Makefile"), "all:\n\t@test \"$$TOKEN\" = s3cret-build && test \"$$API\" ="
                + " s3cret-target && exit 7\n");
        NativeBuildSpec tray = new NativeBuildSpec("tray", NativeTool.MAKE, sources, List.of(),
                Map.of("TOKEN", "s3cret-build"), List.of());
        TargetSpec a = new TargetSpec("a", HOST, null, null, null, null, null, null, null, Map.of("API",
                "s3cret-target"), null, List.of(), Map.of());
        assertThatThrownBy(() -> builder(false).build(a, List.of(tray))).hasMessageContaining("exit code: 2");
        Path script = layout().nativeFile("a", "tray", "-failed.sh");
        String text = Files.readString(script);
        assertThat(text).doesNotContain("s3cret").contains("export them first: API TOKEN")
                .contains(": \"${TOKEN:?export TOKEN (from <env>) before running this script}\"");
        // with the values exported, the script repeats the same failure
        Process rerun = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true).start();
        assertThat(new String(rerun.getInputStream().readAllBytes())).contains("export API (from <env>)");
        assertThat(rerun.waitFor()).isNotZero();
        ProcessBuilder withValues = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        withValues.environment().put("TOKEN", "s3cret-build");
        withValues.environment().put("API", "s3cret-target");
        Process again = withValues.start();
        assertThat(new String(again.getInputStream().readAllBytes())).contains("Error 7");
    }

    @Test
    void unknownPlaceholderIsAConfigurationError() {
        assertThatThrownBy(() -> builder(false).build(target("a", Map.of()), List.of(make(List.of("X=@{nope}")))))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `a`: native build `tray` (<tool>make</tool>): unknown placeholder @{nope}");
    }

    @Test
    void missingToolSaysWhatToInstall() {
        NativeBuildSpec meson = new NativeBuildSpec("calc", NativeTool.MESON, sources, List.of(), Map.of(), List.of());
        TargetSpec bare = new TargetSpec("bare", HOST, null, null, null, null, null, null, null,
                Map.of("PATH", project.resolve("empty").toString()), null, List.of(), Map.of());
        assertThatThrownBy(() -> builder(false).build(bare, List.of(meson)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("`meson` is not on PATH; install it (Debian/Ubuntu: `apt-get install meson`)");
    }

    private NativeBuildSpec make(List<String> args) {
        return new NativeBuildSpec("tray", NativeTool.MAKE, sources, args, Map.of(), List.of());
    }

    private String read(String targetId) throws Exception {
        return Files.readString(layout().nativeOutput(targetId, "tray").resolve("out.txt"));
    }

    private NativeBuilder builder(boolean force) {
        return new NativeBuilder(new ProcessRunner(), TargetEnvironments.inherited(System.getenv()), BuildLog.SILENT,
                new NativeBuilder.Options(layout(), ToolResolver.forHost(HOST), force, Duration.ofMinutes(2)));
    }

    private WorkLayout layout() {
        return new WorkLayout(project.resolve("target"));
    }

    private static TargetSpec target(String id, Map<String, String> properties) {
        return new TargetSpec(id, HOST, null, null, null, null, null, null, null, Map.of(), null, List.of(),
                properties);
    }
}
