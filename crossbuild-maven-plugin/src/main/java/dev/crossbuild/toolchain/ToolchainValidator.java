package dev.crossbuild.toolchain;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.Runners;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.core.Version;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.toolchain.ToolchainReport.TargetCheck;
import dev.crossbuild.tools.CompilerCache;
import dev.crossbuild.tools.ToolResolver;
import dev.crossbuild.zig.ZigCheck;
import dev.crossbuild.zig.ZigProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, for every selected target, everything a build needs before any compiling starts, and reports all
 * problems of all targets at once, each with its fix: the probe finds the facts, {@link ToolchainChecks}
 * judges them, the installer adds a missing standard library when asked, and the report is logged as a table.
 */
public final class ToolchainValidator {

    private final TargetEnvironments environments;
    private final BuildLog log;
    private final Path projectDirectory;
    private final ToolResolver resolver;
    private final ToolchainProbe probe;
    private final RustupInstaller installer;
    private final ProcessRunner runner;
    private final java.util.Set<String> fromSource = new java.util.HashSet<>();
    private ZigProgram zig = ZigProgram.ON_PATH;

    /** @param cacheDirectory where toolchain facts are kept between builds ({@code target/crossbuild/toolchain-cache}) */
    public ToolchainValidator(ProcessRunner runner, TargetEnvironments environments, BuildLog log,
            Path projectDirectory, ToolResolver resolver, Path cacheDirectory) {
        this.environments = environments;
        this.log = log;
        this.projectDirectory = projectDirectory;
        this.resolver = resolver;
        this.probe = new ToolchainProbe(runner, projectDirectory, cacheDirectory);
        this.installer = new RustupInstaller(runner, log, projectDirectory);
        this.runner = runner;
    }

    /** The zig that {@code <linker>zig</linker>} targets run (zig on PATH unless the pom names one). */
    public ToolchainValidator zig(ZigProgram program) {
        this.zig = program;
        return this;
    }

