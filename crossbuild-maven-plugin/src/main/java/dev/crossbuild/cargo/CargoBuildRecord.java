package dev.crossbuild.cargo;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one target's cargo build, kept in {@code target/crossbuild/targets/<id>/cargo-build.json} so
 * that later goals (packaging) use exactly the files cargo reported. It says what it was built for (format,
 * triple, profile, features): {@link #staleFor} tells a reader whether it still applies.
 */
public record CargoBuildRecord(int format, String id, String triple, CargoSelection selection, String result,
        long durationMillis, List<CargoArtifact> artifacts, String error) {

    public static final int FORMAT = 2;

    public static CargoBuildRecord of(TargetSpec target, CargoSelection selection, String result, long millis,
            List<CargoArtifact> artifacts, String error) {
        return new CargoBuildRecord(FORMAT, target.id(), target.triple().value(), selection, result, millis,
                List.copyOf(artifacts), error);
    }

    public boolean succeeded() {
        return "SUCCESS".equals(result);
    }

    /** Why this record does not describe a build of the target with the selection, or empty when it does. */
    public Optional<String> staleFor(TargetSpec target, CargoSelection wanted) {
        if (format != FORMAT) {
            return Optional.of("it was written by another version of the plugin (format " + format + ")");
        }
        if (!target.triple().value().equals(triple)) {
            return Optional.of("it was built for " + triple + ", but the target is now " + target.triple());
        }
        if (!wanted.sameAs(selection)) {
            return Optional.of("it was built with " + (selection == null ? "unknown settings" : selection.describe())
                    + ", but this build packages " + wanted.describe());
        }
        return Optional.empty();
    }

    public void write(WorkLayout layout) throws MachineException {
        Json.write(layout.cargoRecord(id), this);
    }

    /** Forgets a previous build's record, so a failed or interrupted build never leaves a stale one. */
    public static void delete(WorkLayout layout, String targetId) throws MachineException {
        Path file = layout.cargoRecord(targetId);
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            throw new MachineException("could not delete " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<CargoBuildRecord> read(WorkLayout layout, String targetId) throws MachineException {
        Path file = layout.cargoRecord(targetId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.read(file, CargoBuildRecord.class));
        } catch (MachineException unreadable) {
            return Optional.of(new CargoBuildRecord(0, targetId, null, null, "UNREADABLE", 0, List.of(),
                    unreadable.getMessage()));
        }
    }
}
