package dev.crossbuild.it;

import dev.crossbuild.packaging.Checksums;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Helpers for the packaging scenarios' verify scripts: unpacking archives and reading entry modes. */
public final class PackageItSupport {

    private PackageItSupport() {
    }

    public static String sha256(File file) throws IOException {
        return Checksums.sha256(file.toPath());
    }

    /**
     * Unpacks a tar.gz or zip into a directory, giving files the owner-execute bit their entry mode
     * has, and returns the entry names in archive order.
     */
    public static List<String> unpack(File archive, File into) throws IOException {
        List<String> names = new ArrayList<>();
        if (archive.getName().endsWith(".zip")) {
            try (ZipFile zip = ZipFile.builder().setFile(archive).get()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                    names.add(entry.getName());
                    try (InputStream in = zip.getInputStream(entry)) {
                        extract(entry.getName(), entry.isDirectory(), entry.getUnixMode(), in, into.toPath());
                    }
                }
            }
            return names;
        }
        try (InputStream file = Files.newInputStream(archive.toPath());
                ArchiveInputStream<TarArchiveEntry> tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                names.add(entry.getName());
                extract(entry.getName(), entry.isDirectory(), entry.getMode(), tar, into.toPath());
            }
        }
        return names;
    }

    /** The permission bits of one entry of a tar.gz. */
    public static int tarMode(File archive, String name) throws IOException {
        try (InputStream file = Files.newInputStream(archive.toPath());
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return entry.getMode() & 07777;
                }
            }
        }
        throw new AssertionError(name + " is not in " + archive);
    }

    private static void extract(String name, boolean directory, int mode, InputStream in, Path into)
            throws IOException {
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into.normalize())) {
            throw new AssertionError("entry escapes the archive: " + name);
        }
        if (directory) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        if ((mode & 0100) != 0) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
