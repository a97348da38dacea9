package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only the {@code maven} package may import Maven: the core stays usable and testable without it. */
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
}
