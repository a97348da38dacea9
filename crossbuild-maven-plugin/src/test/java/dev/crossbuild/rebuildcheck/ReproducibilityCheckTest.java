package dev.crossbuild.rebuildcheck;

import static dev.crossbuild.rebuildcheck.ProjectCopyTest.files;
import static dev.crossbuild.rebuildcheck.ProjectCopyTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.RecordingLog;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second build's copy is there while it runs and gone afterwards, whatever the result, unless kept. */
class ReproducibilityCheckTest {

    @TempDir
    Path project;

    private Path copy;
    private final List<String> lines = new ArrayList<>();

    @BeforeEach
    void aProjectWithAnEarlierBuild() throws Exception {
        write(project, "pom.xml", "Cargo.toml", "src/main.rs", "target/crossbuild/targets/a/cargo/app");
        copy = project.resolve("target/crossbuild/reproducibility/second-build-of-project");
    }

    @Test
    void theCopyIsRemovedAfterASecondBuildThatSucceeded() throws Exception {
        List<String> seen = check(false).inCopy(project, project.resolve("target"), copy, () -> unchecked(() -> files(copy)));

        assertThat(seen).containsExactly("Cargo.toml", "pom.xml", "src/main.rs");
        assertThat(copy.getParent()).doesNotExist();
        assertThat(project.resolve("target/crossbuild/targets/a/cargo/app")).exists();
        assertThat(lines).isEmpty();
    }

    @Test
    void theCopyIsRemovedAfterASecondBuildThatFailed() {
        assertThatThrownBy(() -> check(false).inCopy(project, project.resolve("target"), copy, () -> {
            unchecked(() -> Files.writeString(copy.resolve("half-built"), "x"));
            throw new ProjectException("cargo build failed");
        })).isInstanceOf(ProjectException.class).hasMessage("cargo build failed");

        assertThat(copy.getParent()).doesNotExist();
    }

    @Test
    void theCopyIsRemovedWhenTheSecondBuildBreaksUnexpectedly() {
        assertThatThrownBy(() -> check(false).inCopy(project, project.resolve("target"), copy, () -> {
            unchecked(() -> Files.createDirectories(copy.resolve("target/crossbuild")));
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(copy.getParent()).doesNotExist();
    }

    @Test
    void aKeptCopyStaysAndItsPathIsLogged() throws Exception {
        assertThatThrownBy(() -> check(true).inCopy(project, project.resolve("target"), copy, () -> {
            throw new ProjectException("not reproducible");
        })).isInstanceOf(ProjectException.class);

        assertThat(files(copy)).containsExactly("Cargo.toml", "pom.xml", "src/main.rs");
        assertThat(lines).containsExactly("verifyReproducible: the copy of the second build is kept in " + copy);
    }

    @Test
    void anotherProjectsFolderBesideTheCopyStays() throws Exception {
        Path other = Files.createDirectories(copy.resolveSibling("second-build-of-another"));

        check(false).inCopy(project, project.resolve("target"), copy, () -> null);

        assertThat(copy).doesNotExist();
        assertThat(other).exists();
    }

    /** The second build may write to the copy; its own failures are CrossbuildExceptions. */
    private static <T> T unchecked(Callable<T> step) {
        try {
            return step.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ReproducibilityCheck check(boolean keep) {
        return new ReproducibilityCheck(new ProcessRunner(), new RecordingLog(lines), keep);
    }
}
