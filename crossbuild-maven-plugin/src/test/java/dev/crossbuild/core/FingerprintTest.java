package dev.crossbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path project;

    private String tree() throws Exception {
        return new Fingerprint().addTree(project, project.resolve("target")).hex();
    }

    private void write(String file, String text) throws Exception {
        Path path = project.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        Files.setLastModifiedTime(path, FileTime.fromMillis(1_000_000_000_000L));
    }

    @Test
    void aTreeIsItsFilesNamesSizesAndTimesButNotItsBuildOrVersionControlFolders() throws Exception {
        write("src/main.c", "int main(void) { return 0; }\n");
        write("Makefile", "all:\n");
        String first = tree();
        assertThat(tree()).isEqualTo(first);

        // what the build writes and what version control keeps are not inputs
        write("target/crossbuild/out.o", "object");
        write("target/cargo/release/deps/a.d", "dep");
        write(".git/HEAD", "ref: refs/heads/main\n");
        write("sub/.git", "gitdir: ../.git/modules/sub\n");
        write("sub/.svn/entries", "12\n");
        Files.createDirectories(project.resolve("src/.hg"));
        assertThat(tree()).isEqualTo(first);

        // a source of another size, its time, a new file, a link to a file: each is another tree
        write("src/main.c", "int main(void) { return 10; }\n");
        String changed = tree();
        assertThat(changed).isNotEqualTo(first);
        Files.setLastModifiedTime(project.resolve("src/main.c"), FileTime.fromMillis(2_000_000_000_000L));
        String touched = tree();
        assertThat(touched).isNotEqualTo(changed);
        write("src/extra.h", "");
        String added = tree();
        assertThat(added).isNotEqualTo(touched);
        Files.createSymbolicLink(project.resolve("config.h"), project.resolve("src/extra.h"));
        assertThat(tree()).isNotEqualTo(added);
        // an empty folder is no file
        String withLink = tree();
        Files.createDirectories(project.resolve("empty"));
        assertThat(tree()).isEqualTo(withLink);
    }

    @Test
    void noTreeAndTextsAreInputsToo() throws Exception {
        assertThat(new Fingerprint().addTree(project.resolve("missing"), project).hex())
                .isEqualTo(new Fingerprint().addTree(null, project).hex());
        assertThat(new Fingerprint().add("a").add("b").hex()).isNotEqualTo(new Fingerprint().add("ab").hex());
        assertThat(new Fingerprint().add(List.of("a", "b")).hex()).isNotEqualTo(new Fingerprint().add(List.of("a"))
                .add("b").hex());
        assertThat(new Fingerprint().add(Map.of("PATH", "/bin", "RANDOM", "1"), Set.of("RANDOM")).hex())
                .isEqualTo(new Fingerprint().add(Map.of("PATH", "/bin", "RANDOM", "2"), Set.of("RANDOM")).hex());
    }
}