    /**
     * Also checks the tools of the native builds that apply to each target, in the target's environment, and
     * that the compile cache's program is on its PATH.
     */
    public ToolchainReport validate(List<TargetSpec> targets, Path manifest, boolean installTargets,
            List<NativeBuildSpec> nativeBuilds, CompilerCache cache) throws CrossbuildException {
        List<TargetCheck> checks = new ArrayList<>();
        // a list, not a map: a target is never hashed (a record's first hashCode costs a bootstrap)
        List<Map.Entry<TargetSpec, Version>> cargoVersions = new ArrayList<>();
        for (TargetSpec target : targets) {
            if (target.buildStd()) {
                fromSource.add(target.id());
            }
            Map<String, String> env;
            try {
                // runs the target's <vcvars> script: every check below sees the environment the build will see
                env = environments.baseEnvironment(target);
            } catch (ProjectException scriptFailed) {
                checks.add(new TargetCheck(target.id(), target.triple().value(), target.toolchain(), null, null, null,
                        false, Map.of(), List.of(scriptFailed.getMessage()), List.of()));
                continue;
            }
            ToolchainFacts facts = probe.probe(target, env, () -> log.info("[" + target.id() + "] toolchain facts"
                    + " reused from target/crossbuild/toolchain-cache (rustup, cargo and rustc unchanged)"));
            Version.find(facts.cargoVersion()).ifPresent(v -> cargoVersions.add(Map.entry(target, v)));
            checks.add(check(target, env, facts, installTargets, nativeBuilds, cache));
            log.info("[" + target.id() + "] " + runnerLine(target));
        }
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) {
            problems.add("<manifestPath> " + manifest + " does not exist; put the crate's Cargo.toml there or point"
                    + " <manifestPath> (-Dcrossbuild.manifestPath) at it");
        }
        LockFileCheck.Findings lock = LockFileCheck.check(manifest, cargoVersions);
        problems.addAll(lock.problems());
        ToolchainReport report = new ToolchainReport(checks, problems, lock.warnings());
        logTable(report);
        return report;
    }

    private TargetCheck check(TargetSpec target, Map<String, String> env, ToolchainFacts facts,
            boolean installTargets, List<NativeBuildSpec> nativeBuilds, CompilerCache cache)
            throws CrossbuildException {
        List<String> problems = new ArrayList<>(ToolchainChecks.rust(target, facts));
        Optional<String> badTriple = problems.isEmpty() ? ToolchainChecks.triple(target, facts) : Optional.empty();
        badTriple.ifPresent(problems::add);
        boolean std = false;
        if (problems.isEmpty() && target.buildStd()) {
            Optional<Path> sources = facts.librarySources();
            std = sources.isPresent();
            if (std) {
                log.info("[" + target.id() + "] std: built from source (" + sources.get() + ")");
            } else {
                problems.add(ToolchainChecks.missingLibrarySources(target, facts));
            }
        } else if (problems.isEmpty() && facts.rustcVersion() != null && facts.sysroot() != null) {
            Path lib = facts.standardLibrary(target.triple().value()).orElseThrow();
            std = Files.isDirectory(lib);
            if (!std && installTargets && ToolchainChecks.installable(facts)) {
                Optional<String> failed = installer.install(target, env, lib);
                failed.ifPresent(problems::add);
                std = failed.isEmpty();
            } else if (!std) {
                problems.add(ToolchainChecks.missingStandardLibrary(target, facts));
            }
        }
        ToolchainChecks.Result tools = ToolchainChecks.tools(target, program -> Executables.find(program, env));
        if (target.zigLinker()) {
            String version = zigVersion(env);
            Optional<String> zigProblem = ZigCheck.check(target, zig, version);
            zigProblem.ifPresent(problems::add);
            if (zigProblem.isEmpty()) {
                String which = zig.configured() ? zig.describe() : Executables.find(zig.command(), env)
                        .map(Path::toString).orElse(zig.command()) + " (PATH)";
                log.info("[" + target.id() + "] zig: " + which + ", version " + version.trim());
            }
        }
        problems.addAll(tools.problems());
        ToolchainChecks.wasmLinker(target, facts.sysroot(), program -> Executables.find(program, env))
                .ifPresent(problems::add);
        ToolchainChecks.Result natives = ToolchainChecks.nativeBuilds(target, nativeBuilds,
                resolver.resolveWithDefaults(target, env), program -> Executables.find(program, env));
        problems.addAll(natives.problems());
        ToolchainChecks.vcvars(target, projectDirectory).ifPresent(problems::add);
        ToolchainChecks.compilerCache(target, cache, program -> Executables.find(program, env))
                .ifPresent(problems::add);
        Map<String, String> found = new LinkedHashMap<>(tools.tools());
        natives.tools().forEach(found::putIfAbsent);
        return new TargetCheck(target.id(), target.triple().value(), target.toolchain(), facts.cargoVersion(),
                facts.rustcVersion(), facts.sysroot(), std, found, problems,
                ToolchainChecks.rustflagsWarning(target, env).map(List::of).orElse(List.of()));
    }

    /** What {@code zig version} prints in the environment, or null when zig is not there or fails. */
    private String zigVersion(Map<String, String> env) throws CrossbuildException {
        try {
            ProcessRunner.CapturedOutput out = runner.capture(ProcessSpec.of(List.of(zig.command(), "version"),
                    projectDirectory, env).withTimeout(java.time.Duration.ofMinutes(1)));
            return out.result().succeeded() ? out.stdout().trim() : null;
        } catch (ToolNotFoundException missing) {
            return null;
        }
    }

    /** Where the target's tests will run: the runner the pom names or the plugin chose, natively, or not. */
    private String runnerLine(TargetSpec target) {
        if (target.runnerDisabled()) {
            return "tests: built, not run (<runner>none</runner>)";
        }
        if (target.runsInBuiltInWasi()) {
            return "tests run with: " + Runners.WASI + " (the plugin's own WASI runtime, Chicory, in a JVM)";
        }
        if (target.runnerCommand().isPresent()) {
            return "tests run with: " + target.runnerCommand().get();
        }
        TargetTriple host = HostPlatform.current();
        if (Runners.runsNatively(target.triple(), host)) {
            return "tests run natively";
        }
        return "tests: built, not run (no runner for " + target.triple() + Runners.choose(target.triple(), host,
                Runners.Machine.LOCAL).missing().map(fix -> "; " + fix).orElse("") + ")";
    }

    private void logTable(ToolchainReport report) {
        TextTable table = new TextTable("target", "triple", "toolchain", "cargo", "rustc", "std", "tools", "result");
        for (TargetCheck t : report.targets()) {
            table.row(t.id(), t.triple(), t.toolchain() == null ? "(default)" : t.toolchain(),
                    Version.find(t.cargoVersion()).map(Version::toString).orElse("-"),
                    Version.find(t.rustcVersion()).map(Version::toString).orElse("-"),
                    !t.standardLibrary() ? "missing" : fromSource.contains(t.id()) ? "from source" : "ok",
                    t.tools().isEmpty() ? "-" : String.join(",", t.tools().entrySet().stream()
                            .map(e -> e.getKey() + (e.getValue().equals("missing") ? " missing" : " ok")).toList()),
                    t.ok() ? "OK" : "FAILED");
        }
        table.lines().forEach(log::info);
        report.targets().forEach(t -> t.warnings().forEach(log::warn));
        report.warnings().forEach(log::warn);
    }
}
