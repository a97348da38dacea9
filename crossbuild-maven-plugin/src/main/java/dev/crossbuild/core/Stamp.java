package dev.crossbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's one up-to-date mechanism, for every goal that can skip work: what a goal writes (an archive, a native
 * JAR, the JAR of every platform, the image), what it concludes (the JNI check's verdict, a native JAR's plan) and
 * what it runs (cargo, a native build). A stamp holds a key of the goal's inputs (a {@link Fingerprint} of everything
 * the result follows from), the output as written ({@code path:size:mtime}) and its SHA-256, what the goal recorded
 * of each part that went into it by name (the SHA-256 of an archive's files, a native build's configure key), and
 * the files it {@linkplain #watch watches} (a change to any, or one appearing or going, makes it stale: the sources
 * cargo read, the libraries a plan chose). The goal compares once, before any work: while the stamp
 * {@linkplain #current holds} it leaves its result alone and takes the recorded values from here instead of
 * reading every byte again. Otherwise it {@linkplain #forget forgets} the stamp first and writes the stamp
 * atomically last, so a failure in between leaves no stamp that vouches for a half-written output.
 *
 * @param inputs  the key of the inputs
 * @param output  the output's {@link #describe description} when it was written, or null for a verdict with no file
 * @param sha256  the output's SHA-256, or null
 * @param files   what was recorded of each part that went into it, by its name there
 * @param watched the {@link #watch descriptions} of the files that must not have changed since
 */
public record Stamp(String inputs, String output, String sha256, Map<String, String> files, List<String> watched) {

    public Stamp {
        files = files == null ? Map.of() : Map.copyOf(files);
        watched = watched == null ? List.of() : List.copyOf(watched);
    }

    /** A stamp of an output and its parts, watching no other file. */
    public Stamp(String inputs, String output, String sha256, Map<String, String> files) {
        this(inputs, output, sha256, files, List.of());
    }

    /** A verdict with no output file that holds while these files are as {@link #watch described}. */
    public static Stamp watching(String inputs, Map<String, String> recorded, List<String> watched) {
        return new Stamp(inputs, null, null, recorded, watched);
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
        if (known.isEmpty() || !known.get().holds(inputs)) {
            return Optional.empty();
        }
        if (output == null) {
            return known;
        }
        return Files.isRegularFile(output) && describe(output).equals(known.get().output())
                && known.get().sha256() != null ? known : Optional.empty();
    }

    /** Whether the stamp is of these inputs and every file it watches is as it was (the output aside). */
    public boolean holds(String inputs) {
        if (!inputs.equals(this.inputs)) {
            return false;
        }
        for (String file : watched) {
            if (file == null || !file.equals(watch(Path.of(pathOf(file))))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code path:size:mtime} of a file to watch, or {@code path:-1:-1} where there is none (so that one appearing
     * counts as a change); what is not a regular file (a folder) counts by its own size and time.
     */
    public static String watch(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return file + ":" + a.size() + ":" + a.lastModifiedTime().toMillis();
        } catch (IOException | RuntimeException missing) {
            return file + ":-1:-1";
        }
    }

    /** The path of a {@link #watch} description (a path may hold ':' itself; the last two fields are numbers). */
    public static String pathOf(String watched) {
        int time = watched.lastIndexOf(':');
        int size = time <= 0 ? -1 : watched.lastIndexOf(':', time - 1);
        return size < 0 ? watched : watched.substring(0, size);
    }

    /** The modification time in a {@link #watch} description, or -1. */
    public static long modifiedOf(String watched) {
        try {
            return Long.parseLong(watched.substring(watched.lastIndexOf(':') + 1));
        } catch (RuntimeException unreadable) {
            return -1;
        }
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
