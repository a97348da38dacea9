package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * On a start that must extract (the cache holds no marker yet), reads and hashes the libraries out of the JAR
 * in a thread of its own while the calling thread checks the cache folders, takes the lock and loads the
 * classes that do it: in a cold JVM the sha256 of a library is most of an extraction's cost, and it needs
 * nothing from the cache. Only what fits in memory comfortably is read ahead (at most {@link #LIMIT} bytes in
 * all, and an eighth of the heap); what is not, or fails, is streamed and hashed by {@link CacheWriter} as
 * before. The bytes written are the bytes hashed, so the check against the index is the same either way.
 */
final class Prefetch extends Thread {

    /** The most bytes read ahead for one index. */
    static final long LIMIT = 32L << 20;

    private final IndexSource source;
    private final List<NativeIndex.Library> libraries;
    private final byte[][] bytes;
    private final String[] sha256;

    private Prefetch(IndexSource source, List<NativeIndex.Library> libraries) {
        super("crossbuild-native-prefetch");
        setDaemon(true);
        this.source = source;
        this.libraries = libraries;
        this.bytes = new byte[libraries.size()][];
        this.sha256 = new String[libraries.size()];
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
        for (int i = 0; i < libraries.size(); i++) {
            try {
                IndexSource.Entry entry = source.open(libraries.get(i).file());
                try (InputStream in = entry.in) {
                    if (entry.size < 0 || entry.size > budget) {
                        continue;
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
                    if (n != data.length || in.read() >= 0) {
                        continue;    // not the size the JAR's directory says: streamed, and reported there
                    }
                    Sha256 sha = Sha256.forSize(data.length);
                    sha.update(data, 0, data.length);
                    CacheWriter.HASHED.addAndGet(data.length);
                    budget -= data.length;
                    sha256[i] = sha.hex();
                    bytes[i] = data;
                }
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // streamed by the writer, which reports what is wrong
            }
        }
    }

    /**
     * The bytes of the library read ahead, after waiting for the reading to end, or null (stream it).
     * {@link #sha256(String)} then gives their sha256.
     */
    byte[] bytes(String file) throws IOException {
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + file + " from its JAR");
        }
        int i = indexOf(file);
        return i < 0 ? null : bytes[i];
    }

    /** The sha256 of the library's bytes read ahead (after {@link #bytes(String)}). */
    String sha256(String file) {
        int i = indexOf(file);
        return i < 0 ? null : sha256[i];
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
