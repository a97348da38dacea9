package dev.crossbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one up-to-date mechanism: current only while the key and the output as written are unchanged. */
class StampTest {

    @TempDir
    Path dir;

    @Test
    void currentWhileTheKeyAndTheOutputAreUnchanged() throws Exception {
        Path output = Files.writeString(dir.resolve("app.tar.gz"), "archive");
        Path stamp = dir.resolve("work/app.stamp");
        assertThat(Stamp.current(stamp, output, "key-1")).as("no stamp yet").isEmpty();
        new Stamp("key-1", Stamp.describe(output), "ab", Map.of("hello", "cd")).write(stamp);
        assertThat(Stamp.current(stamp, output, "key-1")).get().extracting(Stamp::files)
                .isEqualTo(Map.of("hello", "cd"));
        assertThat(Stamp.current(stamp, output, "key-2")).as("other inputs").isEmpty();
        Files.setLastModifiedTime(output, FileTime.fromMillis(Files.getLastModifiedTime(output).toMillis() + 2000));
        assertThat(Stamp.current(stamp, output, "key-1")).as("the output touched since").isEmpty();
        assertThat(Stamp.read(stamp)).as("still readable, for its checksums").isPresent();
        Files.delete(output);
        assertThat(Stamp.current(stamp, output, "key-1")).as("the output gone").isEmpty();
        Stamp.forget(stamp);
        assertThat(stamp).doesNotExist();
    }

    @Test
    void aVerdictHasAKeyAndNoOutput() throws Exception {
        Path stamp = dir.resolve("jni-check.stamp");
        Stamp.of("classes+libraries").write(stamp);
        assertThat(Stamp.current(stamp, null, "classes+libraries")).isPresent();
        assertThat(Stamp.current(stamp, null, "other classes")).isEmpty();
        // a stamp of another format (plain text of an older plugin) is no stamp
        Files.writeString(stamp, "classes+libraries");
        assertThat(Stamp.current(stamp, null, "classes+libraries")).isEmpty();
    }
}
