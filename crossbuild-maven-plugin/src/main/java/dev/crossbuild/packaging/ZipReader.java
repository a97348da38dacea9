package dev.crossbuild.packaging;

import static dev.crossbuild.packaging.ArchiveReader.describe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a {@code .zip} through the guard: folders and regular files only (by their Unix mode where the zip has
 * one), each entry's bytes checked against the CRC-32 the zip records, a zip without its central directory refused
 * as truncated.
 */
final class ZipReader {

    private static final int UNIX_FILE_TYPE = 0170000;
    private static final int UNIX_REGULAR_FILE = 0100000;
    private static final int UNIX_DIRECTORY = 040000;
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};

    private final UnpackGuard guard;

    ZipReader(UnpackGuard guard) {
        this.guard = guard;
    }

    void unpack() throws IOException {
        try (ZipFile zip = openZip()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                guard.current = entry.getName();
                zipEntry(zip, entry);
                guard.previous = guard.current;
            }
        }
    }

    private ZipFile openZip() throws IOException {
        try {
            return ZipFile.builder().setPath(guard.archive).get();
        } catch (IOException e) {
            byte[] start;
            try (InputStream in = Files.newInputStream(guard.archive)) {
                start = in.readNBytes(ZIP_LOCAL_HEADER.length);
            }
            if (Arrays.equals(start, ZIP_LOCAL_HEADER)) {
                throw new ArchiveRefusedException(guard.archive, null, guard.archive + " is truncated or damaged: it"
                        + " starts as a zip archive, but the central directory a zip ends with is missing or"
                        + " unreadable", e);
            }
            throw new ArchiveRefusedException(guard.archive, null, guard.archive + " is not a zip archive ("
                    + describe(e) + ")", e);
        }
    }

    private void zipEntry(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        String name = entry.getName();
        int type = entry.getUnixMode() & UNIX_FILE_TYPE; // 0 when the zip was not written on Unix
        if (entry.isUnixSymlink()) {
            throw guard.link(name, "symbolic", zipLinkTarget(zip, entry));
        }
        if (type != 0 && type != UNIX_REGULAR_FILE && type != UNIX_DIRECTORY) {
            throw guard.special(name, "a special file (Unix mode " + Integer.toOctalString(entry.getUnixMode()) + ")");
        }
        if (entry.isDirectory() || type == UNIX_DIRECTORY) {
            guard.folder(name);
            return;
        }
        if (!zip.canReadEntryData(entry)) {
            throw guard.refused(name, "is encrypted or compressed in a way this reader does not know (method "
                    + entry.getMethod() + "): refused, the plugin's archives are deflated or stored");
        }
        guard.file(name, entry.getSize(), entry.getCrc(), () -> zip.getInputStream(entry));
    }

    private String zipLinkTarget(ZipFile zip, ZipArchiveEntry entry) {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readNBytes(ArchiveReader.SHOWN_CHARACTERS * 4), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "?";
        }
    }
}
