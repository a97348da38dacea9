package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * On a start that must extract (the cache holds no marker yet), reads and verifies the libraries out of the
 * JAR in a thread of its own while the calling thread checks the cache folders, takes the lock and loads the
 * classes that do it: in a cold JVM the sha256 of a library is most of an extraction's cost, and it needs
 * nothing from the cache. A library's bytes are handed over as soon as they are read, before they are
 * verified, so the calling thread writes the temp file meanwhile; it moves the file into place only once the
 * bytes match the index. Only what fits in memory comfortably is read ahead (at most {@link #LIMIT} bytes in all, and an eighth of
 * the heap); what is not, or fails, is streamed and hashed by {@link CacheWriter} as before. The bytes
 * written are the bytes verified, so the check against the index is the same either way.
 */
final class Prefetch extends Thread {

    /** The most bytes read ahead for one index. */
    static final long LIMIT = 32L << 20;

    private final IndexSource source;
    private final List<NativeIndex.Library> libraries;
    private final byte[][] bytes;
    /** Per library: null while not known, "" verified, else what is wrong (from "has sha256 ..."). */
    private final String[] verdict;
    /** Per library: 0 still to read, 1 read (its bytes may be taken), 2 done (verified, or not read ahead). */
    private final int[] state;

    private Prefetch(IndexSource source, List<NativeIndex.Library> libraries) {
        super("crossbuild-native-prefetch");
        setDaemon(true);
        this.source = source;
        this.libraries = libraries;
        int n = libraries.size();
        this.bytes = new byte[n][];
        this.verdict = new String[n];
        this.state = new int[n];
    }

    /** Starts reading ahead; null where a thread cannot be started (the caller streams instead). */
    static Prefetch start(IndexSource source, List<NativeIndex.Library> libraries) {
        try {
            Prefetch prefetch = new Prefetch(source, libraries);
            prefetch.start();
            return prefetch;
        } catch (RuntimeException | OutOfMemoryError e) {
            return null;
        }
    }

    @Override
    public void run() {
        long budget = Math.min(LIMIT, Runtime.getRuntime().maxMemory() / 8);
        try {
            for (int i = 0; i < libraries.size(); i++) {
                NativeIndex.Library library = libraries.get(i);
                byte[] data = null;
                try {
                    data = read(library.file(), budget);
                } catch (IOException | RuntimeException | OutOfMemoryError e) {
                    // streamed by the writer, which reports what is wrong
                }
                if (data == null) {
                    publish(i, null, 2);
                    continue;
                }
                budget -= data.length;
                publish(i, data, 1);
                Sha256 sha = Sha256.forSize(data.length);
                sha.update(data, 0, data.length);
                CacheWriter.HASHED.addAndGet(data.length);
                String actual = sha.hex();
                synchronized (this) {
                    verdict[i] = actual.equals(library.sha256()) ? ""
                            : "has sha256 " + actual + " where its index says " + library.sha256();
                    state[i] = 2;
                    notifyAll();
                }
            }
        } finally {
            synchronized (this) {
                for (int i = 0; i < state.length; i++) {
                    state[i] = 2;
                }
                notifyAll();
            }
        }
    }

    /** The library's bytes, or null where it is too large or not the size the JAR's directory says. */
    private byte[] read(String file, long budget) throws IOException {
        IndexSource.Entry entry = source.open(file);
        try (InputStream in = entry.in) {
            if (entry.size < 0 || entry.size > budget) {
                return null;
            }
            byte[] data = new byte[(int) entry.size];
            int n = 0;
            while (n < data.length) {
                int r = in.read(data, n, data.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            // not the size the JAR's directory says: streamed, and reported there
            return n != data.length || in.read() >= 0 ? null : data;
        }
    }

    private synchronized void publish(int i, byte[] data, int reached) {
        bytes[i] = data;
        state[i] = reached;
        notifyAll();
    }

    /** Waits until library {@code i} has reached {@code wanted} (or the thread has ended). */
    private synchronized void await(int i, int wanted, String file) throws IOException {
        while (state[i] < wanted) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading " + file + " from its JAR");
            }
        }
    }

    /**
     * The bytes of the library read ahead, once they are read (they may not be verified yet), or null (stream
     * it). {@link #verify(String)} then says whether they match the index.
     */
    byte[] bytes(String file) throws IOException {
        int i = indexOf(file);
        if (i < 0) {
            return null;
        }
        await(i, 1, file);
        synchronized (this) {
            return bytes[i];
        }
    }

    /**
     * Whether the library's bytes read ahead (after {@link #bytes(String)} gave them) match the index, once
     * they are hashed: "" when they match, else what is wrong
     * ({@code has sha256 <actual> where its index says <sha256>}); null when they were not verified here (a
     * failure while hashing: the writer streams and hashes the library itself).
     */
    String verify(String file) throws IOException {
        int i = indexOf(file);
        if (i < 0) {
            return null;
        }
        await(i, 2, file);
        synchronized (this) {
            return verdict[i];
        }
    }

    private int indexOf(String file) {
        for (int i = 0; i < libraries.size(); i++) {
            if (libraries.get(i).file().equals(file)) {
                return i;
            }
        }
        return -1;
    }
}
