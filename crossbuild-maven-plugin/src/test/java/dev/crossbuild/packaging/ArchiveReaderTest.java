package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    private static final long MIB = 1L << 20;

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
    void aTarOfAFoldersContentsUnpacksIntoTheFolder() throws Exception {
        Path archive = tarGz("dot.tar.gz", tar -> {
            tar.putArchiveEntry(new TarArchiveEntry("./", TarConstants.LF_DIR));
            tar.closeArchiveEntry();
            file(tar, "./app/x", "x");
        });
        Path into = dir.resolve("out");
        assertThat(ArchiveReader.extract(archive, ArchiveFormat.TAR_GZ, into)).containsExactly(".", "./app/x");
        assertThat(into.resolve("app/x")).hasContent("x");
    }

    @Test
    void symbolicAndHardLinksAreRefusedInTars() throws Exception {
        for (byte type : new byte[] {TarConstants.LF_SYMLINK, TarConstants.LF_LINK}) {
            Path archive = tarGz("links-" + (char) type + ".tar.gz", tar -> {
                file(tar, "app/README", "read me");
                TarArchiveEntry link = new TarArchiveEntry("app/passwd", type);
                link.setLinkName("/etc/passwd");
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            });
            Path into = dir.resolve("out-" + (char) type);
            assertThat(refusal(archive, ArchiveFormat.TAR_GZ, into)).hasMessage(archive + ": entry `app/passwd` is a "
                    + (type == TarConstants.LF_SYMLINK ? "symbolic" : "hard") + " link to `/etc/passwd`: refused,"
                    + " the plugin's archives hold no links");
            assertThat(into.resolve("app/passwd")).doesNotExist();
        }
    }

    @Test
    void aSymbolicLinkIsRefusedInAZip() throws Exception {
        Path archive = dir.resolve("link.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            ZipArchiveEntry link = new ZipArchiveEntry("app/passwd");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        Path into = dir.resolve("out");
        ArchiveRefusedException refused = refusal(archive, ArchiveFormat.ZIP, into);
        assertThat(refused).hasMessage(archive + ": entry `app/passwd` is a symbolic link to `/etc/passwd`: refused,"
                + " the plugin's archives hold no links");
        assertThat(refused.entry()).isEqualTo("app/passwd");
        assertThat(refused.archive()).isEqualTo(archive);
        assertThat(into.resolve("app/passwd")).doesNotExist();
    }

    @Test
    void devicesAndPipesAreRefused() throws Exception {
        Path archive = tarGz("fifo.tar.gz", tar -> {
            tar.putArchiveEntry(new TarArchiveEntry("app/pipe", TarConstants.LF_FIFO));
            tar.closeArchiveEntry();
        });
        assertThat(refusal(archive, ArchiveFormat.TAR_GZ, dir.resolve("out")))
                .hasMessageContaining("entry `app/pipe` is a named pipe: refused, the plugin's archives hold only files"
                        + " and folders");
    }

    @Test
    void anEntryLeavingTheFolderIsRefused() throws Exception {
        Path absolute = tarGz("absolute.tar.gz", tar -> file(tar, new TarArchiveEntry("/tmp/escaped", true), "x"));
        assertThat(refusal(absolute, ArchiveFormat.TAR_GZ, dir.resolve("out/into"))).hasMessage(absolute
                + ": entry `/tmp/escaped` points outside the folder the archive is unpacked into: refused");
        for (String name : List.of("app/../../escaped", "app/../app2/x", "..", "app\\..\\..\\escaped")) {
            Path archive = tarGz("evil.tar.gz", tar -> file(tar, name, "x"));
            assertThat(refusal(archive, ArchiveFormat.TAR_GZ, dir.resolve("out/into"))).hasMessage(archive
                    + ": entry `" + name + "` has a `..` in its path: refused, it could point outside the folder the"
                    + " archive is unpacked into");
        }
        Path zip = dir.resolve("evil.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.putArchiveEntry(new ZipArchiveEntry("../escaped"));
            out.write('x');
            out.closeArchiveEntry();
        }
        assertThat(refusal(zip, ArchiveFormat.ZIP, dir.resolve("out/into"))).hasMessageContaining("entry `../escaped`"
                + " has a `..` in its path");
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(dir.resolve("out/escaped")).doesNotExist();
    }

    @Test
    void anEntryIsNeverWrittenThroughALinkOrOverAnother() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path into = Files.createDirectories(dir.resolve("into"));
        Files.createSymbolicLink(into.resolve("app"), outside);
        Path throughLink = tarGz("through.tar.gz", tar -> file(tar, "app/x", "x"));
        assertThat(refusal(throughLink, ArchiveFormat.TAR_GZ, into))
                .hasMessage(throughLink + ": entry `app/x` would be written through `app`, a link: refused");
        assertThat(outside).isEmptyDirectory();

        Path insideAFile = tarGz("inside.tar.gz", tar -> {
            file(tar, "app/a", "a file");
            file(tar, "app/a/b", "under it");
        });
        assertThat(refusal(insideAFile, ArchiveFormat.TAR_GZ, dir.resolve("out1")))
                .hasMessage(insideAFile + ": entry `app/a/b` would be written inside `app/a`, which an earlier entry"
                        + " made a file: refused");

        Path twice = tarGz("twice.tar.gz", tar -> {
            file(tar, "app/a", "first");
            file(tar, "app/a", "second");
        });
        assertThat(refusal(twice, ArchiveFormat.TAR_GZ, dir.resolve("out2")))
                .hasMessage(twice + ": entry `app/a` is in the archive twice: refused, the second would overwrite the"
                        + " first");
        assertThat(dir.resolve("out2/app/a")).hasContent("first");
    }

    @Test
    void everyTruncationIsRefusedAndSaysSo() throws Exception {
        Path source = Files.write(dir.resolve("data"), randomBytes(100));
        for (ArchiveFormat format : ArchiveFormat.values()) {
            Path whole = dir.resolve("whole." + format.extension());
            ArchiveWriter.write(whole, format, "app", List.of(new ArchiveEntry("data", source, false, "file")),
                    OutputTimestamp.FIXED);
            byte[] bytes = Files.readAllBytes(whole);
            for (int length = 0; length < bytes.length; length++) {
                Path cut = Files.write(dir.resolve("cut." + format.extension()), Arrays.copyOf(bytes, length));
                Path into = dir.resolve("cut-" + format + "-" + length);
                ArchiveRefusedException refused = refusal(cut, format, into);
                assertThat(refused.getMessage()).as("%s cut to %d bytes", format, length).startsWith(cut.toString());
                if (length >= 4) {
                    assertThat(refused.getMessage()).as("%s cut to %d bytes", format, length).contains(" is truncated");
                }
            }
        }
    }

    @Test
    void aZipEntryWhoseBytesDoNotMatchItsCrcIsRefused() throws Exception {
        Path archive = dir.resolve("damaged.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            ZipArchiveEntry entry = new ZipArchiveEntry("app/x");
            entry.setMethod(ZipArchiveEntry.STORED);
            zip.putArchiveEntry(entry);
            zip.write("hello, world".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        byte[] bytes = Files.readAllBytes(archive);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("hello, world");
        bytes[at] ^= 1;
        Files.write(archive, bytes);
        assertThat(refusal(archive, ArchiveFormat.ZIP, dir.resolve("out"))).hasMessage(archive + ": entry `app/x` is"
                + " damaged: its bytes do not match the CRC-32 the archive records for them");
    }

    @Test
    void aTarThatStopsAtARecordEdgeWithoutItsEndIsTruncated() throws Exception {
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            file(tar, "app/a", "a");
            file(tar, "app/b", "b");
        }
        // the header and data record of app/a only: a valid gzip of a tar cut at a record's edge
        Path archive = gzip("edge.tar.gz", Arrays.copyOf(tarBytes.toByteArray(), 1024));
        assertThat(refusal(archive, ArchiveFormat.TAR_GZ, dir.resolve("out"))).hasMessage(archive + " is truncated:"
                + " the tar inside it stops after entry `app/a` without its end-of-archive marker");
    }

    @Test
    void byteFlipsAreRefusedOrUnpackedInsideTheFolder() throws Exception {
        Path source = Files.write(dir.resolve("data"), randomBytes(100));
        for (ArchiveFormat format : ArchiveFormat.values()) {
            Path whole = dir.resolve("whole." + format.extension());
            ArchiveWriter.write(whole, format, "app", List.of(new ArchiveEntry("data", source, false, "file")),
                    OutputTimestamp.FIXED);
            byte[] bytes = Files.readAllBytes(whole);
            for (int i = 0; i < bytes.length; i++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= 0x5a;
                Path archive = Files.write(dir.resolve("flipped." + format.extension()), flipped);
                Path into = dir.resolve("flips/" + format + "-" + i);
                Throwable thrown = catchThrowable(() -> ArchiveReader.extract(archive, format, into));
                assertThat(thrown).as("%s with byte %d flipped", format, i).satisfiesAnyOf(
                        t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ArchiveRefusedException.class));
            }
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.startsWith(dir.resolve("flips"))).map(p -> dir.relativize(p).toString()))
                    .containsExactlyInAnyOrder("", "data", "whole.zip", "whole.tar.gz", "flipped.zip",
                            "flipped.tar.gz");
        }
    }

    @Test
    void aHeaderPastTheLimitIsRefusedBeforeAnythingIsWritten() throws Exception {
        // the real limit: a header that says 5 GiB, followed by a little data, is refused on its header
        TarArchiveEntry huge = new TarArchiveEntry("app/zeros");
        huge.setSize(5L << 30);
        byte[] header = new byte[512];
        huge.writeEntryHeader(header, ZipEncodingHelper.getZipEncoding("UTF-8"), false);
        Path archive = gzip("huge.tar.gz", Arrays.copyOf(header, 512 + 4096));
        Path into = dir.resolve("out");
        assertThat(refusal(archive, ArchiveFormat.TAR_GZ, into)).hasMessage(archive + ": entry `app/zeros` takes what"
                + " it unpacks past 4 GiB, the most the plugin unpacks from one archive: refused before it fills the disk");
        assertThat(into.resolve("app/zeros")).doesNotExist();
        assertThat(ArchiveReader.MAX_UNPACKED_BYTES).isEqualTo(4L << 30);
    }

    @Test
    void zerosAfterTheTarAreCountedAsTheyStream() throws Exception {
        ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
            file(tar, "app/a", "a");
        }
        // a small tar, then 64 MiB of zeros in the same gzip stream: no header says how much
        Path archive = dir.resolve("bomb.tar.gz");
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(archive))) {
            out.write(tarBytes.toByteArray());
            byte[] zeros = new byte[(int) MIB];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertThat(Files.size(archive)).isLessThan(MIB);
        assertThat(refusal(new ArchiveReader(MIB), archive, ArchiveFormat.TAR_GZ, dir.resolve("out")))
                .hasMessage(archive + " unpacks to more than 1 MiB, the most the plugin unpacks from one"
                        + " archive: refused before it fills the disk");
    }

    @Test
    void aZipEntryIsCountedAsItStreamsWhateverItsHeaderSays() throws Exception {
        Path archive = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            zip.putArchiveEntry(new ZipArchiveEntry("app/zeros"));
            zip.write(new byte[(int) (8 * MIB)]);
            zip.closeArchiveEntry();
        }
        // the local header and the central directory both say 10 bytes
        byte[] bytes = Files.readAllBytes(archive);
        patchSize(bytes, new byte[] {'P', 'K', 1, 2}, 24);
        patchSize(bytes, new byte[] {'P', 'K', 3, 4}, 22);
        Files.write(archive, bytes);
        Path into = dir.resolve("out");
        assertThat(refusal(new ArchiveReader(MIB), archive, ArchiveFormat.ZIP, into)).hasMessage(archive
                + ": entry `app/zeros` takes what it unpacks past 1 MiB, the most the plugin unpacks from one"
                + " archive: refused before it fills the disk");
        assertThat(Files.size(into.resolve("app/zeros"))).isLessThanOrEqualTo(MIB);
    }

    @Test
    void theLimitIsOnTheWholeArchiveNotEachEntry() throws Exception {
        Path archive = dir.resolve("many.zip");
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            for (String name : List.of("app/a", "app/b", "app/c")) {
                zip.putArchiveEntry(new ZipArchiveEntry(name));
                zip.write(new byte[(int) (MIB / 2)]);
                zip.closeArchiveEntry();
            }
        }
        assertThat(refusal(new ArchiveReader(MIB), archive, ArchiveFormat.ZIP, dir.resolve("out")))
                .hasMessageContaining("entry `app/c` takes what it unpacks past 1 MiB");
        assertThat(new ArchiveReader(2 * MIB).unpack(archive, ArchiveFormat.ZIP, dir.resolve("out2")))
                .containsExactly("app/a", "app/b", "app/c");
    }

    @Test
    void namesInMessagesShowNoControlCharacters() {
        assertThat(ArchiveReader.printable("a\u001b[31mb\nc")).isEqualTo("a\\u{1b}[31mb\\u{a}c");
        assertThat(ArchiveReader.printable("x".repeat(300))).hasSize(201).endsWith("…");
        assertThat(ArchiveReader.size(4L << 30)).isEqualTo("4 GiB");
        assertThat(ArchiveReader.size(3 * MIB / 2)).isEqualTo("1536 KiB");
        assertThat(ArchiveReader.size(1000)).isEqualTo("1000 bytes");
    }

    private interface TarContent {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private Path tarGz(String name, TarContent content) throws IOException {
        Path archive = dir.resolve(name);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(archive)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            content.write(tar);
        }
        return archive;
    }

    private Path gzip(String name, byte[] data) throws IOException {
        Path archive = dir.resolve(name);
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(archive))) {
            out.write(data);
        }
        return archive;
    }

    private static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
        file(tar, new TarArchiveEntry(name), text);
    }

    private static void file(TarArchiveOutputStream tar, TarArchiveEntry entry, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static ArchiveRefusedException refusal(Path archive, ArchiveFormat format, Path into) {
        return refusal(new ArchiveReader(ArchiveReader.MAX_UNPACKED_BYTES), archive, format, into);
    }

    private static ArchiveRefusedException refusal(ArchiveReader reader, Path archive, ArchiveFormat format,
            Path into) {
        Throwable thrown = catchThrowable(() -> reader.unpack(archive, format, into));
        assertThat(thrown).as("unpacking %s", archive).isInstanceOf(ArchiveRefusedException.class);
        return (ArchiveRefusedException) thrown;
    }

    /** Sets the 4-byte size field at {@code offset} after the signature to 10. */
    private static void patchSize(byte[] bytes, byte[] signature, int offset) {
        for (int i = 0; i + signature.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + signature.length, signature, 0, signature.length)) {
                bytes[i + offset] = 10;
                bytes[i + offset + 1] = 0;
                bytes[i + offset + 2] = 0;
                bytes[i + offset + 3] = 0;
                return;
            }
        }
        throw new AssertionError("no signature");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
