package dev.crossbuild.cargo;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ReproductionScript;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.toolchain.CargoLock;
import dev.crossbuild.toolchain.RustCommands;
import dev.crossbuild.toolchain.ToolchainProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs {@code cargo build} for the targets, one invocation per {@link CargoGroup}, and records per target what
 * it produced.
 */
public final class CargoBuilder {

    private final TargetEnvironments environments;
    private final BuildLog log;
    private final ProcessRunner runner;
    private final CargoInvocation cargo;
    private final boolean force;
    private long settleMillis = CargoUpToDate.SETTLE_MILLIS;

    public CargoBuilder(ProcessRunner runner, TargetEnvironments environments, BuildLog log) {
        this(runner, environments, log, false);
    }

    /** @param force run cargo even when the group's last build still stands ({@link CargoUpToDate}) */
    public CargoBuilder(ProcessRunner runner, TargetEnvironments environments, BuildLog log, boolean force) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
        this.force = force;
        this.cargo = new CargoInvocation(runner, environments, log);
    }

    /** For tests, which edit files milliseconds before a build: how old an input must be to be stamped. */
    CargoBuilder settleMillis(long millis) {
        this.settleMillis = millis;
        return this;
    }

    /**
     * {@code cargo [+toolchain] <subcommand> --target … [--target …] --manifest-path … --profile …
     * --message-format=json --target-dir …} and the feature, lock and offline flags: the same for every cargo
     * command of a target, so {@code cargo test} reuses what {@code cargo build} compiled.
     *
     * @param targets   the targets of one invocation, sharing a toolchain
     * @param targetDir cargo's target dir ({@link CargoGroup#targetDir()})
     */
    public static List<String> command(String subcommand, List<TargetSpec> targets, Path targetDir,
            CargoOptions options, List<String> configArgs) {
        List<String> args = new ArrayList<>(List.of(subcommand));
        for (TargetSpec target : targets) {
            args.add("--target");
            args.add(target.triple().value());
        }
        args.addAll(List.of("--manifest-path", options.manifest().toString(), "--profile", options.profile(),
                "--message-format=json", "--target-dir", targetDir.toString()));
        if (options.offline()) {
            args.add("--offline");
        }
        if (options.locked()) {
            args.add("--locked");
        }
        args.addAll(options.selection().featureArgs());
        args.addAll(BuildStd.cargoArgs(targets));
        args.addAll(configArgs);
        args.addAll(options.extraArgs());
        return RustCommands.cargo(targets.get(0), args);
    }

    /**
     * Builds the targets group by group ({@link CargoGroup#plan}), stopping at the first failure, and ends with a
     * summary table (target, triple, result, time, artifacts) whether or not every target was built. Each
     * target's native build outputs reach cargo as {@code CROSSBUILD_NATIVE_<ID>_DIR}, once checked to be
     * current.
     *
     * @param nativeBuilds the configured native builds, whose recorded outputs each target's cargo needs
     */
    public List<CargoBuildRecord> buildAll(List<TargetSpec> targets, CargoOptions options,
            List<NativeBuildSpec> nativeBuilds) throws CrossbuildException {
        Map<String, String> results = new LinkedHashMap<>();
        List<CargoBuildRecord> records = new ArrayList<>();
        CacheStats cache = new CacheStats(runner, options.cache(), log);
        try {
            for (CargoGroup group : CargoGroup.plan(targets, nativeBuilds, options.layout(), options.group())) {
                group.members().forEach(t -> results.put(t.id(), "FAILED"));
                BiConsumer<CargoBuildRecord, Boolean> done = (record, together) -> {
                    records.add(record);
                    results.put(record.id(), record.result() + (together ? " (one cargo run: " + group.label()
                            + ")" : ""));
                };
                boolean followed = !force && CargoUpToDate.follows(options.extraArgs()) && group.members().stream()
                        .noneMatch(t -> nativeBuilds.stream().anyMatch(b -> b.appliesTo(t)));
                CargoOptions own = group.grouped() ? options
                        : CargoEnvironment.withNativeOutputs(options, group.members().get(0), nativeBuilds, log);
                CargoInvocation.Prepared prepared = cargo.prepare(group, own);
                String key = followed ? CargoUpToDate.key(prepared.spec(), ToolchainProbe.toolchainStamp(
                        group.members().get(0), prepared.spec().environment())) : null;
                Path stampFile = CargoUpToDate.file(group);
                var current = followed ? CargoUpToDate.current(stampFile, key, options.layout(), group.members())
                        : java.util.Optional.<List<CargoBuildRecord>>empty();
                if (current.isPresent()) {
                    log.info("[" + group.label() + "] cargo build is up to date (same command, environment, toolchain"
                            + " and files as the last build), not run (-D" + FORCE_PROPERTY + "=true runs it)");
                    for (CargoBuildRecord record : current.get()) {
                        records.add(record);
                        results.put(record.id(), UP_TO_DATE);
                    }
                    continue;
                }
                CargoUpToDate.forget(stampFile);
                cache.before(environments.baseEnvironment(group.members().get(0)), options.layout().buildDirectory());
                Stamping stamping = followed ? new Stamping(stampFile, key, System.currentTimeMillis(),
                        new CargoUpToDate.Observed(), prepared.spec()) : null;
                if (group.grouped()) {
                    buildTogether(group, options, prepared, stamping, done);
                } else {
                    CargoBuildRecord record = build(group, own, prepared, stamping);
                    done.accept(record, false);
                    stamp(stamping, group, own, List.of(record));
                }
                String stats = cache.after(group.label());
                group.members().forEach(t -> results.computeIfPresent(t.id(), (id, result) -> result + stats));
            }
        } finally {
            summary(targets, results, records);
        }
        return records;
    }

    /**
     * One cargo build for every member; each gets a record with the artifacts cargo wrote to its triple's folder.
     * When that build fails, each member is built alone in the same target dir (what compiled is reused), so the
     * failure names its target exactly as an ungrouped build does; when every member then builds, the build goes
     * on with a warning.
     */
    private void buildTogether(CargoGroup group, CargoOptions options, CargoInvocation.Prepared prepared,
            Stamping stamping, BiConsumer<CargoBuildRecord, Boolean> done) throws CrossbuildException {
        for (TargetSpec member : group.members()) {
            CargoBuildRecord.delete(options.layout(), member.id());
        }
        CargoInvocation.Outcome outcome = cargo.run(group, options, prepared, observer(stamping));
        if (outcome.result().succeeded()) {
            List<CargoBuildRecord> written = new ArrayList<>();
            for (TargetSpec member : group.members()) {
                List<CargoArtifact> own = outcome.artifacts().stream()
                        .filter(a -> group.ownerOf(a.path()) == member).toList();
                CargoBuildRecord record = CargoBuildRecord.of(member, options.selection(), "SUCCESS",
                        outcome.millis(), own, null);
                record.write(options.layout());
                written.add(record);
                done.accept(record, true);
            }
            stamp(stamping, group, options, written);
            return;
        }
        log.warn("[" + group.label() + "] the cargo build of " + group.members().size() + " targets failed ("
                + outcome.error() + "); building each of them alone to name the one that fails");
        for (TargetSpec member : group.members()) {
            done.accept(build(new CargoGroup(List.of(member), group.targetDir()), options), false);
        }
        log.warn("[" + group.label() + "] each target built alone, but not in one cargo run: " + outcome.error()
                + "; -Dcrossbuild.group=false builds them apart from the start\n" + outcome.describe());
    }

    private static final String UP_TO_DATE = "UP TO DATE";

    /** The property that runs cargo although the last build still stands. */
    public static final String FORCE_PROPERTY = "crossbuild.cargo.force";

    /** What a followed build needs to leave its stamp: where, its key, when cargo started, what it said. */
    private record Stamping(Path file, String key, long startedMillis, CargoUpToDate.Observed observed,
            ProcessSpec spec) {
    }

    private static CargoUpToDate.Observed observer(Stamping stamping) {
        return stamping == null ? new CargoUpToDate.Observed() : stamping.observed();
    }

    /** Leaves the stamp of a build that succeeded, or says in the debug log why the next build runs cargo again. */
    private void stamp(Stamping stamping, CargoGroup group, CargoOptions options, List<CargoBuildRecord> written)
            throws CrossbuildException {
        if (stamping == null) {
            return;
        }
        Path crateDir = stamping.spec().directory();
        java.util.Optional<String> why = CargoUpToDate.write(stamping.file(), stamping.key(),
                stamping.startedMillis(), settleMillis, stamping.observed(), CargoLock.workspaceRoot(crateDir), crateDir, group.targetDir(),
                stamping.spec().environment(), options.layout(), written);
        why.ifPresent(reason -> log.debug("[" + group.label() + "] the next build runs cargo again: " + reason));
    }

    private void summary(List<TargetSpec> targets, Map<String, String> results, List<CargoBuildRecord> records) {
        TextTable table = new TextTable("target", "triple", "result", "time", "artifacts");
        for (TargetSpec target : targets) {
            var record = records.stream().filter(r -> r.id().equals(target.id())).findFirst();
            String artifacts = record.map(r -> String.join(", ", r.artifacts().stream()
                    .map(a -> Path.of(a.path()).getFileName().toString()).distinct().toList())).orElse("");
            table.row(target.id(), target.triple().value(), results.getOrDefault(target.id(), "NOT BUILT"),
                    record.filter(r -> !UP_TO_DATE.equals(results.get(r.id())))
                            .map(r -> String.format(Locale.ROOT, "%.1f s", r.durationMillis() / 1000.0)).orElse("-"),
                    artifacts.isEmpty() ? "-" : artifacts);
        }
        log.info("crossbuild cargo-build summary:");
        table.lines().forEach(log::info);
    }

    /** Builds the one member of {@code alone}; a failure names the target, its first error and a script. */
    private CargoBuildRecord build(CargoGroup alone, CargoOptions options) throws CrossbuildException {
        return build(alone, options, cargo.prepare(alone, options), null);
    }

    private CargoBuildRecord build(CargoGroup alone, CargoOptions options, CargoInvocation.Prepared prepared,
            Stamping stamping) throws CrossbuildException {
        TargetSpec target = alone.members().get(0);
        CargoBuildRecord.delete(options.layout(), target.id());
        CargoInvocation.Outcome outcome = cargo.run(alone, options, prepared, observer(stamping));
        if (outcome.result().succeeded()) {
            CargoBuildRecord done = CargoBuildRecord.of(target, options.selection(), "SUCCESS", outcome.millis(),
                    outcome.artifacts(), null);
            done.write(options.layout());
            return done;
        }
        Path script = ReproductionScript.write(options.layout().cargoScript(target.id()), outcome.spec(),
                outcome.added(), target.env().keySet());
        CargoBuildRecord.of(target, options.selection(), "FAILED", outcome.millis(), outcome.artifacts(),
                outcome.error()).write(options.layout());
        throw new ProjectException("target `" + target.id() + "` (" + target.triple() + "): cargo build failed: "
                + outcome.error() + "\nreproduce it with: sh " + script + "\n" + outcome.describe());
    }
}
