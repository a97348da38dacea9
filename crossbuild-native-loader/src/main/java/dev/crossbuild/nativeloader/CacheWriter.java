package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a cache folder that {@link PrivateFolders} has checked: under an inter-process file lock, each
 * library to a fresh owner-only temp file in the folder, verified by its sha256 against the index while it
 * is written, then moved over its name in one step (a link or file there is replaced, never written
 * through), and the {@link CacheMarker} last. Lock and slot files are created owner-only and opened
 * {@code O_NOFOLLOW}.
 */
final class CacheWriter {

    static final String LOCK_FILE = ".lock";
    private static final long LOCK_RETRY_MILLIS = 5;



    /** The bytes hashed by this copy of the class: none on a start that reuses the cache (a test reads it). */
    static final java.util.concurrent.atomic.AtomicLong HASHED = new java.util.concurrent.atomic.AtomicLong();

    /** One monitor per folder, for the threads of this copy of the class (the file lock covers the rest). */
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<Path, Object>();

    private CacheWriter() {
    }

    /** A cache folder that is unsafe or cannot hold libraries the JVM loads; the next one is tried. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Throws {@link Refused}; typed as an {@link IOException} for {@code throw CacheWriter.refused(…)}, so that
     * the classes that refuse a folder do not have the verifier load {@code Refused} on every call.
     */
    static IOException refused(String message, Throwable cause) throws Refused {
        throw new Refused(message, cause);
    }

