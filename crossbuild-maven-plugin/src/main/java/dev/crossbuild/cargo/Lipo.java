package dev.crossbuild.cargo;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.process.Executables;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tool that joins the slices of a macOS universal target: {@code lipo} (Xcode, cctools) or LLVM's
 * {@code llvm-lipo}, on PATH under either name or with the LLVM version after it ({@code llvm-lipo-14}, as
 * Debian's {@code llvm} package installs it), else in an LLVM folder ({@code /usr/lib/llvm-<version>/bin}), the
 * newest version first.
 */
final class Lipo {

    static final String MISSING = "no lipo or llvm-lipo found on PATH or in /usr/lib/llvm-*/bin: install LLVM"
            + " (Debian and Ubuntu: apt-get install llvm, which brings llvm-lipo) or Xcode's command line tools on"
            + " macOS, or put a lipo on PATH";

    private static final Pattern VERSIONED = Pattern.compile("llvm-lipo-(\\d+)");

    private Lipo() {
    }

    /** The lipo to run, found in the environment's PATH or the LLVM folders of this machine. */
    static Path find(Map<String, String> environment) throws ProjectException {
        return find(environment, Path.of("/usr/lib")).orElseThrow(() -> new ProjectException(MISSING));
    }

    /** @param llvmParent the folder holding {@code llvm-<version>} folders */
    static Optional<Path> find(Map<String, String> environment, Path llvmParent) {
        for (String name : List.of("llvm-lipo", "lipo")) {
            Optional<Path> found = Executables.find(name, environment);
            if (found.isPresent()) {
                return found;
            }
        }
        List<Path> candidates = new ArrayList<>();
        String path = Executables.lookup(environment, "PATH", Executables.isWindows());
        for (String dir : path == null ? new String[0] : path.split(Pattern.quote(File.pathSeparator))) {
            if (!dir.isBlank()) {
                candidates.addAll(list(Path.of(dir), VERSIONED));
            }
        }
        for (Path llvm : list(llvmParent, Pattern.compile("llvm-(\\d+)"))) {
            Path lipo = llvm.resolve("bin/llvm-lipo");
            if (Files.isExecutable(lipo)) {
                candidates.add(lipo);
            }
        }
        return candidates.stream().filter(Files::isExecutable).max(Comparator.comparingInt(Lipo::version));
    }

    /** The files of a folder whose names match, none when it cannot be read. */
    private static List<Path> list(Path dir, Pattern name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches()).toList();
        } catch (IOException | RuntimeException unreadable) {
            return List.of();
        }
    }

    /** The LLVM version in a path ({@code llvm-lipo-14}, {@code llvm-16/bin/llvm-lipo}), 0 when none. */
    static int version(Path lipo) {
        Matcher m = Pattern.compile("llvm-(?:lipo-)?(\\d{1,6})").matcher(lipo.toString());
        int version = 0;
        while (m.find()) {
            version = Integer.parseInt(m.group(1));
        }
        return version;
    }
}
