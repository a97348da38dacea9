package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArchiveWriterTest {

    private static final Instant TIME = Instant.parse("2024-05-06T07:08:10Z");

    @TempDir
    Path dir;

    private List<ArchiveEntry> entries() throws IOException {
        Path exe = Files.writeString(dir.resolve("tool"), "#!/bin/sh\n");
        Path readme = Files.writeString(dir.resolve("README.md"), "read me\n");
        Path doc = Files.writeString(dir.resolve("guide.txt"), "guide\n");
        // deliberately unsorted
        return List.of(new ArchiveEntry("tool", exe, true, "bin"), new ArchiveEntry("docs/guide.txt", doc, false,
                "file"), new ArchiveEntry("README.md", readme, false, "file"));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void sameInputsGiveIdenticalBytesEvenInAnotherTimeZone(ArchiveFormat format) throws Exception {
        Path first = dir.resolve("first." + format.extension());
        Path second = dir.resolve("second." + format.extension());
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            ArchiveWriter.write(first, format, "app-1.0-x", entries(), TIME);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            Thread.sleep(1100);
            ArchiveWriter.write(second, format, "app-1.0-x", entries(), TIME);
        } finally {
            TimeZone.setDefault(original);
        }
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void tarHasSortedEntriesUnderOneTopFolderWithNormalizedOwnerModesAndTime() throws Exception {
        Path archive = dir.resolve("a.tar.gz");
        ArchiveWriter.write(archive, ArchiveFormat.TAR_GZ, "app-1.0-linux-x64", entries(), TIME);

        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName() + " " + Integer.toOctalString(e.getMode()));
                assertThat(e.getLongUserId()).isZero();
                assertThat(e.getLongGroupId()).isZero();
                assertThat(e.getUserName()).isEmpty();
                assertThat(e.getModTime().toInstant()).isEqualTo(TIME);
            }
        }
        assertThat(names).containsExactly(
                "app-1.0-linux-x64/ 40755",
                "app-1.0-linux-x64/docs/ 40755",
                "app-1.0-linux-x64/README.md 100644",
                "app-1.0-linux-x64/docs/guide.txt 100644",
                "app-1.0-linux-x64/tool 100755");
    }

    @Test
    void zipHasSortedEntriesWithUnixModesAndUtcTime() throws Exception {
        Path archive = dir.resolve("a.zip");
        ArchiveWriter.write(archive, ArchiveFormat.ZIP, "app-1.0-win", entries(), TIME);

        List<String> names = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
            for (ZipArchiveEntry e : java.util.Collections.list(zip.getEntriesInPhysicalOrder())) {
                names.add(e.getName() + " " + Integer.toOctalString(e.getUnixMode()));
                // the stored local fields are the UTC ones, read back in this JVM's zone
                assertThat(e.getTime()).isEqualTo(ArchiveWriter.zipTime(TIME));
            }
        }
        assertThat(names).containsExactly(
                "app-1.0-win/ 40755",
                "app-1.0-win/docs/ 40755",
                "app-1.0-win/README.md 100644",
                "app-1.0-win/docs/guide.txt 100644",
                "app-1.0-win/tool 100755");
    }

    @Test
    void removesTheTemporaryFileAKilledRunLeftBehind() throws Exception {
        Path archive = dir.resolve("a.tar.gz");
        Path leftover = Files.writeString(dir.resolve(".a.tar.gz12345.tmp"), "half an archive");

        ArchiveWriter.write(archive, ArchiveFormat.TAR_GZ, "top", entries(), TIME);

        assertThat(leftover).doesNotExist();
        assertThat(archive).isRegularFile();
    }

    @Test
    void aFailedWriteLeavesNeitherThePreviousNameTakenNorATemporaryFile() throws Exception {
        Path archive = dir.resolve("out").resolve("a.tar.gz");
        List<ArchiveEntry> broken = List.of(new ArchiveEntry("gone", dir.resolve("missing"), true, "bin"));

        assertThatThrownBy(() -> ArchiveWriter.write(archive, ArchiveFormat.TAR_GZ, "top", broken, TIME))
                .isInstanceOf(IOException.class);

        try (var files = Files.list(archive.getParent())) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
