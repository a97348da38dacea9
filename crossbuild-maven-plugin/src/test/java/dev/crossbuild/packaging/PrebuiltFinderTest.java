package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One fan-in finder for every kind of prebuilt file, with one meaning of strict. */
class PrebuiltFinderTest {

    private static final TargetSpec A = spec("a");
    private static final TargetSpec B = spec("b");
    private static final PrebuiltFinder.Kind REQUIRED = new PrebuiltFinder.Kind("archive",
            n -> n.endsWith(".tar.gz"), true);
    private static final PrebuiltFinder.Kind OPTIONAL = new PrebuiltFinder.Kind("SBOM",
            n -> n.endsWith(".cdx.json"), false);

    @TempDir
    Path jobs;

    private final List<String> warnings = new ArrayList<>();
    private final BuildLog log = BuildLog.of(l -> { }, warnings::add, l -> { }, l -> { }, () -> false);

    /**
     * Files (`;`-separated, relative to the folder), the kind, strict, then the expected: found targets, problems
     * (each a fragment), warnings (each a fragment).
     */
    @ParameterizedTest(name = "{0} {1} strict={2}")
    @CsvSource(delimiter = '|', value = {
        // flat or one subfolder per job: both found
        "x-a.tar.gz;job-b/x-b.tar.gz | required | false | a,b | | ",
        "x-a.tar.gz;job-b/x-b.tar.gz | required | true  | a,b | | ",
        // deeper than a job's folder is not looked at
        "x-a.tar.gz;job-b/target/x-b.tar.gz | required | false | a | x-b.tar.gz is missing | ",
        // a missing required file is an error either way; a missing optional one a warning, an error when strict
        "x-a.tar.gz | required | false | a | x-b.tar.gz is missing | ",
        "x-a.cdx.json | optional | false | a | | x-b.cdx.json is missing",
        "x-a.cdx.json | optional | true | a | x-b.cdx.json is missing;prebuilt.strict=true makes this an error | ",
        // a stray of the kind: a warning, an error when strict; a file of another kind is not looked at
        "x-a.tar.gz;x-b.tar.gz;x-c.tar.gz;notes.txt | required | false | a,b | | x-c.tar.gz in",
        "x-a.tar.gz;x-b.tar.gz;j/x-c.tar.gz;notes.txt | required | true | a,b | x-c.tar.gz in | ",
        // twice: an error either way
        "x-a.tar.gz;j1/x-b.tar.gz;j2/x-b.tar.gz | required | false | a | x-b.tar.gz is in | ",
    })
    void findsEachTargetsFileTheSameWayForEveryKind(String files, String kind, boolean strict, String found,
            String problems, String warned) throws Exception {
        for (String file : files.split(";")) {
            Path path = jobs.resolve(file.trim());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        String extension = kind.equals("required") ? ".tar.gz" : ".cdx.json";
        Map<TargetSpec, String> names = new LinkedHashMap<>();
        names.put(A, "x-a" + extension);
        names.put(B, "x-b" + extension);
        List<String> seen = new ArrayList<>();
        Map<TargetSpec, Path> chosen = new PrebuiltFinder(jobs, strict, log).find(kind.equals("required") ? REQUIRED
                : OPTIONAL, names, seen);
        assertThat(chosen.keySet().stream().map(TargetSpec::id).toList()).containsExactly(found.split(","));
        if (problems == null) {
            assertThat(seen).isEmpty();
        } else {
            for (String fragment : problems.split(";")) {
                assertThat(String.join("\n", seen)).contains(fragment);
            }
        }
        if (warned == null) {
            assertThat(warnings).isEmpty();
        } else {
            assertThat(String.join("\n", warnings)).contains(warned);
        }
    }

    @Test
    void aFileMustMatchItsChecksum() throws Exception {
        Path file = Files.writeString(jobs.resolve("x-a.tar.gz"), "bytes");
        assertThat(PrebuiltFinder.checksumProblem(file, "target `a`")).get().asString()
                .contains("has no x-a.tar.gz.sha256 beside it");
        Files.writeString(jobs.resolve("x-a.tar.gz.sha256"), Checksums.sha256(file) + "  x-a.tar.gz\n");
        assertThat(PrebuiltFinder.checksumProblem(file, "target `a`")).isEmpty();
        Files.writeString(file, "other bytes");
        assertThat(PrebuiltFinder.checksumProblem(file, "target `a`")).get().asString()
                .contains("does not match its checksum").contains("altered or truncated");
    }

    @Test
    void theFolderMustExist() {
        assertThatThrownBy(() -> new PrebuiltFinder(jobs.resolve("none"), false, log))
                .isInstanceOf(ProjectException.class).hasMessageContaining("-Dcrossbuild.prebuilt=")
                .hasMessageContaining("is not a directory");
    }

    private static TargetSpec spec(String id) {
        return new TargetSpec(id, TargetTriple.parse("x86_64-unknown-linux-gnu"), null, null, null, null, null, null,
                null, Map.of(), null, List.of(), Map.of());
    }
}
