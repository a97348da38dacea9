package dev.crossbuild.packaging;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Unpacks an archive the plugin wrote (or a CI job did) into a folder, refusing entries that leave it. */
public final class ArchiveReader {

    private ArchiveReader() {
    }

    /** @return the entry names, in archive order */
    public static List<String> extract(Path archive, ArchiveFormat format, Path into) throws IOException {
        Files.createDirectories(into);
        List<String> names = new ArrayList<>();
        if (format == ArchiveFormat.ZIP) {
            try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
                Enumeration<ZipArchiveEntry> entries = zip.getEntries();
                while (entries.hasMoreElements()) {
                    ZipArchiveEntry entry = entries.nextElement();
                    try (InputStream in = zip.getInputStream(entry)) {
                        write(entry, in, into, names);
                    }
                }
            }
        } else {
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                    new BufferedInputStream(Files.newInputStream(archive))))) {
                for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    write(entry, tar, into, names);
                }
            }
        }
        return names;
    }

    private static void write(ArchiveEntry entry, InputStream in, Path into, List<String> names) throws IOException {
        String name = entry.getName();
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into.normalize()) || name.startsWith("/")) {
            throw new IOException("entry `" + name + "` points outside the archive's folder");
        }
        names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
    }
}
