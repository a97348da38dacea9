package dev.crossbuild.packaging;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

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

    private static final int BUFFER = 64 * 1024;
    private static final int SHOWN_CHARACTERS = 200;
    private static final int UNIX_FILE_TYPE = 0170000;
    private static final int UNIX_REGULAR_FILE = 0100000;
    private static final int UNIX_DIRECTORY = 040000;
    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final String NO_LINKS = ": refused, the plugin's archives hold no links";

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
        Unpacking unpacking = new Unpacking(archive, format, into.toAbsolutePath().normalize());
        Files.createDirectories(unpacking.into);
        if (format == ArchiveFormat.ZIP) {
            unpacking.zip();
        } else {
            unpacking.tarGz();
        }
        return unpacking.names;
    }

    /** A read of the archive's bytes: its failures are the archive's. */
    private interface Read<T> {
        T get() throws IOException;
    }

    /** One archive being unpacked. */
    private final class Unpacking {
        final Path archive;
        final ArchiveFormat format;
        final Path into;
        final List<String> names = new ArrayList<>();
        /** Bytes written to unpacked files so far. */
        long unpacked;
        /** The entry being read, and the one before, for messages. */
        String current;
        String previous;

        Unpacking(Path archive, ArchiveFormat format, Path into) {
            this.archive = archive;
            this.format = format;
            this.into = into;
        }

        void tarGz() throws IOException {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                    GzipCompressorInputStream gzip = reading(() -> new GzipCompressorInputStream(file))) {
                Counted tarBytes = new Counted(gzip);
                MarkedTar tar = new MarkedTar(tarBytes);
                for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
                    current = entry.getName();
                    tarEntry(entry, tar);
                }
                if (tar.endedWithoutMarker) {
                    throw new ArchiveRefusedException(archive, null, archive + " is truncated: the tar inside it stops"
                            + after() + " without its end-of-archive marker", null);
                }
                // the rest of the gzip stream, so that its length and checksum are checked too
                byte[] buffer = new byte[BUFFER];
                while (reading(() -> tarBytes.read(buffer)) >= 0) {
                    // counted, and refused past the limit, by Counted
                }
            }
        }

        private TarArchiveEntry next(TarArchiveInputStream tar) throws IOException {
            previous = current == null ? previous : current;
            current = null;
            return reading(tar::getNextEntry);
        }

        private void tarEntry(TarArchiveEntry entry, InputStream tar) throws IOException {
            String name = entry.getName();
            if (entry.isSymbolicLink()) {
                throw refused(name, "is a symbolic link to `" + printable(entry.getLinkName()) + "`" + NO_LINKS);
            }
            if (entry.isLink()) {
                throw refused(name, "is a hard link to `" + printable(entry.getLinkName()) + "`" + NO_LINKS);
            }
            if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                throw special(name, entry.isFIFO() ? "a named pipe" : entry.isCharacterDevice() ? "a character device"
                        : "a block device");
            }
            if (entry.isDirectory()) {
                folder(name);
                return;
            }
            byte type = entry.getLinkFlag();
            if (type != TarConstants.LF_NORMAL && type != TarConstants.LF_OLDNORM && type != TarConstants.LF_CONTIG) {
                throw special(name, "of tar type `" + printable(String.valueOf((char) type)) + "`");
            }
            file(name, entry.getSize(), -1, () -> new Unclosed(tar)); // the gzip stream has the checksum
        }

        void zip() throws IOException {
            try (ZipFile zip = openZip()) {
                for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                    current = entry.getName();
                    zipEntry(zip, entry);
                    previous = current;
                }
            }
        }

        private ZipFile openZip() throws IOException {
            try {
                return ZipFile.builder().setPath(archive).get();
            } catch (IOException e) {
                byte[] start;
                try (InputStream in = Files.newInputStream(archive)) {
                    start = in.readNBytes(ZIP_LOCAL_HEADER.length);
                }
                if (Arrays.equals(start, ZIP_LOCAL_HEADER)) {
                    throw new ArchiveRefusedException(archive, null, archive + " is truncated or damaged: it starts"
                            + " as a zip archive, but the central directory a zip ends with is missing or unreadable",
                            e);
                }
                throw new ArchiveRefusedException(archive, null, archive + " is not a zip archive (" + describe(e)
                        + ")", e);
            }
        }

        private void zipEntry(ZipFile zip, ZipArchiveEntry entry) throws IOException {
            String name = entry.getName();
            int type = entry.getUnixMode() & UNIX_FILE_TYPE; // 0 when the zip was not written on Unix
            if (entry.isUnixSymlink()) {
                throw refused(name, "is a symbolic link to `" + printable(zipLinkTarget(zip, entry)) + "`" + NO_LINKS);
            }
            if (type != 0 && type != UNIX_REGULAR_FILE && type != UNIX_DIRECTORY) {
                throw special(name, "a special file (Unix mode " + Integer.toOctalString(entry.getUnixMode()) + ")");
            }
            if (entry.isDirectory() || type == UNIX_DIRECTORY) {
                folder(name);
                return;
            }
            if (!zip.canReadEntryData(entry)) {
                throw refused(name, "is encrypted or compressed in a way this reader does not know (method "
                        + entry.getMethod() + "): refused, the plugin's archives are deflated or stored");
            }
            file(name, entry.getSize(), entry.getCrc(), () -> zip.getInputStream(entry));
        }

        private String zipLinkTarget(ZipFile zip, ZipArchiveEntry entry) {
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readNBytes(SHOWN_CHARACTERS * 4), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "?";
            }
        }

        /** A folder entry: made, or already made by an earlier entry. */
        private void folder(String name) throws IOException {
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
        private void file(String name, long declaredSize, long crc, Read<InputStream> data) throws IOException {
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

        private String after() {
            return previous == null ? "" : " after entry `" + printable(previous) + "`";
        }

        ArchiveRefusedException tooLarge(String name) {
            String what = name == null ? " unpacks to more than " : ": entry `" + printable(name) + "` takes what it"
                    + " unpacks past ";
            return new ArchiveRefusedException(archive, name, archive + what + size(limit) + ", the most the plugin"
                    + " unpacks from one archive: refused before it fills the disk", null);
        }

        private ArchiveRefusedException outside(String name) {
            return refused(name, "points outside the folder the archive is unpacked into: refused");
        }

        private ArchiveRefusedException special(String name, String what) {
            return refused(name, "is " + what + ": refused, the plugin's archives hold only files and folders");
        }

        private ArchiveRefusedException refused(String name, String reason) {
            return new ArchiveRefusedException(archive, name, archive + ": entry `" + printable(name) + "` " + reason,
                    null);
        }

        /** The decompressed tar: every byte is counted, read or skipped, and refused past the limit. */
        private final class Counted extends FilterInputStream {
            private long count;

            Counted(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] skipped = new byte[(int) Math.min(BUFFER, Math.max(n, 1))];
                long done = 0;
                while (done < n) {
                    int read = read(skipped, 0, (int) Math.min(skipped.length, n - done));
                    if (read < 0) {
                        break;
                    }
                    done += read;
                }
                return done;
            }

            @Override
            public boolean markSupported() {
                return false;
            }

            private void add(int n) throws ArchiveRefusedException {
                if (n > limit - count) {
                    throw tooLarge(current);
                }
                count += n;
            }
        }
    }

    /** A tar stream that tells a proper end (its zero record) from bytes that just stop at a record's edge. */
    private static final class MarkedTar extends TarArchiveInputStream {
        boolean endedWithoutMarker;
        private boolean sawEndRecord;

        MarkedTar(InputStream in) {
            super(in, StandardCharsets.UTF_8.name());
        }

        @Override
        protected boolean isEOFRecord(byte[] record) {
            boolean end = super.isEOFRecord(record);
            if (record == null && !sawEndRecord) {
                endedWithoutMarker = true;
            } else if (end) {
                sawEndRecord = true;
            }
            return end;
        }
    }

    /** The tar's stream of the current entry, which the entry's copy must not close. */
    private static final class Unclosed extends FilterInputStream {
        Unclosed(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the tar stream goes on to the next entry
        }
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

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
