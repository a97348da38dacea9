package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Only the {@code maven} package may import Maven: the core stays usable and testable without it. And no two
 * packages depend on each other, directly or through others: each fact has one home, and layers stay layers.
 */
class LayersTest {

    @Test
    void onlyTheMavenPackageImportsMaven() throws IOException {
        Path sources = Path.of("src/main/java/dev/crossbuild");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !sources.relativize(p).startsWith("maven"))
                    .filter(LayersTest::importsMaven)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean importsMaven(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .anyMatch(l -> l.startsWith("import org.apache.maven"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> uses = packageImports(Path.of("src/main/java"));
        List<List<String>> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayDeque<>(List.of(start)), new HashSet<>(), cycles);
        }
        assertThat(cycles).as("package cycles (each as a path back to its start)").isEmpty();
        assertThat(uses).containsKey("dev.crossbuild.tools");
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, Deque<String> path,
            Set<String> seen, List<List<String>> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                cycles.add(cycle);
            } else if (seen.add(next)) {
                path.addLast(next);
                findCycle(start, next, uses, path, seen, cycles);
                path.removeLast();
            }
        }
    }

    /** Package to the project packages its files import. */
    static Map<String, Set<String>> packageImports(Path root) throws IOException {
        Pattern imported = Pattern.compile("^import (?:static )?(dev\\.crossbuild(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z].*");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace(File.separatorChar, '.');
                Set<String> targets = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    Matcher m = imported.matcher(line);
                    if (m.matches() && !m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }
}
