package dev.crossbuild.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerWriterTest {

    private static final Instant TIME = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void sameFilesGiveTheSameBytesWhateverTheirTimesAndFolder(@TempDir Path dir) throws Exception {
        LayerWriter.Written a = write(dir.resolve("a"), 1_000);
        LayerWriter.Written b = write(dir.resolve("b"), 2_000_000);
        assertThat(a).isEqualTo(b);
        assertThat(Files.mismatch(dir.resolve("a/layer"), dir.resolve("b/layer"))).isEqualTo(-1L);
        assertThat(a.size()).isEqualTo(Files.size(dir.resolve("a/layer")));
        assertThat(a.digest()).isEqualTo("sha256:" + dev.crossbuild.packaging.Checksums.sha256(dir.resolve("a/layer")));
        assertThat(a.diffId()).isNotEqualTo(a.digest());
    }

    @Test
    void entriesAreSortedOwnedByRootWithFoldersAndModes(@TempDir Path dir) throws Exception {
        write(dir, 1_000);
        List<String> seen = new ArrayList<>();
        try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(dir.resolve("layer")));
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                assertThat(e.getLongUserId()).isZero();
                assertThat(e.getLongGroupId()).isZero();
                assertThat(e.getModTime().toInstant()).isEqualTo(TIME);
                seen.add(e.getName() + " " + Integer.toOctalString(e.getMode()));
            }
        }
        assertThat(seen).containsExactly("app/ 40755", "app/README 100644", "app/hello 100755", "app/lib/ 40755",
                "app/lib/libz.so 100755");
    }

    private static LayerWriter.Written write(Path dir, long mtime) throws Exception {
        Files.createDirectories(dir);
        Map<String, Map.Entry<Path, Boolean>> files = new TreeMap<>();
        for (String name : List.of("hello", "README", "libz.so")) {
            Path file = dir.resolve(name);
            Files.writeString(file, "bytes of " + name);
            Files.setLastModifiedTime(file, FileTime.fromMillis(mtime));
        }
        files.put("app/hello", Map.entry(dir.resolve("hello"), true));
        files.put("app/README", Map.entry(dir.resolve("README"), false));
        files.put("app/lib/libz.so", Map.entry(dir.resolve("libz.so"), true));
        return LayerWriter.write(dir.resolve("layer"), files, TIME);
    }
}
