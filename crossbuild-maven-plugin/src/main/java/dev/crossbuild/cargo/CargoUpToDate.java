package dev.crossbuild.cargo;

import com.google.gson.JsonObject;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.env.CapturingTargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.process.ProcessSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a group's last cargo build still stands, so that a build where nothing changed does not start cargo at
 * all. After a cargo build that succeeded without a single diagnostic, {@code cargo-up-to-date.json} beside the
 * group's target dir keeps a {@link Stamp} of:
 * <ul>
 * <li>a key: the command, its folder and environment (less the names that differ between identical builds), and
 * the toolchain's stamp (the resolved cargo, rustc and rustup, rustup's settings and toolchains), and the ids of
 * the group's targets;</li>
 * <li>as the files it watches, the size and modification time of every file cargo's dep-info lists for the artifacts (the sources of the
 * workspace's and path packages' crates, build scripts included, what build scripts declared with
 * {@code rerun-if-changed} and generated; registry crates are pinned by Cargo.lock); of the artifacts and their dep-info; of every package's Cargo.toml, the workspace's
 * Cargo.toml and Cargo.lock; of cargo's config and rustup's {@code rust-toolchain} files up the tree (missing ones
 * too: creating one is a change); and, per package of the workspace, of {@code build.rs}, {@code src/} and
 * {@code src/bin/} (a file added there can be a new target);</li>
 * <li>the same of the members' records, which must still be the ones that build wrote.</li>
 * </ul>
 * A build it cannot follow gets no stamp and cargo decides every time: an artifact without dep-info, a relative
 * path in it, a build script of the workspace that declares no {@code rerun-if-changed} (cargo runs it again when
 * any file of its package changes), cargo arguments that build more than is packaged ({@code --examples},
 * {@code --tests}, {@code --all-targets} …), or an input changed while cargo ran.
 */
final class CargoUpToDate {

    static final int FORMAT = 2;
    /** An input this close to the start of the build (or later) may have changed after cargo read it. */
    static final long SETTLE_MILLIS = 2_000;
    /** cargo arguments that build targets whose files no record follows. */
    private static final List<String> UNFOLLOWED_ARGS = List.of("--example", "--examples", "--test", "--tests",
            "--bench", "--benches", "--all-targets", "--build-plan", "--unit-graph", "-Z");

    /** What cargo's JSON messages said of a build besides its artifacts (collected by {@link #observe}). */
    static final class Observed {
        private final Set<Path> manifests = new LinkedHashSet<>();
        private final List<String> unfollowed = new ArrayList<>();
        private int diagnostics;

        /** Takes one stdout line of cargo's; anything it cannot read makes the build unfollowed. */
        void observe(String line) {
            if (line.startsWith("{\"reason\":\"compiler-message\"")) {
                diagnostics++;
                return;
            }
            boolean artifact = line.startsWith("{\"reason\":\"compiler-artifact\"");
            boolean script = line.startsWith("{\"reason\":\"build-script-executed\"");
            if (!artifact && !script) {
                return;
            }
            Optional<JsonObject> message = CargoMessages.parse(line);
            if (message.isEmpty()) {
                unfollowed.add("a message of cargo's could not be read");
                return;
            }
            JsonObject json = message.get();
            if (artifact) {
                String manifest = CargoMessages.string(json, "manifest_path");
                if (manifest == null) {
                    unfollowed.add("a compiler-artifact message names no manifest");
                } else {
                    manifests.add(Path.of(manifest));
                }
                return;
            }
            String packageId = CargoMessages.string(json, "package_id");
            String outDir = CargoMessages.string(json, "out_dir");
            if (packageId == null || !packageId.contains("path+file://")) {
                return; // a registry or git package: its sources do not change under the same version
            }
            if (outDir == null) {
                unfollowed.add("the build script of " + packageId + " has no out_dir");
                return;
            }
            Path output = Path.of(outDir).resolveSibling("output");
            try {
                String said = Files.readString(output, StandardCharsets.UTF_8);
                if (!said.contains("rerun-if-changed")) {
                    unfollowed.add("the build script of " + packageId + " declares no rerun-if-changed, so cargo"
                            + " runs it again when any file of its package changes");
                }
            } catch (IOException | RuntimeException unreadable) {
                unfollowed.add("the output of the build script of " + packageId + " cannot be read");
            }
        }

