package dev.crossbuild.env;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.tools.ToolCommand;
import dev.crossbuild.tools.ToolResolver;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base environment of a target with its {@code <vcvars>} script applied: the script runs once, what
 * it changed is applied onto the inherited environment (plus the target's {@code <env>}), and the result
 * is the environment of every process of that target. Captures are kept per target for the life of this
 * object (one goal execution) and on disk, keyed by the script's path, its modification time, its
 * arguments and the base environment (capture recipe item 6: vcvarsall takes seconds per call).
 */
public final class CapturingTargetEnvironments implements TargetEnvironments {

    /** Variables that differ between two runs of the same build and say nothing about the environment. */
    public static final Set<String> VOLATILE = Set.of("MAVEN_CMD_LINE_ARGS", "OLDPWD", "PWD", "SHLVL", "_");

    private final Map<String, String> inherited;
    private final Settings settings;
    private final VisualStudioLocator locator;
    private final ScriptCapture capture;
    private final BuildLog log;
    private final Map<String, Map<String, String>> captured = new ConcurrentHashMap<>();

    /**
     * @param projectDirectory the directory relative {@code <vcvars>} paths start from
     * @param cacheDirectory   where captures are kept between builds
     * @param cmd              the cmd command line for batch files; empty when there is none
     * @param host             the host triple
     * @param windowsHost      whether the host is Windows (case-insensitive names, {@code ;} lists)
     */
    public record Settings(Path projectDirectory, Path cacheDirectory, List<String> cmd, TargetTriple host,
            boolean windowsHost) {

        public Settings {
            cmd = List.copyOf(cmd);
        }
    }

    public CapturingTargetEnvironments(Map<String, String> inherited, Settings settings, ProcessRunner runner,
            BuildLog log) {
        this.inherited = Map.copyOf(inherited);
        this.settings = settings;
        this.locator = new VisualStudioLocator(runner, settings.host(), settings.windowsHost());
        this.capture = new ScriptCapture(runner, settings.cmd(), settings.windowsHost(),
                settings.cacheDirectory().resolve("tmp"), log);
        this.log = log;
    }

    /**
     * The environments of the targets of one project, inheriting this JVM's environment.
     *
     * @param cmd the {@code crossbuild.cmd} setting, or null
     */
    public static CapturingTargetEnvironments forThisProcess(Path projectDirectory, Path cacheDirectory, String cmd,
            TargetTriple host, BuildLog log) {
        Map<String, String> inherited = System.getenv();
        boolean windows = Executables.isWindows();
        return new CapturingTargetEnvironments(inherited, new Settings(projectDirectory, cacheDirectory,
                cmdCommand(cmd, inherited, windows), host, windows), new ProcessRunner(), log);
    }

    @Override
    public Map<String, String> baseEnvironment(TargetSpec target) throws CrossbuildException {
        Map<String, String> known = captured.get(target.id());
        if (known != null) {
            return known;
        }
        Map<String, String> input = TargetEnvironments.inherited(inherited).baseEnvironment(target);
        Map<String, String> result = target.vcvars() == null ? input : withScript(target, input);
        captured.putIfAbsent(target.id(), Map.copyOf(result));
        return captured.get(target.id());
    }

    private Map<String, String> withScript(TargetSpec target, Map<String, String> input) throws CrossbuildException {
        String who = "target `" + target.id() + "`: <vcvars>" + target.vcvars() + "</vcvars>";
        VisualStudioLocator.Script script = locator.resolve(target, settings.projectDirectory(), input, who);
        if (script.instance() != null) {
            VisualStudio.Instance vs = script.instance();
            log.info("[" + target.id() + "] Visual Studio found by vswhere: " + vs.displayName() + " "
                    + vs.installationVersion() + (vs.prerelease() ? " (prerelease)" : "") + " at "
                    + vs.installationPath());
        }
        String key = cacheKey(script, input);
        Path cacheFile = settings.cacheDirectory().resolve(key + ".json");
        EnvironmentChange change = readCache(cacheFile);
        String described = script.path() + (script.args().isEmpty() ? "" : " " + String.join(" ", script.args()));
        if (change != null) {
            log.info("[" + target.id() + "] environment of " + described + " reused from " + cacheFile.getFileName()
                    + " (script not run again; it reruns when the script, its arguments or the environment change)");
        } else {
            log.info("[" + target.id() + "] capturing the environment of " + described);
            ScriptCapture.Result result = capture.capture(script.path(), script.args(), input, who);
            if (script.visualStudio()) {
                locator.checkCaptured(target, script, result, who);
            }
            change = result.change();
            Json.write(cacheFile, change);
            log.info("[" + target.id() + "] the script set " + change.names().size() + " variable(s): "
                    + String.join(", ", change.names()));
        }
        Map<String, String> env = change.applyTo(input, settings.windowsHost(), File.pathSeparator);
        addToolVariables(target, change, env);
        return env;
    }

    /** What the script exported as CC, CXX and AR becomes the target's compilers (the tool resolver decides). */
    private void addToolVariables(TargetSpec target, EnvironmentChange change, Map<String, String> env) {
        ToolResolver.forHost(settings.host()).scriptVariables(target, change.values()).forEach(env::putIfAbsent);
    }

    private static String cacheKey(VisualStudioLocator.Script script, Map<String, String> input)
            throws MachineException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, "capture-v2");
            update(digest, script.path().toAbsolutePath().normalize().toString());
            update(digest, String.valueOf(Files.getLastModifiedTime(script.path()).toMillis()));
            script.args().forEach(a -> update(digest, a));
            update(digest, "--");
            new TreeMap<>(input).forEach((name, value) -> {
                if (!VOLATILE.contains(name)) {
                    update(digest, name + "=" + value);
                }
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new MachineException("could not read the modification time of " + script.path() + ": "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private EnvironmentChange readCache(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Json.read(file, EnvironmentChange.class);
        } catch (MachineException unreadable) {
            log.debug("ignoring an unreadable environment cache " + file + ": " + unreadable.getMessage());
            return null;
        }
    }

    /** The cmd command line: {@code crossbuild.cmd} when set, else {@code %ComSpec%} on Windows, else none. */
    public static List<String> cmdCommand(String configured, Map<String, String> environment, boolean windowsHost) {
        if (configured != null && !configured.isBlank()) {
            return ToolCommand.parse(configured).orElseThrow().words();
        }
        if (windowsHost) {
            String comSpec = Executables.lookup(environment, "ComSpec", true);
            return List.of(comSpec == null || comSpec.isBlank() ? "cmd.exe" : comSpec);
        }
        return List.of();
    }
}
