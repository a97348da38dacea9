package dev.crossbuild.nativebuild;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativePlan.Plan;
import dev.crossbuild.nativebuild.tool.ToolRun;
import dev.crossbuild.process.ProcessInterruptedException;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ReproductionScript;
import dev.crossbuild.process.ProcessTimeoutException;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.reproducible.ReproducibleBuild;
import dev.crossbuild.tools.CacheServer;
import dev.crossbuild.tools.CompilerCache;
import dev.crossbuild.tools.KnownTools;
import dev.crossbuild.tools.ToolResolver;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the native builds of every selected target, each out of tree in
 * {@code target/crossbuild/targets/<target-id>/native/<build-id>/}, skips those whose inputs did not change,
 * records their output directories for cargo ({@link NativeOutputs}) and ends with a summary. What differs
 * between make, meson, cmake and a command lives in their {@link dev.crossbuild.nativebuild.tool.ToolDriver}.
 */
public final class NativeBuilder {

    /**
     * @param layout   where the plugin's files go
     * @param resolver decides each target's compilers; its host gets no cross file
     * @param force    rebuild even when nothing changed
     * @param reproducible what makes the outputs independent of time and place (or nothing)
     * @param cache    the compile cache in front of the C and C++ compilers, or none
     */
    public record Options(WorkLayout layout, ToolResolver resolver, boolean force, Duration timeout,
            ReproducibleBuild reproducible, CompilerCache cache) {

        public Options {
            reproducible = reproducible == null ? ReproducibleBuild.OFF : reproducible;
            cache = cache == null ? CompilerCache.NONE : cache;
        }

        /** Without reproducibility settings or a compile cache. */
        public Options(WorkLayout layout, ToolResolver resolver, boolean force, Duration timeout) {
            this(layout, resolver, force, timeout, ReproducibleBuild.OFF, CompilerCache.NONE);
        }
    }

    /** What happened to one native build of one target. */
    public record Outcome(String targetId, String buildId, String tool, String result, long millis) {
    }

    /** The stamp's record of the configure step's key: a change of it configures from an empty folder. */
    private static final String CONFIGURE = "configure";

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;
    private final Options options;
    private final NativePlan planner;

