package dev.crossbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every path the plugin writes under {@code target/crossbuild} comes from {@code WorkLayout}: a literal name resolved
 * against one of its folders anywhere else is a second home for a path, and fails here.
 */
class WorkLayoutPathsTest {

    /**
     * A literal name resolved against the work root, a target's or group's folder, or the build directory's
     * {@code crossbuild}: {@code layout.root().resolve("x")}, {@code layout().target(id).resolve("x")},
     * {@code resolve("crossbuild")}.
     */
    static final Pattern BYPASS = Pattern.compile("(\\.(root|target|cargoTargetDir|groupCargoTargetDir|nativeDir)"
            + "\\([^()]*(\\([^()]*\\)[^()]*)*\\)\\s*\\.resolve\\(\\s*\")|(\\.resolve\\(\\s*\"crossbuild[\"/])|\"target/crossbuild/");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Path stamp = options.packaging().layout().root().resolve(\"jni-check.stamp\");|true",
        "return layout.target(target.id()).resolve(\"native-jar-plan.json\");|true",
        "layout().target(plan.target().id()).resolve(\"native-jar.stamp\")|true",
        "build.resolve(\"crossbuild\").resolve(\"image\")|true",
        "layout().target(plan.target().id()).resolve( \"native-jar.stamp\")|true",
        "Path.of(\"target/crossbuild/report.json\")|true",
        "return root().resolve(\"image\");|false",
        "Path stamp = layout.jniCheckStamp();|false",
        "layout.target(id).resolve(name)|false",
        "unpacked.resolve(\"README.md\")|false",
    })
    void thePatternFindsALiteralUnderAWorkFolder(String line, boolean bypass) {
        assertThat(BYPASS.matcher(line).find()).as(line).isEqualTo(bypass);
    }

    @Test
    void onlyWorkLayoutNamesTheWorkFolders() throws IOException {
        Path sources = Path.of("src/main/java/dev/crossbuild");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("model", "WorkLayout.java"))).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    // a call split over two lines is read joined
                    String text = lines.get(i) + (i + 1 < lines.size() ? " " + lines.get(i + 1).trim() : "");
                    Matcher m = BYPASS.matcher(lines.get(i).trim().startsWith("*") ? "" : text);
                    if (m.find() && m.start() < lines.get(i).length()) {
                        offenders.add(sources.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offenders).as("paths under target/crossbuild made outside WorkLayout: add a method to"
                + " WorkLayout and call it").isEmpty();
    }
}
