package dev.crossbuild.rebuildcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the second build's copy of a project holds: the sources, none of the outputs, VCS or IDE folders. */
class ProjectCopyTest {

    @TempDir
    Path dir;

    @Test
    void theCopyLeavesOutBuildOutputsVersionControlAndIdeFolders() throws Exception {
        Path project = dir.resolve("project");
        write(project, "pom.xml", "Cargo.toml", "Cargo.lock", "src/main.rs", ".cargo/config.toml",
                // a source folder named target is no build's output: it stays
                "src/target/mod.rs",
                "node_modules/left-pad/index.js",
                "target/crossbuild/targets/a/cargo/big.rlib",
                ".git/objects/ab/cdef", ".hg/store/x", ".svn/wc.db", ".idea/workspace.xml", ".vscode/settings.json",
                // a crate and a module of their own: their target/ is an output too, and VCS folders go anywhere
                "crates/inner/Cargo.toml", "crates/inner/src/lib.rs", "crates/inner/target/debug/libinner.rlib",
                "module/pom.xml", "module/target/classes/A.class", "module/.git/HEAD",
                // a .git file (a worktree's pointer) is no folder and is copied
                "worktree/.git");
        Path copy = dir.resolve("copy");

        ProjectCopy.make(project, project.resolve("target"), copy);

        assertThat(files(copy)).containsExactly(".cargo/config.toml", "Cargo.lock", "Cargo.toml",
                "crates/inner/Cargo.toml", "crates/inner/src/lib.rs", "module/pom.xml",
                "node_modules/left-pad/index.js", "pom.xml", "src/main.rs", "src/target/mod.rs", "worktree/.git");
        assertThat(Files.readString(copy.resolve("src/main.rs"))).isEqualTo("src/main.rs");
    }

    @Test
    void aBuildDirectoryElsewhereIsLeftOutByPathAndAnEarlierCopyIsReplaced() throws Exception {
        Path project = dir.resolve("project");
        write(project, "Cargo.toml", "src/main.rs", "out/crossbuild/archive.tar.gz", "target/kept-without-pom");
        Files.delete(project.resolve("Cargo.toml"));
        write(project, "src/Cargo.toml");
        Path copy = dir.resolve("copy");
        write(copy, "stale-from-the-last-check");

        ProjectCopy.make(project, project.resolve("out"), copy);

        assertThat(files(copy)).containsExactly("src/Cargo.toml", "src/main.rs", "target/kept-without-pom");
    }

    @Test
    void theListIsDocumentedInOnePlace() {
        assertThat(ProjectCopy.LEFT_OUT).containsExactly("target", ".git", ".hg", ".svn", ".idea", ".vscode");
    }

    static void write(Path root, String... files) throws IOException {
        for (String file : files) {
            Path path = root.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
