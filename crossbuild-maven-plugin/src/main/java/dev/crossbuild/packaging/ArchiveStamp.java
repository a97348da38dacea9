package dev.crossbuild.packaging;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What an archive was written from, kept beside the target's records: the fingerprint of its inputs (format,
 * folder, time, and each file's name, mode, size and modification time), the archive as written, and the
 * SHA-256 of the archive and of each packaged file. While the inputs and the archive are unchanged, packaging
 * leaves the archive alone and takes the checksums from here instead of reading every byte again.
 *
 * @param archive the archive's path, size and modification time when it was written
 * @param files   the SHA-256 of each packaged file, by its name in the archive
 */
public record ArchiveStamp(String inputs, String archive, String sha256, Map<String, String> files) {

    /** The stamp, when it describes this archive written from these inputs. */
    public static Optional<ArchiveStamp> current(Path stamp, Path archive, String inputs) throws IOException {
        if (!Files.isRegularFile(archive) || !Files.isRegularFile(stamp)) {
            return Optional.empty();
        }
        ArchiveStamp known;
        try {
            known = Json.read(stamp, ArchiveStamp.class);
        } catch (MachineException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return known != null && inputs.equals(known.inputs()) && describe(archive).equals(known.archive())
                && known.sha256() != null && known.files() != null ? Optional.of(known) : Optional.empty();
    }

    /** {@code path:size:mtime}: what tells a file changed without reading it. */
    public static String describe(Path file) throws IOException {
        return file.toAbsolutePath() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
    }

    public void write(Path stamp) throws MachineException {
        Json.write(stamp, this);
    }
}
