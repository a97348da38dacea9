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

    @Test
    void aStampWatchingFilesHoldsWhileNoneChangedAppearedOrWent() throws Exception {
        Path source = Files.writeString(dir.resolve("src: main.rs"), "fn main() {}");
        Path config = dir.resolve(".cargo/config.toml");
        Path stamp = dir.resolve("cargo-up-to-date.json");
        Stamp.watching("cargo build", Map.of(), java.util.List.of(Stamp.watch(source), Stamp.watch(config)))
                .write(stamp);
        assertThat(Stamp.current(stamp, null, "cargo build")).as("nothing changed").isPresent();
        assertThat(Stamp.current(stamp, null, "cargo build --release")).as("other inputs").isEmpty();

        Files.createDirectories(config.getParent());
        Files.writeString(config, "[build]\n");
        assertThat(Stamp.current(stamp, null, "cargo build")).as("a watched file that was missing appeared").isEmpty();
        Stamp.watching("cargo build", Map.of(), java.util.List.of(Stamp.watch(source), Stamp.watch(config)))
                .write(stamp);
        assertThat(Stamp.current(stamp, null, "cargo build")).isPresent();

        Files.writeString(source, "fn main() { }");
        Files.setLastModifiedTime(source, FileTime.fromMillis(Files.getLastModifiedTime(source).toMillis() + 2000));
        assertThat(Stamp.current(stamp, null, "cargo build")).as("a watched file changed").isEmpty();
        Stamp.watching("cargo build", Map.of(), java.util.List.of(Stamp.watch(source), Stamp.watch(config)))
                .write(stamp);
        Files.delete(config);
        assertThat(Stamp.current(stamp, null, "cargo build")).as("a watched file went").isEmpty();
    }

    @Test
    void aWatchedDescriptionGivesBackItsPathAndTime() {
        String[][] cases = {
            // description, path, modified
            {"/work/app/src/main.rs:120:1700000000000", "/work/app/src/main.rs", "1700000000000"},
            {"/work/a:b/c.rs:7:42", "/work/a:b/c.rs", "42"},
            {"/work/missing.toml:-1:-1", "/work/missing.toml", "-1"},
            {"no-numbers", "no-numbers", "-1"},
        };
        for (String[] c : cases) {
            assertThat(Stamp.pathOf(c[0])).as(c[0]).isEqualTo(c[1]);
            assertThat(Stamp.modifiedOf(c[0])).as(c[0]).isEqualTo(Long.parseLong(c[2]));
        }
    }

    @Test
    void aNativeBuildRecordsItsConfigureKeyBesideItsInputs() throws Exception {
        Path stamp = dir.resolve("build.stamp");
        Stamp.watching("inputs-1", Map.of("configure", "cfg-1"), java.util.List.of()).write(stamp);
        assertThat(Stamp.read(stamp)).get().satisfies(s -> {
            assertThat(s.holds("inputs-1")).isTrue();
            assertThat(s.files()).containsEntry("configure", "cfg-1");
        });
        // the stamp of an older plugin, {configure, inputs}: read with its inputs and no configure key
        Files.writeString(stamp, "{\"configure\":\"cfg-1\",\"inputs\":\"inputs-1\"}");
        assertThat(Stamp.read(stamp)).get().satisfies(s -> {
            assertThat(s.holds("inputs-1")).isTrue();
            assertThat(s.files()).doesNotContainKey("configure");
            assertThat(s.watched()).isEmpty();
        });
    }
}
