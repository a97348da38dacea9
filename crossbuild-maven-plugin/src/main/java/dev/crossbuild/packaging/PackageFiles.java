package dev.crossbuild.packaging;

import dev.crossbuild.core.MachineException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Resolves {@code <packageFiles>} entries: plain paths or globs, relative to the project directory. */
final class PackageFiles {

    private PackageFiles() {
    }

    /**
     * The regular files a pattern names, sorted; never files inside the build directory or hidden
     * directories (such as {@code .git}), which a {@code **} glob would otherwise sweep in.
     */
    static List<Path> match(Path base, Path buildDirectory, String pattern) throws MachineException {
        String normalized = pattern.replace('\\', '/');
        if (!normalized.matches(".*[*?\\[{].*")) {
            Path file = base.resolve(normalized).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        // walk only below the pattern's fixed leading directories
        String[] parts = normalized.split("/");
        Path root = base;
        for (int i = 0; i < parts.length - 1 && !parts[i].matches(".*[*?\\[{].*"); i++) {
            root = root.resolve(parts[i]);
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !f.startsWith(buildDirectory))
                    .filter(f -> !hidden(base.relativize(f)))
                    .filter(f -> matcher.matches(base.relativize(f)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MachineException("could not list " + root + ": " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
