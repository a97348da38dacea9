package dev.crossbuild.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.crossbuild.Toolchains.require;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture against real shells: sh everywhere it exists, and a real cmd.exe under wine where installed. */
class ScriptCaptureTest {

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner();

    @Test
    void posixScriptIsSourcedWithItsArguments() throws Exception {
        require(Executables.find("sh", System.getenv()).isPresent(), "no sh on PATH");
        Path script = write("sdk env.sh", """
                export SDK_TARGET="$1"
                export PATH="/opt/sdk tools/bin:$PATH"
                export MULTI='first line
                second=line'
                unset REMOVE_ME
                """, StandardCharsets.UTF_8);
        Map<String, String> base = new LinkedHashMap<>(System.getenv());
        base.put("REMOVE_ME", "x");
        ScriptCapture.Result result = capture(List.of()).capture(script, List.of("aarch64 linux"), base, "test");
        EnvironmentChange change = result.change();
        assertThat(change.values()).containsEntry("SDK_TARGET", "aarch64 linux")
                .containsEntry("MULTI", "first line\nsecond=line");
        assertThat(change.prepended()).containsEntry("PATH", List.of("/opt/sdk tools/bin"));
        assertThat(change.removed()).containsExactly("REMOVE_ME");
        assertThat(change.names()).doesNotContain("CROSSBUILD_ENV_BEFORE", "PWD", "SHLVL");
    }

    @Test
    void failingPosixScriptShowsItsOwnErrorLines() throws Exception {
        require(Executables.find("sh", System.getenv()).isPresent(), "no sh on PATH");
        Path script = write("broken.sh", "echo 'sdk: unknown machine' >&2\nfalse\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> capture(List.of()).capture(script, List.of("bogus"), System.getenv(), "target `t`"))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `t`")
                .hasMessageContaining(script.toString())
                .hasMessageContaining("with arguments bogus")
                .hasMessageContaining("sdk: unknown machine");
    }

    @Test
    void batchFileNeedsACmd() throws Exception {
        Path script = write("vcvarsall.bat", "@echo off\r\n", StandardCharsets.US_ASCII);
        ScriptCapture noCmd = new ScriptCapture(runner, List.of(), false, dir.resolve("scratch"), BuildLog.SILENT);
        assertThatThrownBy(() -> noCmd.capture(script, List.of(), System.getenv(), "t"))
                .hasMessageContaining("-Dcrossbuild.cmd=\"wine cmd\"");
    }

    @Test
    void batchFileThroughWineCmd() throws Exception {
        require(!Executables.isWindows() && Executables.find("wine", System.getenv()).isPresent(),
                "wine is not installed");
        Path folder = Files.createDirectories(dir.resolve("Program Files (x86)").resolve("VS"));
        // cmd reads batch files in the OEM code page (437 under wine); the value comes through the environment
        Path script = write(folder.resolve("vcvarsall.bat"), String.join("\r\n",
                "@echo off",
                "if /i \"%~1\"==\"bad\" echo [ERROR:vcvarsall.bat] Invalid argument found : %~1",
                "if /i \"%~1\"==\"bad\" exit /b 0",
                "set \"INCLUDE=C:\\VS\\include;C:\\VS\\sdk (x86)\\include\"",
                "set \"VSCMD_ARG_TGT_ARCH=%~1\"",
                "set \"ODD=a=b%%c&d!e^f %CITY%\"",
                "set \"PATH=C:\\VS\\bin;%PATH%\"",
                ""), Charset.forName("IBM437"));
        Map<String, String> base = new LinkedHashMap<>(System.getenv());
        base.put("WINEDEBUG", "-all");
        base.put("CITY", "Zürich");
        ScriptCapture wineCmd = capture(List.of("wine", "cmd"));
        ScriptCapture.Result result = wineCmd.capture(script, List.of("x64"), base, "t");
        EnvironmentChange change = result.change();
        assertThat(change.values()).containsEntry("ODD", "a=b%c&d!e^f Zürich")
                .containsEntry("VSCMD_ARG_TGT_ARCH", "x64");
        assertThat(change.prepended()).containsEntry("PATH", List.of("C:\\VS\\bin"))
                .containsEntry("INCLUDE", List.of("C:\\VS\\include", "C:\\VS\\sdk (x86)\\include"));
        assertThat(change.names()).doesNotContain("WINEDEBUG", "CITY", ScriptCapture.SCRIPT_VARIABLE);
        assertThatThrownBy(() -> wineCmd.capture(script, List.of("bad"), base, "t"))
                .hasMessageContaining("[ERROR:vcvarsall.bat] Invalid argument found : bad");
    }

    @Test
    void batchArgumentsAreQuotedForCmd() throws Exception {
        assertThat(ScriptCapture.batchArguments(List.of("x64_arm64", "-vcvars_ver=14.29", "10.0 sdk"), "t"))
                .isEqualTo("x64_arm64 \"-vcvars_ver=14.29\" \"10.0 sdk\"");
        assertThatThrownBy(() -> ScriptCapture.batchArguments(List.of("50%"), "t"))
                .hasMessageContaining("<vcvarsArgs>");
    }

    @Test
    void generatedBatchFileIsAsciiAndKeepsTheScriptPathOutOfItsText() {
        String text = ScriptCapture.batchFile();
        assertThat(text).contains("call \"%" + ScriptCapture.SCRIPT_VARIABLE + "%\"").contains("/b %errorlevel%")
                .doesNotContain("\n\n");
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(text)).isTrue();
    }

    private ScriptCapture capture(List<String> cmd) {
        return new ScriptCapture(runner, cmd, false, dir.resolve("scratch"), BuildLog.SILENT);
    }

    private Path write(String name, String text, Charset charset) throws IOException {
        return write(dir.resolve(name), text, charset);
    }

    private static Path write(Path file, String text, Charset charset) throws IOException {
        Files.writeString(file, text, charset);
        return file;
    }
}
