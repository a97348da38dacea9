package dev.crossbuild.cargo;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one target's cargo build, kept in {@code target/crossbuild/<id>/cargo-build.json}
 * so that later goals (packaging) use exactly the files cargo reported.
 */
public record CargoBuildRecord(String id, String triple, String result, long durationMillis,
        List<CargoArtifact> artifacts, String error) {

    public static final String FILE_NAME = "cargo-build.json";

    public boolean succeeded() {
        return "SUCCESS".equals(result);
    }

    public void write(Path targetWorkDirectory) throws MachineException {
        Json.write(targetWorkDirectory.resolve(FILE_NAME), this);
    }

    /** Forgets a previous build's record, so a failed or interrupted build never leaves a stale one. */
    public static void delete(Path targetWorkDirectory) throws MachineException {
        try {
            Files.deleteIfExists(targetWorkDirectory.resolve(FILE_NAME));
        } catch (java.io.IOException e) {
            throw new MachineException("could not delete " + targetWorkDirectory.resolve(FILE_NAME) + ": "
                    + e.getMessage(), e);
        }
    }

    public static Optional<CargoBuildRecord> read(Path targetWorkDirectory) throws MachineException {
        Path file = targetWorkDirectory.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(Json.read(file, CargoBuildRecord.class)) : Optional.empty();
    }
}
