package dev.crossbuild.nativebuild;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.CapturingTargetEnvironments;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.tool.ToolDriver;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.reproducible.ReproducibleBuild;
import dev.crossbuild.tools.CompilerCache;
import dev.crossbuild.tools.KnownTools;
import dev.crossbuild.tools.TargetTools;
import dev.crossbuild.tools.ToolCommand;
import dev.crossbuild.tools.ToolResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides everything one native build of one target needs before anything runs: placeholders, environment,
 * tools, the cross file, and the fingerprints that tell whether it must run again.
 */
final class NativePlan {

    /**
     * @param configure fingerprint of the configuration (tool, version, arguments, environment, cross file)
     * @param inputs    fingerprint of the configuration, the sources and the earlier builds' inputs
     */
    record Plan(String where, boolean cross, Path output, Path stampFile, String configure, String inputs,
            Map<String, String> env, Map<String, String> added, List<String> args, TargetTools tools,
            String crossFile, Path crossPath) {
    }

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final WorkLayout layout;
    private final ToolResolver resolver;
    private final ReproducibleBuild reproducible;
    private final CompilerCache cache;
    private final Map<String, String> toolVersions = new ConcurrentHashMap<>();

    NativePlan(ProcessRunner runner, TargetEnvironments environments, WorkLayout layout, ToolResolver resolver,
            ReproducibleBuild reproducible, CompilerCache cache) {
        this.reproducible = reproducible;
        this.cache = cache;
        this.runner = runner;
        this.environments = environments;
        this.layout = layout;
        this.resolver = resolver;
    }

    Plan plan(TargetSpec target, NativeBuildSpec build, Map<String, String> earlier, List<String> earlierInputs)
            throws CrossbuildException {
        String where = "target `" + target.id() + "`: " + build.describe();
        Path output = layout.nativeOutput(target.id(), build.id());
        Map<String, String> base = environments.baseEnvironment(target);
        boolean cross = !resolver.isHost(target);
        TargetTools tools = resolver.resolve(target, base);
        TargetTools withDefaults = resolver.resolveWithDefaults(target, base);

        Map<String, String> values = new LinkedHashMap<>(target.properties());
        values.put("target.id", target.id());
        values.put("triple", target.triple().value());
        values.put("arch", target.triple().archFamily());
        values.put("os", target.triple().osName());
        values.put("buildDir", output.toString());
        withDefaults.cc().ifPresent(t -> values.put("cc", t.commandLine()));
        withDefaults.cxx().ifPresent(t -> values.put("cxx", t.commandLine()));
        withDefaults.ar().ifPresent(t -> values.put("ar", t.commandLine()));
        earlier.forEach((id, dir) -> values.put("native." + id + ".dir", dir));
        Placeholders placeholders = new Placeholders(values, where);
        List<String> args = placeholders.expandAll(build.args());
        if (args.isEmpty() && build.tool().driver().programIsFirstArgument()) {
            throw new ProjectException(where + ": its <args> are empty after placeholders were replaced; the first"
                    + " argument is the program to run");
        }

        Map<String, String> added = new LinkedHashMap<>();
        earlier.forEach((id, dir) -> added.put(NativeOutputs.variableName(id), dir));
        for (Map.Entry<String, String> e : build.env().entrySet()) {
            added.put(e.getKey(), placeholders.expand(e.getValue()));
        }
        Map<String, String> env = new LinkedHashMap<>(base);
        ToolDriver driver = build.tool().driver();
        driver.adjustEnvironment(env, added, configuredTools(target), cross);
        Map<String, String> withUser = new LinkedHashMap<>(env);
        withUser.putAll(added);
        // appended to what the user set: time and place kept out of the outputs
        added.putAll(reproducible.nativeVariables(target.triple(), withUser, driver.flagsInMachineFile()));
        env.putAll(added);

        List<String> programs = driver.programs(args);
        for (String program : programs) {
            if (Executables.find(program, env).isEmpty()) {
                throw new ProjectException(where + ": `" + program + "` is not on PATH; " + KnownTools.installHint(
                        program).replace("set the element", "set <tool>"));
            }
        }
        List<String> compileFlags = reproducible.compilerFlags(target.triple());
        List<String> linkFlags = reproducible.linkerFlags(target.triple());
        Optional<ToolDriver.CrossFile> crossFile = cross
                ? driver.crossFile(target.triple(), tools, cache.launcher(), compileFlags, linkFlags)
                : driver.nativeFile(withDefaults, cache.launcher(), compileFlags, linkFlags);
        Path crossPath = crossFile.map(f -> layout.nativeFile(target.id(), build.id(), f.suffix())).orElse(null);
        String crossText = crossFile.map(ToolDriver.CrossFile::text).orElse(null);
        String configure = new Fingerprint().add("native-v2").add(build.tool().configName())
                .add(driver.asksVersion() ? toolVersion(programs.get(0), env) : programFile(programs.get(0), env))
                .add(args).add(env, CapturingTargetEnvironments.VOLATILE).add(crossText).add(cache.name())
                .add(build.directory() == null ? null : build.directory().toString()).hex();
        String inputs = new Fingerprint().add(configure).add(earlierInputs)
                .addTree(build.directory(), layout.buildDirectory()).hex();
        return new Plan(where, cross, output, layout.nativeFile(target.id(), build.id(), ".stamp.json"), configure,
                inputs, env, added, args, tools, crossText, crossPath);
    }

    /** Only the target's own elements: what a host build of meson, cmake or a command gets as CC, CXX, AR. */
    private static TargetTools configuredTools(TargetSpec target) {
        return new TargetTools(ToolCommand.parse(target.cc()), ToolCommand.parse(target.cxx()),
                ToolCommand.parse(target.ar()), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private String toolVersion(String program, Map<String, String> env) throws MachineException {
        Optional<Path> path = Executables.find(program, env);
        if (path.isEmpty()) {
            return "missing";
        }
        String known = toolVersions.get(path.get().toString());
        if (known != null) {
            return known;
        }
        String version;
        try {
            var out = runner.capture(ProcessSpec.of(List.of(path.get().toString(), "--version"),
                    path.get().getParent(), env).withTimeout(Duration.ofMinutes(1)));
            version = path.get() + " " + out.stdout().lines().findFirst().orElse("").trim();
        } catch (ToolNotFoundException e) {
            version = "missing";
        }
        toolVersions.put(path.get().toString(), version);
        return version;
    }

    /** The command tool's program is never asked for --version (a build script would just run): its file counts. */
    private static String programFile(String program, Map<String, String> env) {
        return Executables.find(program, env).map(p -> p + " " + describeFile(p)).orElse("missing");
    }

    private static String describeFile(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + ":" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
