package dev.crossbuild.cargo;

import com.google.gson.JsonObject;
import dev.crossbuild.cargo.CargoMessages.Diagnostic;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.process.ProcessInterruptedException;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ProcessTimeoutException;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.toolchain.CargoLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code cargo build} for the members of a group: its output streamed with the group's prefix, its
 * diagnostics rendered (and as GitHub annotations when asked), the artifacts it reported collected.
 */
final class CargoInvocation {

    /** What one cargo build did; {@code firstError} is null when no error diagnostic arrived. */
    record Outcome(ProcessSpec spec, Map<String, String> added, ProcessResult result, List<CargoArtifact> artifacts,
            Diagnostic firstError, long millis) {

        /** The first error's headline, else the first output line that says error, else the exit code. */
        String error() {
            return firstError != null ? firstError.headline()
                    : result.tail().stream().filter(l -> l.contains("error")).findFirst()
                            .orElse("cargo exited with code " + result.exitCode());
        }

        /** The end of cargo's output for a person: its JSON messages were for the plugin. */
        String describe() {
            return new ProcessResult(result.spec(), result.exitCode(), jsonless(result.tail()), result.duration())
                    .describe();
        }
    }

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;

    CargoInvocation(ProcessRunner runner, TargetEnvironments environments, BuildLog log) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
    }

    /** The command of a group's cargo build and what the plugin added to its environment. */
    record Prepared(ProcessSpec spec, Map<String, String> added) {
    }

    Prepared prepare(CargoGroup group, CargoOptions options) throws CrossbuildException {
        CargoEnvironment environment = CargoEnvironment.of(environments, group.members(), options);
        Path crateDir = options.manifest().toAbsolutePath().getParent();
        return new Prepared(new ProcessSpec(CargoBuilder.command("build", group.members(), group.targetDir(), options,
                environment.configArgs()), crateDir, environment.env(), null,
                options.timeout() == null ? ProcessSpec.DEFAULT_TIMEOUT : options.timeout()), environment.added());
    }

    Outcome run(CargoGroup group, CargoOptions options) throws CrossbuildException {
        return run(group, options, prepare(group, options), new CargoUpToDate.Observed());
    }

    /** Runs the prepared build; {@code observed} sees every line of cargo's JSON. */
    Outcome run(CargoGroup group, CargoOptions options, Prepared prepared, CargoUpToDate.Observed observed)
            throws CrossbuildException {
        String prefix = "[" + group.label() + "] ";
        ProcessSpec spec = prepared.spec();
        Path crateDir = spec.directory();
        log.info(prefix + spec.commandLine());
        List<CargoArtifact> artifacts = new ArrayList<>();
        AtomicReference<Diagnostic> firstError = new AtomicReference<>();
        Path root = CargoLock.workspaceRoot(crateDir);
        long start = System.nanoTime();
        String who = group.grouped() ? "targets " + group.members().stream().map(t -> "`" + t.id() + "`").toList()
                + " (one cargo build)" : "target `" + group.label() + "` (" + group.members().get(0).triple() + ")";
        try {
            ProcessResult result = runner.run(spec, line -> {
                observed.observe(line);
                onStdout(line, prefix, root, options, artifacts, firstError);
            }, line -> log.info(prefix + line));
            return new Outcome(spec, prepared.added(), result, artifacts, firstError.get(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (ToolNotFoundException missing) {
            throw new ProjectException(who + ": " + missing.getMessage()
                    + "; install Rust from https://rustup.rs (or put cargo on PATH)", missing);
        } catch (ProcessTimeoutException timedOut) {
            List<String> tail = jsonless(timedOut.tail());
            throw new MachineException(who + ": cargo build did not finish within " + timedOut.limit()
                    + " and was stopped with all its child processes; raise the limit with -D"
                    + "crossbuild.timeout=<minutes> if the build needs longer"
                    + (tail.isEmpty() ? "" : "; last output lines:\n  " + String.join("\n  ", tail)), timedOut);
        } catch (ProcessInterruptedException interrupted) {
            throw new MachineException(who + ": interrupted while cargo build ran; " + interrupted.getMessage(),
                    interrupted);
        }
    }

    private void onStdout(String line, String prefix, Path workspaceRoot, CargoOptions options,
            List<CargoArtifact> artifacts, AtomicReference<Diagnostic> firstError) {
        if (!CargoMessages.mayMatter(line)) {
            return;
        }
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
            CargoMessages.diagnostic(message, workspaceRoot).ifPresent(d -> report(d, prefix, options, firstError));
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

    /** cargo's JSON messages are for the plugin; a person reads the rendered diagnostics instead. */
    private static List<String> jsonless(List<String> lines) {
        return lines.stream().filter(l -> !l.stripLeading().startsWith("{\"")).toList();
    }
}
