package dev.crossbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's one up-to-date mechanism for what a goal writes (an archive, a native JAR, the JAR of every platform,
 * the image, the JNI check's verdict): a key of the goal's inputs (a {@link Fingerprint} of everything the output's
 * bytes follow from), the output as written ({@code path:size:mtime}), and the SHA-256 of the output and of each
 * file that went into it. The goal compares once, before any work: while the key and the output are unchanged it
 * leaves the output alone and takes the checksums from here instead of reading every byte again. Otherwise it
 * {@linkplain #forget forgets} the stamp first and writes the stamp atomically last, so a failure in between leaves
 * no stamp that vouches for a half-written output.
 *
 * @param inputs  the key of the inputs
 * @param output  the output's {@link #describe description} when it was written, or null for a verdict with no file
 * @param sha256  the output's SHA-256, or null
 * @param files   the SHA-256 of each file that went into it, by its name there
 */
public record Stamp(String inputs, String output, String sha256, Map<String, String> files) {

    public Stamp {
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** A verdict with no output file: the key alone (the JNI check passed for these classes and libraries). */
    public static Stamp of(String inputs) {
        return new Stamp(inputs, null, null, Map.of());
    }

    /**
     * The stamp, when it describes this output written from these inputs.
     *
     * @param output the output file, or null for a verdict with none
     */
    public static Optional<Stamp> current(Path stamp, Path output, String inputs) throws IOException {
        Optional<Stamp> known = read(stamp);
        if (known.isEmpty() || !inputs.equals(known.get().inputs())) {
            return Optional.empty();
        }
        if (output == null) {
            return known;
        }
        return Files.isRegularFile(output) && describe(output).equals(known.get().output())
                && known.get().sha256() != null ? known : Optional.empty();
    }

    /** The stamp as written, whatever became of its output since; empty when there is none or it is unreadable. */
    public static Optional<Stamp> read(Path stamp) {
        if (!Files.isRegularFile(stamp)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.read(stamp, Stamp.class)).filter(s -> s.inputs() != null);
        } catch (MachineException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** {@code path:size:mtime}: what tells a file changed without reading it. */
    public static String describe(Path file) throws IOException {
        return file.toAbsolutePath() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
    }

    /** Removes the stamp before the output is written again. */
    public static void forget(Path stamp) throws MachineException {
        try {
            Files.deleteIfExists(stamp);
        } catch (IOException e) {
            throw new MachineException("could not delete " + stamp + ": " + e.getMessage(), e);
        }
    }

    /** Writes the stamp atomically, after the output. */
    public void write(Path stamp) throws MachineException {
        Json.write(stamp, this);
    }
}
