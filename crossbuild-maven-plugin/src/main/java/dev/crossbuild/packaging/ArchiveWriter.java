package dev.crossbuild.packaging;

import dev.crossbuild.core.ReadableFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes reproducible archives: entries sorted by name under one top folder, every time set to the
 * same instant, owner 0/0 without names, modes normalized to 0755 (directories, executables) or
 * 0644. The archive is written to a temporary file beside the final one and moved into place, so
 * the final name never holds a partial archive.
 */
public final class ArchiveWriter {

    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 040000;

    private ArchiveWriter() {
    }

    public static void write(Path archive, ArchiveFormat format, String topFolder, List<ArchiveEntry> entries,
            Instant time) throws IOException {
        List<ArchiveEntry> files = new ArrayList<>(entries);
        files.sort(Comparator.comparing(ArchiveEntry::name));
        TreeSet<String> directories = new TreeSet<>();
        directories.add(topFolder + "/");
        for (ArchiveEntry entry : files) {
            String name = entry.name();
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                directories.add(topFolder + "/" + name.substring(0, slash + 1));
            }
        }
        Path directory = archive.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        deleteLeftovers(directory, "." + archive.getFileName());
        Path temp = Files.createTempFile(directory, "." + archive.getFileName(), ".tmp");
        try {
            if (format == ArchiveFormat.ZIP) {
                writeZip(temp, topFolder, directories, files, time);
            } else {
                writeTarGz(temp, topFolder, directories, files, time);
            }
            ReadableFiles.makeReadable(temp);
            try {
                Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files of a run that was killed before it could delete them. */
    private static void deleteLeftovers(Path directory, String prefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, prefix + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void writeTarGz(Path target, String top, TreeSet<String> directories, List<ArchiveEntry> files,
            Instant time) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target));
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out, gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String directory : directories) {
                TarArchiveEntry entry = new TarArchiveEntry(directory, TarArchiveEntry.LF_DIR);
                normalize(entry, DIRECTORY | 0755, time);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (ArchiveEntry source : files) {
                TarArchiveEntry entry = new TarArchiveEntry(top + "/" + source.name(), TarArchiveEntry.LF_NORMAL);
                normalize(entry, REGULAR_FILE | mode(source), time);
                entry.setSize(Files.size(source.source()));
                tar.putArchiveEntry(entry);
                Files.copy(source.source(), tar);
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void normalize(TarArchiveEntry entry, int mode, Instant time) {
        entry.setMode(mode);
        entry.setIds(0, 0);
        entry.setNames("", "");
        entry.setModTime(time.getEpochSecond() * 1000);
    }

    private static void writeZip(Path file, String top, TreeSet<String> directories, List<ArchiveEntry> files,
            Instant time) throws IOException {
        long dosTime = zipTime(time);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setEncoding("UTF-8");
            for (String directory : directories) {
                ZipArchiveEntry entry = new ZipArchiveEntry(directory);
                entry.setUnixMode(DIRECTORY | 0755);
                entry.setTime(dosTime);
                zip.putArchiveEntry(entry);
                zip.closeArchiveEntry();
            }
            for (ArchiveEntry source : files) {
                ZipArchiveEntry entry = new ZipArchiveEntry(top + "/" + source.name());
                entry.setUnixMode(REGULAR_FILE | mode(source));
                entry.setTime(dosTime);
                entry.setMethod(ZipArchiveEntry.DEFLATED);
                zip.putArchiveEntry(entry);
                Files.copy(source.source(), zip);
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /**
     * Zip stores local date and time fields, converted with the JVM's time zone: shift the instant by
     * that zone's offset so the stored fields are the UTC ones on every machine (as Maven's own
     * archivers do for {@code project.build.outputTimestamp}).
     */
    static long zipTime(Instant time) {
        long millis = time.toEpochMilli();
        return millis - TimeZone.getDefault().getOffset(millis);
    }

    private static int mode(ArchiveEntry entry) {
        return entry.executable() ? 0755 : 0644;
    }
}
