package dev.crossbuild.env;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs an environment-setup script once and returns what it changed. Batch files ({@code .bat},
 * {@code .cmd}) run through cmd, anything else is sourced by {@code sh}. Both take a snapshot of the
 * environment before and after the script inside the same shell, so only the script's own changes
 * count, not the variables the shell (or wine) adds by itself.
 */
public final class ScriptCapture {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Variables that carry the script path into the generated batch file (see {@link #batchFile()}). */
    static final String SCRIPT_VARIABLE = "CROSSBUILD_SETUP_SCRIPT";
    static final String ARGS_VARIABLE = "CROSSBUILD_SETUP_ARGS";
    private static final String BEFORE = "before.env";
    private static final String AFTER = "after.env";
    private static final String OUTPUT = "output.txt";

    private final ProcessRunner runner;
    private final List<String> cmd;
    private final boolean windowsHost;
    private final Path scratch;
    private final BuildLog log;

    /**
     * @param cmd         the cmd command line ({@code %ComSpec%} on Windows, e.g. {@code wine cmd} elsewhere),
     *                    or an empty list when there is none
     * @param windowsHost whether paths handed to cmd are native; otherwise cmd runs under wine and sees the
     *                    Unix root as drive {@code Z:}
     * @param scratch     a directory for the generated files
     */
    public ScriptCapture(ProcessRunner runner, List<String> cmd, boolean windowsHost, Path scratch, BuildLog log) {
        this.runner = runner;
        this.cmd = List.copyOf(cmd);
        this.windowsHost = windowsHost;
        this.scratch = scratch;
        this.log = log;
    }

    /** What a capture found: the change, the environment after the script, and the script's output. */
    public record Result(EnvironmentChange change, Map<String, String> after, List<String> output) {
    }

    public static boolean isBatch(Path script) {
        String name = script.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".bat") || name.endsWith(".cmd");
    }

    /**
     * @param who how error messages name the script's owner, e.g. "target `win-arm64`: <vcvars>…</vcvars>"
     */
    public Result capture(Path script, List<String> args, Map<String, String> base, String who)
            throws CrossbuildException {
        Path dir;
        try {
            Files.createDirectories(scratch);
            dir = Files.createTempDirectory(scratch, "capture");
        } catch (IOException e) {
            throw new MachineException("could not create a directory under " + scratch + ": " + e.getMessage(), e);
        }
        try {
            return isBatch(script) ? captureBatch(script, args, base, who, dir) : captureShell(script, args, base, who,
                    dir);
        } finally {
            FileTrees.deleteQuietly(dir);
        }
    }

    private Result captureBatch(Path script, List<String> args, Map<String, String> base, String who, Path dir)
            throws CrossbuildException {
        if (cmd.isEmpty()) {
            throw new ProjectException(who + " is a batch file, which needs cmd.exe; this host has none. Set"
                    + " -Dcrossbuild.cmd=\"wine cmd\" to run it with wine's cmd, or use a POSIX shell script");
        }
        Map<String, String> env = new LinkedHashMap<>(base);
        // The script path travels in a variable, not in the batch text: cmd reads batch files in the OEM code
        // page, so a non-ASCII path written into the file would arrive garbled, while variables are Unicode.
        env.put(SCRIPT_VARIABLE, cmdPath(script));
        env.put(ARGS_VARIABLE, batchArguments(args, who));
        write(dir.resolve("capture.cmd"), batchFile());
        // /d: no AutoRun, /u: built-ins write UTF-16LE (capture recipe item 2). The file is named relative to
        // the working directory, so no quotes are needed on the cmd line (recipe item 1: cmd strips them).
        List<String> command = new ArrayList<>(cmd);
        command.addAll(List.of("/d", "/u", "/c", "capture.cmd"));
        ProcessResult result = run(ProcessSpec.of(command, dir, env), who);
        List<String> output = readLines(dir.resolve(OUTPUT), true);
        List<String> errors = errorLines(output);
        if (!result.succeeded() || !errors.isEmpty() || !Files.isRegularFile(dir.resolve(AFTER))) {
            throw failure(who, script, args, result, errors.isEmpty() ? output : errors);
        }
        Map<String, String> before = Snapshots.parseCmdSet(read(dir.resolve(BEFORE), true));
        Map<String, String> after = Snapshots.parseCmdSet(read(dir.resolve(AFTER), true));
        return new Result(EnvironmentChange.between(before, after, true, ";"), after, output);
    }

    /**
     * The generated batch file; ASCII only, CRLF line ends. It follows the capture recipe (items 1, 2, 4)
     * with one change: instead of a marker line and {@code set} on standard output, each snapshot goes to
     * its own file and the script's output to a third. One stream would mix encodings (cmd's built-ins write
     * UTF-16LE under {@code /u}, programs the script starts write their code page, wine adds its own
     * lines), and a snapshot before the call lets the diff ignore what cmd or wine add by themselves.
     */
    static String batchFile() {
        return String.join("\r\n",
                "@echo off",
                // Visual Studio scripts change to %USERPROFILE%\source unless told where to start
                "set \"VSCMD_START_DIR=%CD%\"",
                "set > \"%~dp0" + BEFORE + "\"",
                "call \"%" + SCRIPT_VARIABLE + "%\" %" + ARGS_VARIABLE + "% > \"%~dp0" + OUTPUT + "\" 2>&1",
                // outside any parenthesized block, so %errorlevel% is read now (recipe item 4)
                "if errorlevel 1 exit /b %errorlevel%",
                "set > \"%~dp0" + AFTER + "\"",
                "exit /b 0",
                "");
    }

    static String batchArguments(List<String> args, String who) throws ProjectException {
        List<String> quoted = new ArrayList<>();
        for (String arg : args) {
            if (arg.contains("\"") || arg.contains("%")) {
                throw new ProjectException(who + ": the argument `" + arg + "` of <vcvarsArgs> contains a quote or"
                        + " a percent sign, which cmd cannot pass on unchanged; remove it");
            }
            quoted.add(arg.isEmpty() || arg.matches(".*[\\s&|<>^(),;=!].*") ? "\"" + arg + "\"" : arg);
        }
        return String.join(" ", quoted);
    }

    private Result captureShell(Path script, List<String> args, Map<String, String> base, String who, Path dir)
            throws CrossbuildException {
        Map<String, String> env = new LinkedHashMap<>(base);
        env.put("CROSSBUILD_ENV_BEFORE", dir.resolve(BEFORE).toString());
        env.put("CROSSBUILD_ENV_AFTER", dir.resolve(AFTER).toString());
        // NUL-separated snapshots, because values may hold newlines (capture recipe, POSIX scripts)
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "env -0 > \"$CROSSBUILD_ENV_BEFORE\" && . \"$0\" \"$@\" >&2 && env -0 > \"$CROSSBUILD_ENV_AFTER\"",
                script.toString()));
        command.addAll(args);
        List<String> output = new ArrayList<>();
        ProcessResult result = run(ProcessSpec.of(command, dir, env), who);
        output.addAll(result.tail());
        List<String> errors = errorLines(output);
        if (!result.succeeded() || !errors.isEmpty() || !Files.isRegularFile(dir.resolve(AFTER))) {
            throw failure(who, script, args, result, errors.isEmpty() ? output : errors);
        }
        Map<String, String> before = Snapshots.parseNulSeparated(read(dir.resolve(BEFORE), false));
        Map<String, String> after = Snapshots.parseNulSeparated(read(dir.resolve(AFTER), false));
        return new Result(EnvironmentChange.between(before, after, false, ":"), after, output);
    }

    private ProcessResult run(ProcessSpec spec, String who) throws CrossbuildException {
        log.debug(who + ": " + spec.commandLine());
        try {
            return runner.run(spec.withTimeout(TIMEOUT), line -> log.debug("  " + line), line -> log.debug("  " + line));
        } catch (ToolNotFoundException missing) {
            throw new ProjectException(who + ": " + missing.getMessage() + "; install it or point -Dcrossbuild.cmd"
                    + " at a cmd that exists", missing);
        }
    }

    /** vcvarsall exits 0 on usage errors and reports them as {@code [ERROR:…]} lines (recipe item 4). */
    static List<String> errorLines(List<String> output) {
        return output.stream().filter(l -> l.contains("[ERROR")).toList();
    }

    private static ProjectException failure(String who, Path script, List<String> args, ProcessResult result,
            List<String> lines) {
        StringBuilder text = new StringBuilder(who).append(": the environment script ").append(script);
        text.append(args.isEmpty() ? " (no arguments)" : " with arguments " + String.join(" ", args));
        text.append(result.succeeded() ? " reported errors" : " failed with exit code " + result.exitCode());
        List<String> shown = lines.size() > 30 ? lines.subList(lines.size() - 30, lines.size()) : lines;
        if (!shown.isEmpty()) {
            text.append(":\n  ").append(String.join("\n  ", shown));
        }
        text.append("\nFix the script or its arguments (<vcvars>, <vcvarsArgs>) for this target.");
        return new ProjectException(text.toString());
    }

    /** The path as cmd sees it: native on Windows; under wine the Unix root is drive Z: by default. */
    String cmdPath(Path path) {
        String absolute = path.toAbsolutePath().normalize().toString();
        return windowsHost ? absolute : "Z:" + absolute.replace('/', '\\');
    }

    private static List<String> readLines(Path file, boolean cmdOutput) throws MachineException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return read(file, cmdOutput).lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
    }

    private static String read(Path file, boolean cmdOutput) throws MachineException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return cmdOutput ? Snapshots.decodeCmdOutput(bytes) : new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws MachineException {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MachineException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
