package dev.crossbuild.rebuildcheck;

import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.MachineException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** The copy of a project that the second build runs in: its sources, without what no build of it reads. */
final class ProjectCopy {

    /**
     * Folders the copy leaves out, by name, at any depth: build outputs, version control metadata and IDE state,
     * which no build reads and which can be far larger than the sources. {@code target} is left out only where it
     * is a build's output, beside a {@code pom.xml} or a {@code Cargo.toml} (a source folder {@code src/target}
     * stays); the project's build directory is left out wherever it points. Everything else is copied, also
     * {@code node_modules}: a native build's command may run npm.
     *
     * @since 0.1.0
     */
    static final List<String> LEFT_OUT = List.of("target", ".git", ".hg", ".svn", ".idea", ".vscode");

    private ProjectCopy() {
    }

    /** Copies the project to {@code copy}, replacing what an earlier check left there. */
    static void make(Path project, Path buildDirectory, Path copy) throws MachineException {
        Path from = project.toAbsolutePath().normalize();
        Path build = buildDirectory.toAbsolutePath().normalize();
        try {
            FileTrees.delete(copy);
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(from) && leftOut(dir, build)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(copy.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, copy.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new MachineException("could not copy " + project + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    /** Whether a folder of the project stays out of the copy. */
    static boolean leftOut(Path dir, Path buildDirectory) {
        if (dir.equals(buildDirectory)) {
            return true;
        }
        String name = dir.getFileName().toString();
        if (!LEFT_OUT.contains(name)) {
            return false;
        }
        return !name.equals("target") || Files.isRegularFile(dir.resolveSibling("pom.xml"))
                || Files.isRegularFile(dir.resolveSibling("Cargo.toml"));
    }
}
