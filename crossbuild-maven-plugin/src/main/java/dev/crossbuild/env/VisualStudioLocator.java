package dev.crossbuild.env;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessRunner.CapturedOutput;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a target's {@code <vcvars>} into the script to run: a path, a bare Visual Studio script name, or auto. */
public final class VisualStudioLocator {

    public static final String AUTO = "auto";

    private final ProcessRunner runner;
    private final TargetTriple host;
    private final boolean windowsHost;

    public VisualStudioLocator(ProcessRunner runner, TargetTriple host, boolean windowsHost) {
        this.runner = runner;
        this.host = host;
        this.windowsHost = windowsHost;
    }

    /**
     * The script to run.
     *
     * @param visualStudio whether it is a Visual Studio script, whose result gets the extra checks
     * @param instance     the Visual Studio found by vswhere, or null when the path was given
     */
    public record Script(Path path, List<String> args, boolean visualStudio, VisualStudio.Instance instance) {
    }

    public Script resolve(TargetSpec target, Path projectDirectory, Map<String, String> env, String who)
            throws CrossbuildException {
        String vcvars = target.vcvars().trim();
        if (vcvars.equalsIgnoreCase(AUTO) || VisualStudio.isBareScriptName(vcvars)) {
            VisualStudio.Instance instance = findInstance(target, env, who);
            String name = vcvars.equalsIgnoreCase(AUTO) ? "vcvarsall.bat" : vcvars;
            Path script = Path.of(instance.scriptsFolder()).resolve(name);
            if (!Files.isRegularFile(script)) {
                throw new ProjectException(who + ": " + instance.displayName() + " at " + instance.installationPath()
                        + " has no " + name + " in " + instance.scriptsFolder() + "; use a script that exists there"
                        + " (vcvarsall.bat, vcvars64.bat, vcvarsamd64_arm64.bat, …) or `auto`");
            }
            return new Script(script, arguments(target, script, who), true, instance);
        }
        Path script = projectDirectory.resolve(vcvars).toAbsolutePath().normalize();
        if (!Files.isRegularFile(script)) {
            throw new ProjectException(who + " does not exist (looked at " + script + "); fix the path (relative to"
                    + " the project directory), give a bare Visual Studio script name such as vcvars64.bat, or use"
                    + " `auto`");
        }
        boolean visualStudio = ScriptCapture.isBatch(script)
                && script.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("vcvars");
        return new Script(script, arguments(target, script, who), visualStudio, null);
    }

    /** The given {@code <vcvarsArgs>}, or for vcvarsall.bat without them the argument for host and target. */
    private List<String> arguments(TargetSpec target, Path script, String who) throws ProjectException {
        if (!target.vcvarsArgs().isEmpty()
                || !script.getFileName().toString().equalsIgnoreCase("vcvarsall.bat")) {
            return target.vcvarsArgs();
        }
        return List.of(VisualStudio.vcvarsallArgument(host.archFamily(), target.triple().archFamily())
                .orElseThrow(() -> new ProjectException(who + ": vcvarsall.bat has no tools for a "
                        + host.archFamily() + " host building " + target.triple().archFamily()
                        + "; set <vcvarsArgs> yourself")));
    }

    private VisualStudio.Instance findInstance(TargetSpec target, Map<String, String> env, String who)
            throws CrossbuildException {
        String arch = target.triple().archFamily();
        String component = VisualStudio.component(arch).orElseThrow(() -> new ProjectException(who
                + ": Visual Studio has no C/C++ tools for the architecture " + arch + " of " + target.triple()
                + "; give the path of an environment script instead"));
        if (!windowsHost) {
            throw new ProjectException(who + ": finding Visual Studio needs vswhere, which exists on Windows only;"
                    + " on this host give the path of the script in <vcvars>");
        }
        Path vswhere = vswhere(env).orElseThrow(() -> new ProjectException(who + ": vswhere.exe was not found"
                + " (it comes with the Visual Studio Installer, in %ProgramFiles(x86)%\\"
                + VisualStudio.VSWHERE_BELOW_PROGRAM_FILES + "); install Visual Studio or its Build Tools with the"
                + " component " + component + ", or give the script's path in <vcvars>"));
        List<String> command = new ArrayList<>();
        command.add(vswhere.toString());
        command.addAll(VisualStudio.vswhereArguments(component));
        CapturedOutput out;
        try {
            out = runner.capture(ProcessSpec.of(command, vswhere.getParent(), env).withTimeout(Duration.ofMinutes(2))
                    .withCharset(java.nio.charset.StandardCharsets.UTF_8));
        } catch (ToolNotFoundException e) {
            throw new ProjectException(who + ": " + e.getMessage(), e);
        }
        if (!out.result().succeeded()) {
            throw new MachineException(who + ": vswhere failed:\n" + out.result().describe());
        }
        List<VisualStudio.Instance> instances;
        try {
            instances = VisualStudio.parseInstances(out.stdout());
        } catch (RuntimeException e) {
            throw new MachineException(who + ": vswhere printed something that is not JSON: " + e.getMessage(), e);
        }
        return VisualStudio.newest(instances).orElseThrow(() -> new ProjectException(who + ": no Visual Studio"
                + " installation has the component " + component + " (" + arch + " C/C++ build tools); install it"
                + " with the Visual Studio Installer (Modify → Individual components) or with `vs_buildtools.exe"
                + " --add " + component + "`"));
    }

    private static Optional<Path> vswhere(Map<String, String> env) {
        String programFiles = Executables.lookup(env, "ProgramFiles(x86)", true);
        if (programFiles != null) {
            Path standard = VisualStudio.vswhereBelow(programFiles);
            if (Files.isRegularFile(standard)) {
                return Optional.of(standard);
            }
        }
        return Executables.find("vswhere", env);
    }

    /**
     * vcvarsall exits 0 even when it set nothing up: an empty INCLUDE, or tools for another architecture
     * than asked for, are failures too (capture recipe item 4).
     */
    void checkCaptured(TargetSpec target, Script script, ScriptCapture.Result result, String who)
            throws ProjectException {
        String include = Executables.lookup(result.after(), "INCLUDE", true);
        String described = script.path() + (script.args().isEmpty() ? "" : " " + String.join(" ", script.args()));
        String component = VisualStudio.component(target.triple().archFamily()).orElse("the VC tools component");
        if (include == null || include.isBlank()) {
            throw new ProjectException(who + ": " + described + " left INCLUDE empty, so it did not set up a"
                    + " compiler; check that Visual Studio has " + component + " and that the arguments are right"
                    + lastLines(result.output()));
        }
        String actual = Executables.lookup(result.after(), "VSCMD_ARG_TGT_ARCH", true);
        Optional<String> expected = VisualStudio.targetArchVariable(target.triple().archFamily());
        if (actual != null && expected.isPresent() && !actual.equalsIgnoreCase(expected.get())) {
            throw new ProjectException(who + ": " + described + " set up tools for `" + actual + "` but target `"
                    + target.id() + "` (" + target.triple() + ") needs `" + expected.get() + "`; fix <vcvarsArgs>"
                    + " (for vcvarsall.bat on this host: `" + VisualStudio.vcvarsallArgument(host.archFamily(),
                            target.triple().archFamily()).orElse(expected.get()) + "`)");
        }
    }

    private static String lastLines(List<String> output) {
        List<String> tail = output.size() > 10 ? output.subList(output.size() - 10, output.size()) : output;
        return tail.isEmpty() ? "" : "; the script printed:\n  " + String.join("\n  ", tail);
    }
}