        int diagnostics() {
            return diagnostics;
        }
    }

    private CargoUpToDate() {
    }

    /** Where the group's stamp is kept: beside its target dir, so a clean removes both. */
    static Path file(CargoGroup group) {
        return group.targetDir().resolveSibling("cargo-up-to-date.json");
    }

    /** Whether the check applies to a build with these cargo arguments: not when they build unpackaged targets. */
    static boolean follows(List<String> cargoArgs) {
        return cargoArgs.stream().noneMatch(arg -> UNFOLLOWED_ARGS.stream().anyMatch(u -> arg.equals(u)
                || arg.startsWith(u + "=") || u.equals("-Z") && arg.startsWith("-Z")));
    }

    /** What the build depends on besides files: the command line, its folder and environment, the toolchain. */
    static String key(ProcessSpec spec, String toolchainStamp) {
        return new Fingerprint().add("cargo-up-to-date-v" + FORMAT).add("records-v" + CargoBuildRecord.FORMAT)
                .add(spec.command()).add(spec.directory() == null ? null : spec.directory().toString())
                .add(spec.environment(), CapturingTargetEnvironments.VOLATILE).add(toolchainStamp).hex();
    }

    /** The members' records of the last build when nothing it depends on changed, or empty when cargo must run. */
    static Optional<List<CargoBuildRecord>> current(Path stampFile, String key, WorkLayout layout,
            List<TargetSpec> members) {
        if (Stamp.read(stampFile).filter(stamp -> stamp.holds(membersKey(key, ids(members)))).isEmpty()) {
            return Optional.empty();
        }
        List<CargoBuildRecord> records = new ArrayList<>();
        for (TargetSpec member : members) {
            try {
                Optional<CargoBuildRecord> kept = CargoBuildRecord.read(layout, member.id());
                if (kept.isEmpty() || !kept.get().succeeded() || !member.id().equals(kept.get().id())) {
                    return Optional.empty();
                }
                records.add(kept.get());
            } catch (MachineException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.of(records);
    }

    /**
     * Writes the stamp of a build that succeeded, or writes none when the build cannot be followed or an input
     * changed while cargo ran.
     *
     * @param startedMillis when cargo started, on the file system's clock
     * @param settleMillis  an input changed this long before the start, or later, may have changed after cargo
     *                      read it ({@link #SETTLE_MILLIS})
     * @param workspace     the folder of the workspace's Cargo.lock (or the crate's)
     * @return why no stamp was written, or empty when it was
     */
    static Optional<String> write(Path stampFile, String key, long startedMillis, long settleMillis,
            Observed observed, Path workspace,
            Path crateDir, Path targetDir, Map<String, String> env, WorkLayout layout, List<CargoBuildRecord> records)
            throws MachineException {
        if (observed.diagnostics > 0) {
            return Optional.of("cargo printed " + observed.diagnostics + " diagnostic(s), shown again by each build");
        }
        if (!observed.unfollowed.isEmpty()) {
            return Optional.of(observed.unfollowed.get(0));
        }
        Set<Path> inputs = new LinkedHashSet<>();
        Set<Path> outputs = new LinkedHashSet<>();
        for (CargoBuildRecord record : records) {
            if (record.artifacts().isEmpty()) {
                return Optional.of("target `" + record.id() + "` produced no artifact to follow");
            }
            for (CargoArtifact artifact : record.artifacts()) {
                Path path = Path.of(artifact.path());
                Optional<Path> depInfo = DepInfo.beside(path);
                if (depInfo.isEmpty()) {
                    return Optional.of("no dep-info file beside " + path);
                }
                Optional<List<Path>> listed = DepInfo.dependencies(depInfo.get());
                if (listed.isEmpty()) {
                    return Optional.of(depInfo.get() + " cannot be followed (unreadable, or relative paths)");
                }
                inputs.addAll(listed.get());
                outputs.add(path);
                outputs.add(depInfo.get());
            }
            outputs.add(layout.cargoRecord(record.id()));
        }
        inputs.add(workspace.resolve("Cargo.toml"));
        inputs.add(workspace.resolve("Cargo.lock"));
        for (Path manifest : observed.manifests) {
            inputs.add(manifest);
            Path dir = manifest.getParent();
            if (dir != null) {
                inputs.addAll(targetFolders(dir));
            }
        }
        inputs.addAll(configFiles(crateDir, env));
        List<String> watched = new ArrayList<>();
        Path built = targetDir.toAbsolutePath().normalize();
        for (Path input : inputs) {
            String stamp = Stamp.watch(input);
            // what build scripts generate in the target dir is new by nature: it counts, but as an output
            if (!input.toAbsolutePath().normalize().startsWith(built)
                    && Stamp.modifiedOf(stamp) >= startedMillis - settleMillis) {
                return Optional.of(input + " changed while cargo ran, or just before");
            }
            watched.add(stamp);
        }
        for (Path output : outputs) {
            watched.add(Stamp.watch(output));
        }
        Stamp.watching(membersKey(key, records.stream().map(CargoBuildRecord::id).toList()), Map.of(), watched)
                .write(stampFile);
        return Optional.empty();
    }

    /** The key with the ids of the group's targets, whose records are among the files watched. */
    private static String membersKey(String key, List<String> ids) {
        return key + " " + String.join(",", ids);
    }

    /** Where cargo discovers a package's targets: a build script appearing, a file added to src/ or src/bin/. */
    static List<Path> targetFolders(Path packageDir) {
        List<Path> folders = new ArrayList<>(List.of(packageDir.resolve("build.rs"), packageDir.resolve("src"),
                packageDir.resolve("src").resolve("bin")));
        try (var entries = Files.list(packageDir.resolve("src").resolve("bin"))) {
            entries.filter(Files::isDirectory).sorted().forEach(folders::add);
        } catch (IOException | RuntimeException none) {
            // no src/bin: kept as missing above
        }
        return folders;
    }

    private static List<String> ids(List<TargetSpec> members) {
        List<String> ids = new ArrayList<>();
        for (TargetSpec member : members) {
            ids.add(member.id());
        }
        return ids;
    }

    /** Forgets the stamp before cargo runs, so an interrupted or failed build never leaves one. */
    static void forget(Path stampFile) {
        FileTrees.deleteQuietly(stampFile);
    }

    /**
     * The files that change what cargo and rustup do without being sources: {@code .cargo/config[.toml]} and
     * {@code rust-toolchain[.toml]} in the crate's folder and every folder above it, and cargo's home config;
     * the ones that do not exist are kept as missing, so that creating one counts as a change.
     */
    static List<Path> configFiles(Path crateDir, Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        for (Path dir = crateDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            files.add(dir.resolve(".cargo").resolve("config"));
            files.add(dir.resolve(".cargo").resolve("config.toml"));
            files.add(dir.resolve("rust-toolchain"));
            files.add(dir.resolve("rust-toolchain.toml"));
        }
        String cargoHome = env.get("CARGO_HOME");
        Path home = cargoHome != null && !cargoHome.isBlank() ? Path.of(cargoHome)
                : Path.of(System.getProperty("user.home"), ".cargo");
        files.add(home.resolve("config"));
        files.add(home.resolve("config.toml"));
        return files;
    }
}
