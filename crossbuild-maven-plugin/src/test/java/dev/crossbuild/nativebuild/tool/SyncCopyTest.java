package dev.crossbuild.nativebuild.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCopyTest {

    @Test
    void aDeletedSourceLeavesTheCopyButWhatTheBuildWroteStays(@TempDir Path dir) throws Exception {
        Path source = Files.createDirectories(dir.resolve("src"));
        Path copy = dir.resolve("out/native/tray");
        Files.writeString(source.resolve("Makefile"), "all:\n");
        Files.writeString(source.resolve("old.c"), "int old;\n");
        Files.createDirectories(source.resolve("sub"));
        Files.writeString(source.resolve("sub/keep.c"), "int keep;\n");
        MakeDriver.syncCopy(source, copy, dir.resolve("out"));
        Files.writeString(copy.resolve("old.o"), "object the build wrote");
        assertThat(copy.resolve("old.c")).exists();
        assertThat(copy.resolve("sub/keep.c")).exists();

        Files.delete(source.resolve("old.c"));
        MakeDriver.syncCopy(source, copy, dir.resolve("out"));

        assertThat(copy.resolve("old.c")).doesNotExist();
        assertThat(copy.resolve("sub/keep.c")).hasContent("int keep;");
        assertThat(copy.resolve("Makefile")).exists();
        assertThat(copy.resolve("old.o")).hasContent("object the build wrote");
    }
}
