package dev.crossbuild.packaging;

import static dev.crossbuild.packaging.ArchiveReader.printable;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a {@code .tar.gz} through the guard: folders and regular files only, the decompressed tar counted byte by
 * byte against the limit, a tar that stops without its end marker refused as truncated, and the gzip stream read to
 * its end so that its length and checksum are checked.
 */
final class TarGzReader {

    private final UnpackGuard guard;

    TarGzReader(UnpackGuard guard) {
        this.guard = guard;
    }

    void unpack() throws IOException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(guard.archive));
                GzipCompressorInputStream gzip = guard.reading(() -> new GzipCompressorInputStream(file))) {
            Counted tarBytes = new Counted(gzip);
            MarkedTar tar = new MarkedTar(tarBytes);
            for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
                guard.current = entry.getName();
                tarEntry(entry, tar);
            }
            if (tar.endedWithoutMarker) {
                throw new ArchiveRefusedException(guard.archive, null, guard.archive + " is truncated: the tar inside"
                        + " it stops" + guard.after() + " without its end-of-archive marker", null);
            }
            // the rest of the gzip stream, so that its length and checksum are checked too
            byte[] buffer = new byte[UnpackGuard.BUFFER];
            while (guard.reading(() -> tarBytes.read(buffer)) >= 0) {
                // counted, and refused past the limit, by Counted
            }
        }
    }

    private TarArchiveEntry next(TarArchiveInputStream tar) throws IOException {
        guard.previous = guard.current == null ? guard.previous : guard.current;
        guard.current = null;
        return guard.reading(tar::getNextEntry);
    }

    private void tarEntry(TarArchiveEntry entry, InputStream tar) throws IOException {
        String name = entry.getName();
        if (entry.isSymbolicLink()) {
            throw guard.link(name, "symbolic", entry.getLinkName());
        }
        if (entry.isLink()) {
            throw guard.link(name, "hard", entry.getLinkName());
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            throw guard.special(name, entry.isFIFO() ? "a named pipe" : entry.isCharacterDevice() ? "a character device"
                    : "a block device");
        }
        if (entry.isDirectory()) {
            guard.folder(name);
            return;
        }
        byte type = entry.getLinkFlag();
        if (type != TarConstants.LF_NORMAL && type != TarConstants.LF_OLDNORM && type != TarConstants.LF_CONTIG) {
            throw guard.special(name, "of tar type `" + printable(String.valueOf((char) type)) + "`");
        }
        guard.file(name, entry.getSize(), -1, () -> new Unclosed(tar)); // the gzip stream has the checksum
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
            byte[] skipped = new byte[(int) Math.min(UnpackGuard.BUFFER, Math.max(n, 1))];
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
            if (n > guard.limit - count) {
                throw guard.tooLarge(guard.current);
            }
            count += n;
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
}
