package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    @TempDir
    Path dir;

    @Test
    void unpacksWhatTheWriterWrote() throws Exception {
        Path file = Files.writeString(dir.resolve("hello"), "hi\n");
        for (ArchiveFormat format : ArchiveFormat.values()) {
            Path archive = dir.resolve("a." + format.extension());
            ArchiveWriter.write(archive, format, "app-1.0-x", List.of(new ArchiveEntry("bin/hello", file, true, "bin")),
                    OutputTimestamp.FIXED);
            Path into = dir.resolve("out-" + format);
            assertThat(ArchiveReader.extract(archive, format, into)).containsExactly("app-1.0-x", "app-1.0-x/bin",
                    "app-1.0-x/bin/hello");
            assertThat(into.resolve("app-1.0-x/bin/hello")).hasContent("hi");
        }
    }

    @Test
    void anEntryLeavingTheFolderIsRefused() throws Exception {
        Path archive = dir.resolve("evil.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            byte[] data = "x".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("app/../../escaped");
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        }
        assertThatThrownBy(() -> ArchiveReader.extract(archive, ArchiveFormat.TAR_GZ, dir.resolve("out")))
                .isInstanceOf(IOException.class).hasMessageContaining("points outside the archive's folder");
        assertThat(dir.resolve("escaped")).doesNotExist();
    }
}
