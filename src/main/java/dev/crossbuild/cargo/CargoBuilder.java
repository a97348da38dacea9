package dev.crossbuild.cargo;

import com.google.gson.JsonObject;
import dev.crossbuild.cargo.CargoMessages.Diagnostic;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.ProcessInterruptedException;
import dev.crossbuild.process.ProcessTimeoutException;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ReproductionScript;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.toolchain.RustCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Runs {@code cargo build} for one target and records what it produced. */
public final class CargoBuilder {

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;

    public CargoBuilder(ProcessRunner runner, TargetEnvironments environments, BuildLog log) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
    }

    /** The cargo command line for a target; {@code --message-format=json} so diagnostics arrive parsed. */
    public static List<String> command(TargetSpec target, CargoOptions options) {
        return command("build", target, options);
    }

    /**
     * {@code cargo [+toolchain] <subcommand> --target … --manifest-path … --profile … --message-format=json
     * --target-dir …} and the feature, lock and offline flags: the same for every cargo command of a target, so
     * {@code cargo test} reuses what {@code cargo build} compiled.
     */
    public static List<String> command(String subcommand, TargetSpec target, CargoOptions options) {
        List<String> args = new ArrayList<>(List.of(subcommand, "--target", target.triple().value(),
                "--manifest-path", options.manifest().toString(), "--profile", options.profile(),
                "--message-format=json", "--target-dir", options.layout().cargoTargetDir(target.id()).toString()));
        if (options.offline()) {
            args.add("--offline");
        }
        if (options.locked()) {
            args.add("--locked");
        }
        CargoSelection selection = options.selection();
        if (!selection.features().isEmpty()) {
            args.add("--features");
            args.add(String.join(",", selection.features()));
        }
        if (selection.allFeatures()) {
            args.add("--all-features");
        }
        if (selection.noDefaultFeatures()) {
            args.add("--no-default-features");
        }
        args.addAll(options.extraArgs());
        return RustCommands.cargo(target, args);
    }

    /**
     * Builds the targets in order, stopping at the first failure, and ends with a summary table
     * (target, triple, result, time, artifacts) whether or not every target was built. Each target's
     * native build outputs reach cargo as {@code CROSSBUILD_NATIVE_<ID>_DIR}, once checked to be current.
     *
     * @param nativeBuilds the configured native builds, whose recorded outputs each target's cargo needs
     */
    public List<CargoBuildRecord> buildAll(List<TargetSpec> targets, CargoOptions options,
            List<NativeBuildSpec> nativeBuilds) throws CrossbuildException {
        Map<String, String> results = new LinkedHashMap<>();
        List<CargoBuildRecord> records = new ArrayList<>();
        CacheStats cache = new CacheStats(runner, options.cache(), log);
        try {
            for (TargetSpec target : targets) {
                results.put(target.id(), "FAILED");
                cache.before(environments.baseEnvironment(target), options.layout().buildDirectory());
                CargoBuildRecord record = build(target, CargoEnvironment.withNativeOutputs(options, target,
                        nativeBuilds, log));
                records.add(record);
                results.put(target.id(), record.result() + cache.after(target.id()));
            }
        } finally {
            summary(targets, results, records);
        }
        return records;
    }

    private void summary(List<TargetSpec> targets, Map<String, String> results, List<CargoBuildRecord> records) {
        TextTable table = new TextTable("target", "triple", "result", "time", "artifacts");
        for (TargetSpec target : targets) {
            var record = records.stream().filter(r -> r.id().equals(target.id())).findFirst();
            String artifacts = record.map(r -> String.join(", ", r.artifacts().stream()
                    .map(a -> Path.of(a.path()).getFileName().toString()).distinct().toList())).orElse("");
            table.row(target.id(), target.triple().value(), results.getOrDefault(target.id(), "NOT BUILT"),
                    record.map(r -> String.format(Locale.ROOT, "%.1f s", r.durationMillis() / 1000.0)).orElse("-"),
                    artifacts.isEmpty() ? "-" : artifacts);
        }
        log.info("crossbuild cargo-build summary:");
        table.lines().forEach(log::info);
    }

    public CargoBuildRecord build(TargetSpec target, CargoOptions options) throws CrossbuildException {
        String prefix = "[" + target.id() + "] ";
        CargoEnvironment environment = CargoEnvironment.of(environments, target, options);
        Map<String, String> env = environment.env();
        Map<String, String> added = environment.added();
        Path crateDir = options.manifest().toAbsolutePath().getParent();
        ProcessSpec spec = new ProcessSpec(command(target, options), crateDir, env, null,
                options.timeout() == null ? ProcessSpec.DEFAULT_TIMEOUT : options.timeout());
        log.info(prefix + spec.commandLine());

        CargoBuildRecord.delete(options.layout(), target.id());
        List<CargoArtifact> artifacts = new ArrayList<>();
        AtomicReference<Diagnostic> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        ProcessResult result;
        String who = "target `" + target.id() + "` (" + target.triple() + ")";
        try {
            result = runner.run(spec, line -> onStdout(line, prefix, crateDir, options, artifacts, firstError),
                    line -> log.info(prefix + line));
        } catch (ToolNotFoundException missing) {
            throw new ProjectException("target `" + target.id() + "`: " + missing.getMessage()
                    + "; install Rust from https://rustup.rs (or put cargo on PATH)", missing);
        } catch (ProcessTimeoutException timedOut) {
            throw new MachineException(who + ": cargo build did not finish within " + timedOut.limit()
                    + " and was stopped with all its child processes; raise the limit with -D"
                    + "crossbuild.timeout=<minutes> if the build needs longer" + withoutJson(timedOut.tail()),
                    timedOut);
        } catch (ProcessInterruptedException interrupted) {
            throw new MachineException(who + ": interrupted while cargo build ran; " + interrupted.getMessage(),
                    interrupted);
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (result.succeeded()) {
            CargoBuildRecord done = CargoBuildRecord.of(target, options.selection(), "SUCCESS", millis, artifacts,
                    null);
            done.write(options.layout());
            return done;
        }
        Path script = ReproductionScript.write(options.layout().cargoScript(target.id()), spec, added,
                target.env().keySet());
        String error = firstError.get() != null ? firstError.get().headline()
                : result.tail().stream().filter(l -> l.contains("error")).findFirst()
                        .orElse("cargo exited with code " + result.exitCode());
        CargoBuildRecord failed = CargoBuildRecord.of(target, options.selection(), "FAILED", millis, artifacts, error);
        failed.write(options.layout());
        throw new ProjectException("target `" + target.id() + "` (" + target.triple() + "): cargo build failed: "
                + error + "\nreproduce it with: sh " + script + "\n" + describeWithoutJson(result));
    }

    private void onStdout(String line, String prefix, Path crateDir, CargoOptions options,
            List<CargoArtifact> artifacts, AtomicReference<Diagnostic> firstError) {
        var parsed = CargoMessages.parse(line);
        if (parsed.isEmpty()) {
            log.info(prefix + line);
            return;
        }
        JsonObject message = parsed.get();
        String reason = CargoMessages.reason(message);
        if ("compiler-artifact".equals(reason)) {
            artifacts.addAll(CargoMessages.artifacts(message));
        } else if ("compiler-message".equals(reason)) {
            CargoMessages.diagnostic(message, workspaceRoot(crateDir)).ifPresent(d -> report(d, prefix, options,
                    firstError));
        }
    }

    private void report(Diagnostic diagnostic, String prefix, CargoOptions options,
            AtomicReference<Diagnostic> firstError) {
        boolean error = diagnostic.level().startsWith("error");
        if (error) {
            firstError.compareAndSet(null, diagnostic);
        }
        String rendered = diagnostic.rendered() == null ? diagnostic.headline() : diagnostic.rendered();
        for (String line : rendered.stripTrailing().split("\n")) {
            if (error) {
                log.error(prefix + line);
            } else if (diagnostic.level().startsWith("warning")) {
                log.warn(prefix + line);
            } else {
                log.info(prefix + line);
            }
        }
        if (options.githubAnnotations() && (error || diagnostic.level().startsWith("warning"))) {
            GithubAnnotations.emit(GithubAnnotations.format(diagnostic, prefix.trim()));
        }
    }

    private static Path workspaceRoot(Path crateDir) {
        // cargo reports span file names relative to the workspace root, which may sit above the crate
        for (Path dir = crateDir; dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isRegularFile(dir.resolve("Cargo.lock"))) {
                return dir;
            }
        }
        return crateDir;
    }

    private static String describeWithoutJson(ProcessResult result) {
        return new ProcessResult(result.spec(), result.exitCode(), jsonless(result.tail()), result.duration())
                .describe();
    }

    /** cargo's JSON messages are for the plugin; a person reads the rendered diagnostics instead. */
    private static List<String> jsonless(List<String> lines) {
        return lines.stream().filter(l -> !l.stripLeading().startsWith("{\"")).toList();
    }

    private static String withoutJson(List<String> tail) {
        List<String> lines = jsonless(tail);
        return lines.isEmpty() ? "" : "; last output lines:\n  " + String.join("\n  ", lines);
    }
}
