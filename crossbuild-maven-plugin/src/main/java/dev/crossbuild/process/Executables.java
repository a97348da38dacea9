package dev.crossbuild.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds programs on the PATH of a given environment. The JVM resolves a bare command name against
 * its own PATH, not the child's, so a target whose environment changes PATH (a vcvars script, an
 * SDK script) needs this lookup to start the program it will really use.
 */
public final class Executables {

    private Executables() {
    }

    public static Optional<Path> find(String name, Map<String, String> environment) {
        return find(name, environment, File.pathSeparator, isWindows());
    }

    static Optional<Path> find(String name, Map<String, String> environment, String pathSeparator,
            boolean windows) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> suffixes = new ArrayList<>();
        suffixes.add("");
        if (windows && !name.contains(".")) {
            String pathext = lookup(environment, "PATHEXT", true);
            for (String ext : (pathext == null ? ".COM;.EXE;.BAT;.CMD" : pathext).split(";")) {
                if (!ext.isBlank()) {
                    suffixes.add(ext.toLowerCase(Locale.ROOT));
                }
            }
        }
        if (name.contains("/") || (windows && name.contains("\\"))) {
            Path direct = Path.of(name);
            return suffixes.stream().map(s -> Path.of(name + s)).filter(p -> isRunnable(p, windows)).findFirst()
                    .or(() -> isRunnable(direct, windows) ? Optional.of(direct) : Optional.empty());
        }
        String path = lookup(environment, "PATH", windows);
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.util.regex.Pattern.quote(pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String suffix : suffixes) {
                Path candidate;
                try {
                    candidate = Path.of(dir, name + suffix);
                } catch (RuntimeException invalid) {
                    break;
                }
                if (isRunnable(candidate, windows)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Reads a variable, ignoring case where the platform does (Windows: {@code Path} is {@code PATH}). */
    public static String lookup(Map<String, String> environment, String name, boolean ignoreCase) {
        String exact = environment.get(name);
        if (exact != null || !ignoreCase) {
            return exact;
        }
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean isRunnable(Path candidate, boolean windows) {
        return Files.isRegularFile(candidate) && (windows || Files.isExecutable(candidate));
    }

    public static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
