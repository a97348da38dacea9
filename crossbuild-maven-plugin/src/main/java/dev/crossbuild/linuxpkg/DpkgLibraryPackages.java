package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.MachineException;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * On a Debian host: {@code dpkg-query -S} of the library's file in the architecture's multiarch folders
 * ({@code /lib/<multiarch>/}, {@code /usr/lib/<multiarch>/}), which exist only while that architecture's package is
 * installed ({@code libgcc-s1:arm64}). A package of another architecture (a cross toolchain's
 * {@code libgcc-s1-arm64-cross} lives elsewhere) is never taken. Without {@code dpkg-query} nothing is found.
 */
public final class DpkgLibraryPackages implements LibraryPackages {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ProcessRunner runner;
    private final Map<String, String> environment;
    private final Path root;

    public DpkgLibraryPackages(ProcessRunner runner) {
        this(runner, System.getenv(), Path.of("/"));
    }

    /** @param root where the multiarch folders are looked for (a test's stand-in for {@code /}) */
    DpkgLibraryPackages(ProcessRunner runner, Map<String, String> environment, Path root) {
        this.runner = runner;
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("LC_ALL", "C");
        this.environment = Map.copyOf(env);
        this.root = root;
    }

    @Override
    public Map<String, String> find(String debianArch, String multiarch, Collection<String> libraries)
            throws MachineException {
        Optional<Path> dpkg = Executables.find("dpkg-query", environment);
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        for (String library : libraries) {
            for (String dir : List.of("/lib/", "/usr/lib/")) {
                String path = dir + multiarch + "/" + library;
                if (Files.exists(root.resolve(path.substring(1)))) {
                    candidates.computeIfAbsent(library, l -> new ArrayList<>()).add(path);
                    paths.add(path);
                }
            }
        }
        if (dpkg.isEmpty() || paths.isEmpty()) {
            return Map.of();
        }
        List<String> command = new ArrayList<>(List.of(dpkg.get().toString(), "-S"));
        command.addAll(paths);
        // a path no package holds makes dpkg-query exit 1 and say so on stderr; the others are still listed
        ProcessRunner.CapturedOutput out = runner.capture(new ProcessSpec(command, root, environment, null, TIMEOUT));
        Map<String, String> owners = owners(out.stdout(), debianArch);
        Map<String, String> found = new LinkedHashMap<>();
        candidates.forEach((library, where) -> where.stream().map(owners::get).filter(o -> o != null).findFirst()
                .ifPresent(owner -> found.put(library, owner)));
        return found;
    }

    /**
     * The package of each path in {@code dpkg-query -S} output ({@code libgcc-s1:amd64: /lib/…/libgcc_s.so.1},
     * {@code libc6:amd64, libc6-dev:amd64: /path}), keeping only packages of that architecture or unqualified.
     */
    static Map<String, String> owners(String output, String debianArch) {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int split = line.indexOf(": /");
            if (split < 0 || line.startsWith("diversion ")) {
                continue;
            }
            String path = line.substring(split + 2).trim();
            for (String item : line.substring(0, split).split(",")) {
                String pkg = item.trim();
                int colon = pkg.indexOf(':');
                String arch = colon < 0 ? null : pkg.substring(colon + 1);
                if (arch == null || arch.equals(debianArch)) {
                    owners.putIfAbsent(path, colon < 0 ? pkg : pkg.substring(0, colon));
                    break;
                }
            }
        }
        return owners;
    }
}
