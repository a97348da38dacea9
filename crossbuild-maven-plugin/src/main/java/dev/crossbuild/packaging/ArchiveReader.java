package dev.crossbuild.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Unpacks an archive the plugin wrote, or one a CI job says it did, into a folder. The bytes are not trusted: only
 * folders and regular files are unpacked, each into a new file below the folder, never through a link and never
 * over an earlier entry. Links (symbolic and hard), devices, paths that leave the folder, truncated archives and
 * archives that unpack to more than {@link #MAX_UNPACKED_BYTES} are refused with an
 * {@link ArchiveRefusedException} naming the archive and the entry. Sizes are counted as the bytes stream, never
 * taken from the headers alone.
 */
public final class ArchiveReader {

    /**
     * The most one archive may unpack to: the sum of a zip's entries, the whole tar inside a {@code .tar.gz}. A
     * target's binaries take a small part of it; a hostile archive is refused before it fills the disk.
     */
    public static final long MAX_UNPACKED_BYTES = 4L << 30;

    static final int SHOWN_CHARACTERS = 200;

    private final long limit;

    /** @param limit the most the archive may unpack to; tests give a small one */
    ArchiveReader(long limit) {
        this.limit = limit;
    }

    /**
     * @return the entry names, in archive order, without a folder's trailing slash
     * @throws ArchiveRefusedException when the archive is truncated, unreadable, too large or unsafe to unpack
     * @throws IOException             when the folder cannot be written
     */
    public static List<String> extract(Path archive, ArchiveFormat format, Path into) throws IOException {
        return new ArchiveReader(MAX_UNPACKED_BYTES).unpack(archive, format, into);
    }

    List<String> unpack(Path archive, ArchiveFormat format, Path into) throws IOException {
        UnpackGuard guard = new UnpackGuard(archive, format, into.toAbsolutePath().normalize(), limit);
        Files.createDirectories(guard.into);
        if (format == ArchiveFormat.ZIP) {
            new ZipReader(guard).unpack();
        } else {
            new TarGzReader(guard).unpack();
        }
        return guard.names;
    }

    /** Text from an archive as a message shows it: no control character reaches the log, and not a page of it. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(SHOWN_CHARACTERS).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append("\\u{").append(Integer.toHexString(c)).append('}');
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > SHOWN_CHARACTERS ? out + "…" : out.toString();
    }

    /** A size as the limit is written: whole GiB, MiB or KiB where it is one. */
    static String size(long bytes) {
        String[] units = {"KiB", "MiB", "GiB"};
        for (int i = units.length - 1; i >= 0; i--) {
            long unit = 1L << (10 * (i + 1));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + units[i];
            }
        }
        return bytes + " bytes";
    }

    static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