    /** Waits, as an I/O operation: interrupted, it keeps the thread's interrupt and throws. */
    static void sleep(long millis, String what) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while " + what);
        }
    }

    /** The JAR's content is not what its index says: no folder would help. */
    static final class SourceError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Writes the libraries the marker does not vouch for, under the folder's lock, then the marker. Where
     * the folder cannot be written (a read-only cache filled beforehand), the files there are verified by
     * their sha256 instead, and used when they match.
     *
     * @param why what is wrong with the folder as it is, for the message when it cannot be put right
     * @param prefetch the libraries read and hashed ahead, or null (each is streamed and hashed here)
     */
    static void write(Path folder, NativeIndex index, IndexSource source, String why, Prefetch prefetch)
            throws IOException, Refused {
        Object monitor = MONITORS.get(folder);
        if (monitor == null) {
            Object created = new Object();
            monitor = MONITORS.putIfAbsent(folder, created);
            if (monitor == null) {
                monitor = created;
            }
        }
        synchronized (monitor) {
            FileChannel channel;
            try {
                channel = PrivateFolders.open(folder.resolve(LOCK_FILE), false);
            } catch (IOException e) {
                verifyInPlace(folder, index, why, e);
                return;
            }
            try (FileChannel c = channel; FileLock lock = lock(c)) {
                removeStaleTemps(folder);
                // another process may have written them while this one waited for the lock
                List<NativeIndex.Library> stale = CacheMarker.stale(folder, index, null);
                if (stale.isEmpty()) {
                    return;
                }
                for (NativeIndex.Library library : stale) {
                    writeOne(folder, library, source, prefetch);
                }
                CacheMarker.write(folder, index);
            }
        }
    }

    private static void verifyInPlace(Path folder, NativeIndex index, String why, IOException cause)
            throws Refused {
        for (NativeIndex.Library library : CacheMarker.stale(folder, index, null)) {
            Path file = folder.resolve(library.file());
            String actual = null;
            try {
                if (FileStat.privateFile(file, FileStat.stat(file))) {
                    actual = hash(file);
                }
            } catch (IOException e) {
                actual = null;
            }
            if (!library.sha256().equals(actual)) {
                throw new Refused(folder + ": " + why + (actual == null ? "" : ", and " + library.file()
                        + " has sha256 " + actual + " where the index says " + library.sha256())
                        + ", and the folder cannot be written to put it right (" + cause + "). Delete " + folder
                        + " where it is writable (the loader extracts it again), refill a read-only cache from a"
                        + " fresh extraction, or set -D" + CacheFolders.DIR_PROPERTY + " to a folder you can write",
                        cause);
            }
        }
    }

    private static String hash(Path file) throws IOException {
        Sha256 sha = Sha256.forSize(Files.size(file));
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                HASHED.addAndGet(n);
            }
        }
        return sha.hex();
    }

    /**
     * Takes the lock; another copy of this class in the same JVM (another class loader) holding it shows as
     * {@link OverlappingFileLockException}, so that case waits and tries again.
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(LOCK_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.nio.channels.FileLockInterruptionException();
                }
            }
        }
    }

    /** Temp files left by a process that died while writing; only a lock holder writes, so none is live. */
    private static void removeStaleTemps(Path folder) {
        // java.io's list, whose classes the JVM has loaded (no directory stream, no glob's regular expression);
        // the folder is checked and no link
        String[] names = new java.io.File(folder.toString()).list();
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (name.startsWith(".") && name.endsWith(".tmp")) {
                try {
                    Files.deleteIfExists(folder.resolve(name));
                } catch (IOException | RuntimeException e) {
                    // best effort: a stale temp file costs only its space
                }
            }
        }
    }

    private static void writeOne(Path folder, NativeIndex.Library library, IndexSource source, Prefetch prefetch)
            throws IOException {
        byte[] ahead = prefetch == null ? null : prefetch.bytes(library.file());
        Path temp = temp(folder, library.file(), PrivateFolders.Created.LIBRARY);
        boolean moved = false;
        try {
            if (ahead != null) {
                // written while the read-ahead thread still hashes; moved into place only if the hash matches
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                    out.write(ahead);
                }
                String wrong = prefetch.verify(library.file());
                if (wrong != null) {
                    if (!wrong.isEmpty()) {
                        throw new SourceError(source.where.substring(0, source.where.lastIndexOf('/') + 1)
                                + library.file() + " " + wrong + ": the JAR is corrupt or was altered", null);
                    }
                    move(temp, folder.resolve(library.file()));
                    moved = true;
                    return;
                }
                // the read-ahead thread failed while hashing: streamed and hashed here instead
            }
            IndexSource.Entry entry;
            try {
                entry = source.open(library.file());
            } catch (IOException e) {
                throw new SourceError("cannot read " + library.file() + " beside " + source.where
                        + ", listed in its index: " + e, e);
            }
            // one pass: each block is hashed as it is written, read once from the JAR
            Sha256 sha = Sha256.forSize(entry.size);
            try (InputStream input = entry.in; OutputStream out = Files.newOutputStream(temp,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                byte[] buffer = new byte[256 * 1024];
                int n;
                while (true) {
                    try {
                        n = input.read(buffer);
                    } catch (IOException e) {
                        throw new SourceError("cannot read " + entry.where + ": " + e, e);
                    }
                    if (n < 0) {
                        break;
                    }
                    sha.update(buffer, 0, n);
                    HASHED.addAndGet(n);
                    out.write(buffer, 0, n);
                }
            }
            String actual = sha.hex();
            if (!actual.equals(library.sha256())) {
                throw new SourceError(entry.where + " has sha256 " + actual + " where its index says "
                        + library.sha256() + ": the JAR is corrupt or was altered", null);
            }
            move(temp, folder.resolve(library.file()));
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A new empty temp file {@code .<name>.<n>.tmp} in the folder, made owner-only and exclusively (never an
     * existing file or a link). Not {@code Files.createTempFile}: its random names come from
     * {@code SecureRandom}, whose set-up costs a cold JVM more than the extraction; the folder is private, so
     * no one else can guess and take a name first.
     */
    static Path temp(Path folder, String name, java.nio.file.attribute.FileAttribute<?>[] mode) throws IOException {
        long seed = System.nanoTime() ^ ((long) System.identityHashCode(folder) << 32);
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + name + "." + Long.toHexString(seed + attempt) + ".tmp");
            try {
                return Files.createFile(temp, mode);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves a temp file over its name in one step (a link or file there is replaced, never written through). */
    static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file name as a relative URL: letters, digits and {@code -._~} as they are, every other byte %XX. */
    static String encode(String file) {
        StringBuilder out = new StringBuilder();
        for (byte b : file.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
