package dev.crossbuild.packaging;

import static dev.crossbuild.packaging.ArchiveReader.printable;
import static dev.crossbuild.packaging.ArchiveReader.describe;
import static dev.crossbuild.packaging.ArchiveReader.size;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The guard every archive format unpacks through: each entry placed below the folder, never through a link and never
 * over an earlier entry, every byte counted against the limit, and every failure of a read named as the archive's,
 * with the entry it happened in.
 */
final class UnpackGuard {

    static final int BUFFER = 64 * 1024;

    /** A read of the archive's bytes: its failures are the archive's. */
    interface Read<T> {
        T get() throws IOException;
    }

    final Path archive;
    final ArchiveFormat format;
    final Path into;
    final long limit;
    final List<String> names = new ArrayList<>();
    /** Bytes written to unpacked files so far. */
    private long unpacked;
    /** The entry being read, and the one before, for messages. */
    String current;
    String previous;

    UnpackGuard(Path archive, ArchiveFormat format, Path into, long limit) {
        this.archive = archive;
        this.format = format;
        this.into = into;
        this.limit = limit;
    }

    /** A folder entry: made, or already made by an earlier entry. */
    void folder(String name) throws IOException {
        Path folder = place(name);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(name, "is a folder where an earlier entry put a file: refused");
            }
            return;
        }
        Files.createDirectory(folder);
    }

    /**
     * A file entry, streamed into a new file and counted against the limit as it goes.
     *
     * @param crc the CRC-32 the archive records for the entry's bytes, or -1
     */
    void file(String name, long declaredSize, long crc, Read<InputStream> data) throws IOException {
        Path target = place(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(name, Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                    ? "is a file where an earlier entry made a folder: refused"
                    : "is in the archive twice: refused, the second would overwrite the first");
        }
        if (declaredSize > limit - unpacked) {
            throw tooLarge(name);
        }
        try (InputStream in = reading(data);
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            CRC32 actual = new CRC32();
            for (int n = reading(() -> in.read(buffer)); n >= 0; n = reading(() -> in.read(buffer))) {
                if (n > limit - unpacked) {
                    throw tooLarge(name);
                }
                unpacked += n;
                actual.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            if (crc >= 0 && actual.getValue() != crc) {
                throw refused(name, "is damaged: its bytes do not match the CRC-32 the archive records for them");
            }
        } catch (FileAlreadyExistsException e) {
            throw refused(name, "is in the archive twice: refused, the second would overwrite the first");
        }
    }

    /**
     * Where an entry goes: below the folder, with every folder on the way made by this unpacking or found as a
     * real folder, never a link. Records the name.
     */
    private Path place(String name) throws IOException {
        String bare = name;
        while (bare.endsWith("/")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        for (String segment : bare.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refused(name, "has a `..` in its path: refused, it could point outside the folder the"
                        + " archive is unpacked into");
            }
        }
        Path target;
        try {
            target = into.resolve(bare).normalize();
        } catch (InvalidPathException e) {
            throw refused(name, "is not a file name this machine can hold (" + e.getReason() + "): refused");
        }
        if (bare.isEmpty() || name.startsWith("/") || !target.startsWith(into)) {
            throw outside(name);
        }
        Path folder = into;
        // `.`, as a tar of a folder's contents starts, is the folder itself: nothing on the way
        for (Path part : target.equals(into) ? List.<Path>of() : into.relativize(target.getParent())) {
            folder = folder.resolve(part);
            if (Files.isSymbolicLink(folder)) {
                throw refused(name, "would be written through `" + into.relativize(folder) + "`, a link: refused");
            }
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            } else if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(name, "would be written inside `" + into.relativize(folder) + "`, which an earlier"
                        + " entry made a file: refused");
            }
        }
        if (Files.isSymbolicLink(target)) {
            throw refused(name, "would be written through `" + into.relativize(target) + "`, a link: refused");
        }
        names.add(bare);
        return target;
    }

    /** Runs a read of the archive's bytes; what goes wrong there is the archive's fault, named as such. */
    <T> T reading(Read<T> read) throws IOException {
        try {
            return read.get();
        } catch (ArchiveRefusedException e) {
            throw e;
        } catch (IOException e) {
            if (e instanceof EOFException || String.valueOf(e.getMessage()).startsWith("Truncated")) {
                throw new ArchiveRefusedException(archive, current, archive + " is truncated: it ends" + where()
                        + " before the archive is complete (cut off on the way, or written to a full disk?)", e);
            }
            throw unreadable(e);
        } catch (RuntimeException e) {
            // commons-compress meeting bytes it does not expect: still the archive's fault, still a message
            throw unreadable(e);
        }
    }

    private ArchiveRefusedException unreadable(Exception e) {
        return new ArchiveRefusedException(archive, current, archive + " cannot be read as a ." + format.extension()
                + " archive" + where() + ": " + describe(e), e);
    }

    private String where() {
        return current != null ? " in entry `" + printable(current) + "`" : after();
    }

    String after() {
        return previous == null ? "" : " after entry `" + printable(previous) + "`";
    }

    ArchiveRefusedException tooLarge(String name) {
        String what = name == null ? " unpacks to more than " : ": entry `" + printable(name) + "` takes what it"
                + " unpacks past ";
        return new ArchiveRefusedException(archive, name, archive + what + size(limit) + ", the most the plugin"
                + " unpacks from one archive: refused before it fills the disk", null);
    }

    ArchiveRefusedException outside(String name) {
        return refused(name, "points outside the folder the archive is unpacked into: refused");
    }

    ArchiveRefusedException special(String name, String what) {
        return refused(name, "is " + what + ": refused, the plugin's archives hold only files and folders");
    }

    ArchiveRefusedException link(String name, String kind, String target) {
        return refused(name, "is a " + kind + " link to `" + printable(target) + "`: refused, the"
                + " plugin's archives hold no links");
    }

    ArchiveRefusedException refused(String name, String reason) {
        return new ArchiveRefusedException(archive, name, archive + ": entry `" + printable(name) + "` " + reason,
                null);
    }
}
