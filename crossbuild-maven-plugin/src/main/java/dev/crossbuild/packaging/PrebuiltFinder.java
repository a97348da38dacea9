package dev.crossbuild.packaging;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the files of one kind (archives, native JARs, SBOMs) that a CI matrix's jobs uploaded, in the fan-in's
 * {@code -Dcrossbuild.prebuilt} folder, the same way for every kind: in the folder and its direct subfolders (one per
 * job, as artifact downloads leave them), by the name the job's own build gives each target's file.
 *
 * <p>One meaning of strict ({@code -Dcrossbuild.prebuilt.strict=true}): the folder must hold exactly the selected
 * set, so what is otherwise a warning is an error: a file of the kind that matches no selected target, and a
 * missing file of a kind that a target may lack (an SBOM). A missing archive or native JAR, a file there twice, and
 * a file that does not match its {@code .sha256} are errors in either mode.
 */
public final class PrebuiltFinder {

    /** More than a checksum, a name and a line end: what follows is not read. */
    private static final int SIDECAR_BYTES = 4096;

    /**
     * One kind of prebuilt file.
     *
     * @param noun     what it is called in messages ({@code archive}, {@code native JAR}, {@code SBOM})
     * @param ofKind   whether a file name is of this kind, to report strays
     * @param required a target without its file fails the set (else it is a warning, an error when strict)
     */
    public record Kind(String noun, Predicate<String> ofKind, boolean required) {
    }

    private final Path directory;
    private final boolean strict;
    private final BuildLog log;

    /** @throws ProjectException when the folder is not a directory */
    public PrebuiltFinder(Path directory, boolean strict, BuildLog log) throws ProjectException {
        if (!Files.isDirectory(directory)) {
            throw new ProjectException("-Dcrossbuild.prebuilt=" + directory + " is not a directory; point it at the"
                    + " folder the CI jobs' files (archives, native JARs, SBOMs and their .sha256) were downloaded into");
        }
        this.directory = directory;
        this.strict = strict;
        this.log = log;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Each target's file, by the name its job gives it; every problem is added to {@code problems}.
     *
     * @param names per target, the file name its job writes
     * @return per target that has exactly one, its file (in the targets' order)
     */
    public Map<TargetSpec, Path> find(Kind kind, Map<TargetSpec, String> names, List<String> problems)
            throws MachineException {
        Map<String, List<Path>> found = filesIn(kind);
        Map<TargetSpec, Path> chosen = new LinkedHashMap<>();
        Set<String> expected = new TreeSet<>(names.values());
        for (Map.Entry<TargetSpec, String> wanted : names.entrySet()) {
            String name = wanted.getValue();
            List<Path> candidates = found.getOrDefault(name, List.of());
            String who = "target `" + wanted.getKey().id() + "`";
            if (candidates.isEmpty()) {
                String text = who + ": " + name + " is missing from " + directory + " (did its job fail or not"
                        + " upload?)";
                if (kind.required()) {
                    problems.add(text);
                } else {
                    warnOrFail(text, problems);
                }
            } else if (candidates.size() > 1) {
                problems.add(who + ": " + name + " is in " + directory + " more than once: " + candidates);
            } else {
                chosen.put(wanted.getKey(), candidates.get(0));
            }
        }
        for (String stray : found.keySet().stream().filter(n -> !expected.contains(n)).toList()) {
            warnOrFail(stray + " in " + directory + " matches no selected target (a typo in the matrix, or a target"
                    + " not selected here?)", problems);
        }
        return chosen;
    }

    private void warnOrFail(String text, List<String> problems) {
        if (strict) {
            problems.add(text + "; -Dcrossbuild.prebuilt.strict=true makes this an error");
        } else {
            log.warn(text);
        }
    }

    /**
     * Whether the file matches the {@code .sha256} beside it.
     *
     * @param who the target and file, for the message
     * @return the problem, or empty when it matches
     */
    public static Optional<String> checksumProblem(Path file, String who) throws IOException {
        Path sidecar = file.resolveSibling(file.getFileName() + ".sha256");
        if (!Files.isRegularFile(sidecar)) {
            return Optional.of(who + " has no " + sidecar.getFileName() + " beside it; upload the .sha256 with it");
        }
        String actual = Checksums.sha256(file);
        String recorded;
        try (InputStream in = Files.newInputStream(sidecar)) {
            String text = new String(in.readNBytes(SIDECAR_BYTES), StandardCharsets.US_ASCII).trim();
            recorded = text.isEmpty() ? "" : text.split("\\s+")[0];
        }
        if (!recorded.equalsIgnoreCase(actual)) {
            return Optional.of(who + " does not match its checksum: " + sidecar.getFileName() + " says " + recorded
                    + ", the file is " + actual + " (altered or truncated on the way)");
        }
        return Optional.empty();
    }

    /** File names of the kind in the folder and its direct subfolders. */
    private Map<String, List<Path>> filesIn(Kind kind) throws MachineException {
        Map<String, List<Path>> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (kind.ofKind().test(name)) {
                    found.computeIfAbsent(name, n -> new ArrayList<>()).add(file);
                }
            }
        } catch (IOException e) {
            throw new MachineException("could not list " + directory + ": " + e.getMessage(), e);
        }
        return found;
    }
}
