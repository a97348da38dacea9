package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.tools.ToolCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * make, run in a copy of the sources kept in the build's own directory: an in-tree Makefile then builds
 * each target in its own copy, with no {@code clean} between targets (PLATFORM-NOTES: the motivating
 * Makefile). The target's compilers are passed as make variables, which override the Makefile's own.
 */
final class MakeDriver implements ToolDriver {

    @Override
    public List<String> programs(List<String> args) {
        return List.of("make");
    }

    /** make gets the target's compilers as make variables on its command line, never as {@code CC} & co. */
    @Override
    public void adjustEnvironment(java.util.Map<String, String> env, java.util.Map<String, String> added,
            dev.crossbuild.tools.TargetTools configured, boolean cross) {
    }

    @Override
    public void build(ToolRun run) throws CrossbuildException {
        syncCopy(run.sources(), run.output(), run.excluded());
        List<String> command = new ArrayList<>(List.of("make"));
        // with a compile cache, make's own defaults (cc, c++) go behind it too
        addVariable(command, "CC", cached(run, run.tools().cc(), "cc"));
        addVariable(command, "CXX", cached(run, run.tools().cxx(), "c++"));
        addVariable(command, "AR", run.tools().ar());
        command.addAll(run.args());
        run.steps().run(command, run.output());
    }

    private static Optional<ToolCommand> cached(ToolRun run, Optional<ToolCommand> tool, String makeDefault) {
        return run.launcher().map(launcher -> tool.orElse(ToolCommand.of(makeDefault)).behind(launcher)).or(() -> tool);
    }

    private static void addVariable(List<String> command, String name, Optional<ToolCommand> tool) {
        tool.ifPresent(t -> command.add(name + "=" + t.commandLine()));
    }

    /**
     * Copies a source tree into the build's own directory, file by file when size or time differ, keeping
     * times so make's own up-to-date checks work. A source file deleted since the last copy is deleted from
     * the copy too (a wildcard in the Makefile must not pick it up); what the build itself wrote there stays.
     * The copied paths are listed beside the copy.
     */
    static void syncCopy(Path source, Path copy, Path excluded) throws MachineException {
        Path listing = copy.resolveSibling(copy.getFileName() + ".sources");
        Set<String> copied = new TreeSet<>();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                // never copy the build directory (with this copy in it) when the sources are the project itself
                if (Fingerprint.ignored(relative) || file.startsWith(excluded)) {
                    continue;
                }
                Path target = copy.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    continue;
                }
                copied.add(relative.toString());
                if (!sameFile(file, target)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            if (Files.isRegularFile(listing)) {
                for (String before : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                    if (!before.isEmpty() && !copied.contains(before)) {
                        Files.deleteIfExists(copy.resolve(before));
                    }
                }
            }
            Files.write(listing, copied, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MachineException("could not copy " + source + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        if (!Files.isRegularFile(b)) {
            return false;
        }
        return Files.size(a) == Files.size(b)
                && Files.getLastModifiedTime(a).toMillis() == Files.getLastModifiedTime(b).toMillis();
    }
}