    public NativeBuilder(ProcessRunner runner, TargetEnvironments environments, BuildLog log, Options options) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
        this.options = options;
        this.planner = new NativePlan(runner, environments, options.layout(), options.resolver(),
                options.reproducible(), options.cache());
    }

    /** Builds every target in order and logs the summary table, also when a build fails. */
    public List<Outcome> buildAll(List<TargetSpec> targets, List<NativeBuildSpec> builds) throws CrossbuildException {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (TargetSpec target : targets) {
                outcomes.addAll(build(target, builds));
            }
        } finally {
            if (!outcomes.isEmpty()) {
                TextTable table = new TextTable("target", "build", "tool", "result", "time");
                outcomes.forEach(o -> table.row(o.targetId(), o.buildId(), o.tool(), o.result(),
                        String.format(Locale.ROOT, "%.1f s", o.millis() / 1000.0)));
                log.info("crossbuild build-native summary:");
                table.lines().forEach(log::info);
            }
        }
        return outcomes;
    }

    /** Runs every build that applies to the target, in order; later builds see earlier builds' directories. */
    public List<Outcome> build(TargetSpec target, List<NativeBuildSpec> builds) throws CrossbuildException {
        if (options.cache() != CompilerCache.NONE && builds.stream().anyMatch(b -> b.appliesTo(target))) {
            CacheServer.start(runner, options.cache(), environments.baseEnvironment(target),
                    options.layout().buildDirectory());
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> earlierInputs = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (NativeBuildSpec build : builds) {
            if (!build.appliesTo(target)) {
                continue;
            }
            long start = System.nanoTime();
            Plan plan = planner.plan(target, build, outputs, earlierInputs);
            String result = run(target, build, plan);
            outputs.put(build.id(), plan.output().toString());
            earlierInputs.add(plan.inputs());
            outcomes.add(new Outcome(target.id(), build.id(), build.tool().configName(), result,
                    Duration.ofNanos(System.nanoTime() - start).toMillis()));
        }
        NativeOutputs.write(options.layout(), target, outputs);
        return outcomes;
    }

    private String run(TargetSpec target, NativeBuildSpec build, Plan plan) throws CrossbuildException {
        // what a finished build leaves beside its output directory: the key of its inputs, and of its configure
        Stamp stamp = Stamp.watching(plan.inputs(), Map.of(CONFIGURE, plan.configure()), List.of());
        Stamp last = Stamp.read(plan.stampFile()).orElse(null);
        if (!options.force() && last != null && last.holds(plan.inputs()) && Files.isDirectory(plan.output())) {
            log.info("[" + target.id() + "] " + build.describe() + " is up to date, skipped (-Dcrossbuild.native"
                    + ".force=true rebuilds it)");
            return "UP TO DATE";
        }
        FileTrees.deleteQuietly(plan.stampFile());
        boolean reconfigure = options.force() || last == null || !plan.configure().equals(last.files().get(CONFIGURE));
        String prefix = "[" + target.id() + "/" + build.id() + "] ";
        log.info("[" + target.id() + "] " + build.describe() + " → " + plan.output());
        ToolRun.Steps steps = new ToolRun.Steps() {
            @Override
            public void run(List<String> command, Path directory) throws CrossbuildException {
                step(target, build, plan, command, directory, prefix);
            }

            @Override
            public void fresh() throws CrossbuildException {
                NativeBuilder.fresh(plan);
            }
        };
        build.tool().driver().build(new ToolRun(target.triple(), plan.cross(), build.directory(), plan.output(),
                plan.crossPath(), plan.args(), plan.tools(), reconfigure, options.layout().buildDirectory(), steps,
                options.cache().launcher()));
        stamp.write(plan.stampFile());
        return "BUILT";
    }

    private void step(TargetSpec target, NativeBuildSpec build, Plan plan, List<String> command, Path directory,
            String prefix) throws CrossbuildException {
        ProcessSpec spec = new ProcessSpec(command, directory, plan.env(), StandardCharsets.UTF_8, options.timeout());
        log.info(prefix + spec.commandLine());
        ProcessResult result;
        try {
            result = runner.run(spec, line -> log.info(prefix + line), line -> log.info(prefix + line));
        } catch (ToolNotFoundException missing) {
            throw new ProjectException(plan.where() + ": " + missing.getMessage() + "; " + KnownTools.installHint(
                    missing.tool()), missing);
        } catch (ProcessTimeoutException timedOut) {
            throw new MachineException(plan.where() + ": `" + spec.commandLine() + "` did not finish within "
                    + timedOut.limit() + " and was stopped with all its child processes; raise the limit with"
                    + " -Dcrossbuild.timeout=<minutes> if the build needs longer", timedOut);
        } catch (ProcessInterruptedException interrupted) {
            throw new MachineException(plan.where() + ": " + interrupted.getMessage(), interrupted);
        }
        if (!result.succeeded()) {
            Set<String> userValues = new TreeSet<>(build.env().keySet());
            userValues.addAll(target.env().keySet());
            Path script = ReproductionScript.write(options.layout().nativeFile(target.id(), build.id(), "-failed.sh"),
                    spec, plan.added(), userValues);
            throw new ProjectException(plan.where() + " failed:\n" + result.describe() + "\nreproduce it with: sh "
                    + script);
        }
    }

    /** Starts a configure from an empty directory, with the cross file written beside it. */
    private static void fresh(Plan plan) throws MachineException {
        FileTrees.deleteQuietly(plan.output());
        try {
            Files.createDirectories(plan.output());
            if (plan.crossPath() != null) {
                Files.writeString(plan.crossPath(), plan.crossFile(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MachineException("could not prepare " + plan.output() + ": " + e.getMessage(), e);
        }
    }
}
