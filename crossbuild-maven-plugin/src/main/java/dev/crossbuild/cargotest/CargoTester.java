package dev.crossbuild.cargotest;

import dev.crossbuild.cargo.CargoBuilder;
import dev.crossbuild.cargo.CargoEnvironment;
import dev.crossbuild.cargo.CargoRustflags;
import dev.crossbuild.cargo.CargoGroup;
import dev.crossbuild.cargo.CargoMessages;
import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.ProcessInterruptedException;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ProcessTimeoutException;
import dev.crossbuild.process.ReproductionScript;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.toolchain.CargoLock;
import dev.crossbuild.tools.ToolCommand;
import dev.crossbuild.wasm.WasiRuntime;
import dev.crossbuild.model.Runners;
import dev.crossbuild.model.WorkLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@code cargo test} for every selected target with exactly the environment and target dir of its
 * {@code cargo-build}: on the host, natively, or through the target's {@code <runner>}; a target that cannot
 * run here gets its tests compiled only ({@code --no-run}). Writes Surefire XML per target and test binary,
 * ends with a summary, and fails naming every failed test of every target.
 */
public final class CargoTester {

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;

    public CargoTester(ProcessRunner runner, TargetEnvironments environments, BuildLog log) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
    }

    /**
     * The {@code cargo test} command line of a target; {@code --no-run} when its tests cannot run here.
     *
     * @param targetDir the target dir its {@code cargo build} used ({@link CargoGroup#targetDir()})
     * @param filter    a test name filter, or null
     */
    public static List<String> command(TargetSpec target, Path targetDir, CargoOptions cargo, String filter,
            boolean run) {
        return command(target, targetDir, cargo, CargoRustflags.configArguments(List.of(target), cargo.reproducible()),
                filter, run);
    }

    /** The same with the {@code --config} arguments of the target's {@link CargoEnvironment}. */
    static List<String> command(TargetSpec target, Path targetDir, CargoOptions cargo, List<String> configArgs,
            String filter, boolean run) {
        List<String> config = new ArrayList<>(configArgs);
        if (run && target.runsInBuiltInWasi()) {
            // a TOML array, so that a class path with spaces stays one argument
            config.add("--config");
            config.add(CargoRustflags.targetConfig(target.triple().value(), "runner",
                    WasiRuntime.command(cargo.layout().wasiCache())));
        }
        List<String> command = new ArrayList<>(CargoBuilder.command("test", List.of(target), targetDir, cargo,
                config));
        command.add("--no-fail-fast");
        if (!run) {
            command.add("--no-run");
            return command;
        }
        if (filter != null || !target.testArgs().isEmpty()) {
            command.add("--");
            if (filter != null) {
                command.add(filter);
            }
            command.addAll(target.testArgs());
        }
        return command;
    }

    public List<TargetTestResult> testAll(List<TargetSpec> targets, TestOptions options,
            List<NativeBuildSpec> nativeBuilds) throws CrossbuildException {
        if (options.requireRun()) {
            List<String> cannot = targets.stream().filter(t -> Runnability.whyNot(t, options.host()).isPresent())
                    .map(t -> "target `" + t.id() + "`: " + Runnability.whyNot(t, options.host()).get()).toList();
            if (!cannot.isEmpty()) {
                throw new ProjectException("-Dcrossbuild.test.requireRun=true, but these targets cannot run their tests"
                        + " here:\n  - " + String.join("\n  - ", cannot) + "\ninstall what is named (the plugin then chooses"
                        + " qemu-user or wine itself), set a <runner> on the target, or run on a machine of its"
                        + " architecture");
            }
        }
        List<TargetTestResult> results = new ArrayList<>();
        List<CargoGroup> groups = CargoGroup.plan(targets, nativeBuilds, options.cargo().layout(),
                options.cargo().group());
        try {
            for (TargetSpec target : targets) {
                results.add(test(target, CargoGroup.of(target, groups).targetDir(), options,
                        CargoEnvironment.withNativeOutputs(options.cargo(), target, nativeBuilds, log), nativeBuilds));
            }
        } finally {
            summary(results);
        }
        List<String> failed = results.stream().flatMap(r -> r.failed().stream()).toList();
        if (!failed.isEmpty()) {
            String text = failed.size() + " test" + (failed.size() == 1 ? "" : "s") + " failed:\n  - "
                    + String.join("\n  - ", failed) + "\nreports: " + options.reportsDirectory();
            if (!options.failureIgnore()) {
                throw new ProjectException(text);
            }
            log.warn(text + " (ignored: maven.test.failure.ignore is true)");
        }
        return results;
    }

    private TargetTestResult test(TargetSpec target, Path targetDir, TestOptions options, CargoOptions cargo,
            List<NativeBuildSpec> nativeBuilds) throws CrossbuildException {
        String prefix = "[" + target.id() + "] ";
        String who = "target `" + target.id() + "` (" + target.triple() + ")";
        Optional<String> cannotRun = Runnability.whyNot(target, options.host());
        CargoEnvironment environment = CargoEnvironment.of(environments, target, cargo);
        java.util.Map<String, String> env = new java.util.TreeMap<>(environment.env());
        WinePath.forTests(target, env).ifPresent(path -> env.put("WINEPATH", path));
        if (WinePath.runsUnderWine(target)) {
            WineStart.debugChannels(env.get("WINEDEBUG")).ifPresent(value -> env.put("WINEDEBUG", value));
        }
        Path crateDir = cargo.manifest().toAbsolutePath().getParent();
        Path workspaceRoot = CargoLock.workspaceRoot(crateDir);
        ProcessSpec spec = new ProcessSpec(command(target, targetDir, cargo, environment.configArgs(), options.filter(),
                cannotRun.isEmpty()),
                crateDir, env, null, cargo.timeout());
        log.info(prefix + spec.commandLine());
        LibtestOutput output = new LibtestOutput();
        List<String> wineLines = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ProcessResult result;
        String hung = null;
        try {
            result = runner.run(spec, line -> {
                output.stdout(line);
                var json = CargoMessages.parse(line);
                if (json.isEmpty()) {
                    log.info(prefix + line);
                } else if ("compiler-message".equals(CargoMessages.reason(json.get()))) {
                    CargoMessages.diagnostic(json.get(), workspaceRoot).filter(d -> d.level().startsWith("error"))
                            .ifPresent(d -> (d.rendered() == null ? d.headline() : d.rendered()).stripTrailing()
                                    .lines().forEach(l -> log.error(prefix + l)));
                }
            }, line -> {
                output.stderr(line);
                if (wineLines.size() < WineStart.KEPT && WineStart.relevant(line)) {
                    wineLines.add(line);
                }
                log.info(prefix + line);
            });
        } catch (ToolNotFoundException missing) {
            throw new ProjectException(who + ": " + missing.getMessage() + "; install Rust from https://rustup.rs",
                    missing);
        } catch (ProcessTimeoutException timedOut) {
            result = null;
            String[] running = output.running();
            hung = who + ": the tests did not finish within " + timedOut.limit() + " (-Dcrossbuild.test.timeout=<minutes>)"
                    + " and were stopped with all their processes"
                    + (running == null ? "" : "; test binary `" + running[0] + "`"
                            + (running[1] == null ? "" : ", last test started: " + running[1]));
        } catch (ProcessInterruptedException interrupted) {
            throw new MachineException(who + ": interrupted while its tests ran; " + interrupted.getMessage(),
                    interrupted);
        }
        List<TestSuite> suites = new ArrayList<>(withHungTest(output.suites(), output.running(), hung));
        if (hung == null && cannotRun.isEmpty()) {
            suites = new ArrayList<>(AbortedBinaries.complete(suites, output.unfinished(),
                    (path, args) -> rerun(target, cargo.layout(), binaryPath(path, crateDir, workspaceRoot), args,
                            env, crateDir, cargo.timeout())));
        }
        if (cannotRun.isEmpty()) {
            suites.addAll(NativeTests.run(runner, log, environment.env(), target, cargo.layout(), nativeBuilds,
                    cargo.timeout()));
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        for (TestSuite suite : suites) {
            SurefireReports.write(options.reportsDirectory(), target.id(), target.triple().value(), suite);
        }
        List<String> failed = new ArrayList<>();
        suites.forEach(s -> s.cases().stream().filter(c -> c.status() == TestCase.Status.FAILED).forEach(c ->
                failed.add(target.id() + ": " + s.binary() + " " + c.name() + ": " + c.message())));
        String stopped = hung;
        if (stopped != null && failed.stream().noneMatch(f -> f.endsWith(stopped))) {
            failed.add(stopped);
        }
        if (result != null && !result.succeeded() && failed.isEmpty()) {
            Path script = ReproductionScript.write(cargo.layout().testScript(target.id()), spec,
                    environment.added(), target.env().keySet());
            String error = output.compilerMessages().stream().map(m -> CargoMessages.diagnostic(m, workspaceRoot))
                    .flatMap(Optional::stream).filter(d -> d.level().startsWith("error")).map(d -> d.headline())
                    .findFirst().or(() -> WineStart.explain(List.copyOf(wineLines)))
                    .orElse("cargo test exited with code " + result.exitCode());
            throw new ProjectException(who + ": cargo test failed: " + error + "\nreproduce it with: sh " + script);
        }
        long notRun = suites.stream().mapToLong(x -> x.count(TestCase.Status.NOT_RUN)).sum();
        String note = cannotRun.map(reason -> "built, not run (" + reason + ")")
                .orElse(target.triple().equals(options.host()) ? "" : "doctests not run (non-host target)");
        if (notRun > 0) {
            note = (note.isEmpty() ? "" : note + "; ") + notRun + " not run (the test binary aborted)";
        }
        return new TargetTestResult(target.id(), target.runnerCommand().orElse(cannotRun.isPresent() ? "-" : "native"),
                cannotRun.isEmpty(), suites, note, failed, millis);
    }

    /** Runs one test binary as cargo did (through the target's runner), for {@link AbortedBinaries}. */
    private AbortedBinaries.Output rerun(TargetSpec target, WorkLayout layout, Path binary, List<String> args, java.util.Map<String,
            String> env, Path directory, Duration timeout) throws CrossbuildException {
        List<String> command = new ArrayList<>();
        Optional<String> runnerCommand = target.runnerCommand();
        if (runnerCommand.filter(Runners::isBuiltInWasi).isPresent()) {
            command.addAll(WasiRuntime.command(layout.wasiCache()));
        } else {
            runnerCommand.flatMap(ToolCommand::parse).ifPresent(r -> command.addAll(r.words()));
        }
        command.add(binary.toString());
        command.addAll(args);
        StringBuilder text = new StringBuilder();
        java.util.function.Consumer<String> collect = line -> {
            synchronized (text) {
                if (text.length() < 64 * 1024) {
                    text.append(line).append('\n');
                }
            }
        };
        try {
            ProcessResult result = runner.run(new ProcessSpec(command, directory, env, null, timeout), collect,
                    collect);
            return new AbortedBinaries.Output(text.toString(), result.succeeded());
        } catch (ProcessTimeoutException timedOut) {
            return new AbortedBinaries.Output(text + "(stopped after " + timedOut.limit() + ")", false);
        } catch (ToolNotFoundException | ProcessInterruptedException e) {
            throw new MachineException("target `" + target.id() + "`: could not run " + binary + " again: "
                    + e.getMessage(), e);
        }
    }

    /** A binary's path as cargo printed it: relative to the crate's directory, or to the workspace root. */
    private static Path binaryPath(String printed, Path crateDir, Path workspaceRoot) {
        Path path = Path.of(printed);
        if (path.isAbsolute()) {
            return path;
        }
        Path inCrate = crateDir.resolve(path);
        return java.nio.file.Files.exists(inCrate) ? inCrate : workspaceRoot.resolve(path);
    }

    /** A test that was running when the binary was stopped counts as failed, with that as its message. */
    private static List<TestSuite> withHungTest(List<TestSuite> suites, String[] running, String hung) {
        if (hung == null || running == null || running[1] == null) {
            return suites;
        }
        List<TestSuite> result = new ArrayList<>();
        for (TestSuite suite : suites) {
            if (suite.binary().equals(running[0]) && !suite.finished()) {
                List<TestCase> cases = new ArrayList<>(suite.cases());
                cases.add(new TestCase(running[1], TestCase.Status.FAILED, 0, hung, hung));
                result.add(new TestSuite(suite.binary(), suite.description(), cases, false));
            } else {
                result.add(suite);
            }
        }
        return result;
    }

    private void summary(List<TargetTestResult> results) {
        TextTable table = new TextTable("target", "runner", "tests", "passed", "failed", "ignored", "time", "note");
        for (TargetTestResult r : results) {
            table.row(r.targetId(), r.runner(), Long.toString(r.tests()), Long.toString(r.count(TestCase.Status.PASSED)),
                    Long.toString(r.count(TestCase.Status.FAILED)), Long.toString(r.count(TestCase.Status.IGNORED)),
                    String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0), r.note().isEmpty() ? "-" : r.note());
        }
        log.info("crossbuild cargo-test summary:");
        table.lines().forEach(log::info);
    }
}
