package dev.crossbuild.nativejar;

import dev.crossbuild.core.ReadableFiles;
import java.io.IOException;
import java.io.InputStream;
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
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a reproducible JAR: {@code META-INF/MANIFEST.MF} first, then every folder and file sorted by name, each
 * with the same time, modes normalized (0755 folders and libraries, 0644 other files), no extra fields. The same
 * entries and time always give the same bytes. A JAR whose bytes would not change is left alone, with its
 * modification time, so that what depends on it sees nothing new.
 */
final class JarWriter {

    private static final int REGULAR_FILE = 0100000;
    private static final int DIRECTORY = 040000;
    static final String MANIFEST = "META-INF/MANIFEST.MF";

    /** One file of the JAR: its bytes come from {@code source}, or are {@code content}. */
    record Entry(String name, Path source, byte[] content, boolean executable) {

        static Entry file(String name, Path source) {
            return new Entry(name, source, null, true);
        }

        static Entry text(String name, byte[] content) {
            return new Entry(name, null, content, false);
        }

        InputStream open() throws IOException {
            return source != null ? Files.newInputStream(source) : new java.io.ByteArrayInputStream(content);
        }
    }

    private JarWriter() {
    }

    /**
     * Writes the JAR unless a file with exactly these bytes is already there.
     *
     * @return whether the file was written (false: it already held these bytes and was kept)
     */
    static boolean write(Path jar, List<Entry> entries, Instant time) throws IOException {
        Path directory = jar.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        deleteLeftovers(directory, "." + jar.getFileName());
        Path temp = Files.createTempFile(directory, "." + jar.getFileName(), ".tmp");
        try {
            writeZip(temp, entries, time);
            if (Files.isRegularFile(jar) && Files.size(jar) == Files.size(temp) && Files.mismatch(jar, temp) == -1L) {
                return false;
            }
            ReadableFiles.makeReadable(temp);
            try {
                Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The manifest every native JAR has: a JAR tool and a class loader see a plain JAR. */
    static byte[] manifest() {
        return ("Manifest-Version: 1.0\r\nCreated-By: crossbuild-maven-plugin\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeZip(Path file, List<Entry> entries, Instant time) throws IOException {
        List<Entry> files = new ArrayList<>(entries);
        files.removeIf(e -> e.name().equals(MANIFEST));
        files.sort(Comparator.comparing(Entry::name));
        TreeSet<String> directories = new TreeSet<>();
        for (Entry entry : files) {
            String name = entry.name();
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                directories.add(name.substring(0, slash + 1));
            }
        }
        directories.remove("META-INF/");
        long dosTime = zipTime(time);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            zip.setEncoding("UTF-8");
            // as the jar tool writes it: the folder, then the manifest, so a JarInputStream finds it
            directory(zip, "META-INF/", dosTime);
            file(zip, Entry.text(MANIFEST, manifest()), dosTime);
            for (String directory : directories) {
                directory(zip, directory, dosTime);
            }
            for (Entry entry : files) {
                file(zip, entry, dosTime);
            }
            zip.finish();
        }
    }

    private static void directory(ZipArchiveOutputStream zip, String name, long dosTime) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(DIRECTORY | 0755);
        entry.setTime(dosTime);
        zip.putArchiveEntry(entry);
        zip.closeArchiveEntry();
    }

    private static void file(ZipArchiveOutputStream zip, Entry source, long dosTime) throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(source.name());
        entry.setUnixMode(REGULAR_FILE | (source.executable() ? 0755 : 0644));
        entry.setTime(dosTime);
        entry.setMethod(ZipArchiveEntry.DEFLATED);
        zip.putArchiveEntry(entry);
        try (InputStream in = source.open()) {
            in.transferTo(zip);
        }
        zip.closeArchiveEntry();
    }

    /** Zip stores local time fields: shifted by the JVM's zone offset, they hold the UTC ones on every machine. */
    private static long zipTime(Instant time) {
        long millis = time.toEpochMilli();
        return millis - TimeZone.getDefault().getOffset(millis);
    }

    private static void deleteLeftovers(Path directory, String prefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, prefix + "*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
