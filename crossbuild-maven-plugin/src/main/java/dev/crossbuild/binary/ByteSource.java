package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.unsigned;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Random access to the bytes of a file, of a part of one (an archive member, a universal slice) or of an array
 * in tests. Offsets, sizes and counts come from untrusted files: {@link #read(long, long, String)} checks each
 * range against the size before it reads, and names what did not fit.
 */
interface ByteSource extends AutoCloseable {

    /** More than any header or table the readers need; a larger size is a damaged field, not a big file. */
    int MAX_READ = 16 << 20;
    /** The longest name or path the readers accept from a string table. */
    int MAX_STRING = 4096;

    /** The file as messages name it. */
    String name();

    long size();

    /** Up to {@code length} bytes from {@code offset}; fewer at the end, none before the start or past the end. */
    byte[] readUpTo(long offset, int length) throws IOException;

    @Override
    void close() throws IOException;

    /** Whether {@code length} bytes at {@code offset} lie inside the data; never overflows. */
    default boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset <= size() && length <= size() - offset;
    }

    /** Exactly {@code length} bytes at {@code offset}, or the error that {@code what} lies beyond the end. */
    default byte[] read(long offset, long length, String what) throws IOException, MalformedBinaryException {
        requireRange(offset, length, what);
        if (length > MAX_READ) {
            throw malformed(what + " of " + unsigned(length) + " bytes is implausibly large");
        }
        byte[] bytes = readUpTo(offset, (int) length);
        if (bytes.length < length) {
            // the file shrank while it was read
            throw malformed(what + " beyond the end of the file (the file is shorter than when it was opened)");
        }
        return bytes;
    }

    default void requireRange(long offset, long length, String what) throws MalformedBinaryException {
        if (!contains(offset, length)) {
            throw malformed(what + " beyond the end of the file (" + unsigned(length) + " bytes at offset "
                    + unsigned(offset) + "; the file has " + size() + ")");
        }
    }

    /** Checks a table of {@code count} entries of {@code entrySize} bytes without multiplying into an overflow. */
    default void requireTable(long offset, long count, long entrySize, String what) throws MalformedBinaryException {
        if (count < 0 || entrySize <= 0 || count > size() / entrySize || !contains(offset, count * entrySize)) {
            String entries = unsigned(count) + (count == 1 ? " entry" : " entries");
            throw malformed(what + " beyond the end of the file (" + entries + " of " + entrySize + " bytes at offset "
                    + unsigned(offset) + "; the file has " + size() + ")");
        }
    }

    /**
     * The NUL-terminated string at {@code offset}, which must end before {@code limit} (the end of its table)
     * and within {@link #MAX_STRING} bytes.
     */
    default String string(long offset, long limit, String what) throws IOException, MalformedBinaryException {
        long end = Math.min(limit, size());
        if (offset < 0 || offset >= end) {
            throw malformed(what + " at offset " + unsigned(offset) + " is outside its table (which ends at " + end
                    + ")");
        }
        // names are short: a first small read, and up to the limit only for a long one
        byte[] bytes = readUpTo(offset, (int) Math.min(128, end - offset));
        int nul = indexOfNul(bytes);
        if (nul < 0 && bytes.length < end - offset) {
            bytes = readUpTo(offset, (int) Math.min(MAX_STRING, end - offset));
            nul = indexOfNul(bytes);
        }
        if (nul < 0) {
            throw malformed(what + " at offset " + offset + " has no terminating NUL " + (bytes.length >= MAX_STRING
                    ? "within " + MAX_STRING + " bytes" : "before the end of its table"));
        }
        return new String(bytes, 0, nul, StandardCharsets.UTF_8);
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    default MalformedBinaryException malformed(String problem) {
        return new MalformedBinaryException(name(), problem);
    }

    /** The {@code length} bytes at {@code offset} (already checked to fit) as a source of their own. */
    default ByteSource slice(long offset, long length, String part) {
        ByteSource whole = this;
        String name = name() + " " + part;
        return new Part(name, length) {
            @Override
            public byte[] readUpTo(long at, int count) throws IOException {
                if (at < 0 || at >= length) {
                    return new byte[0];
                }
                return whole.readUpTo(offset + at, (int) Math.min(count, length - at));
            }

        };
    }

    static ByteSource of(byte[] data) {
        return of("(bytes)", data, data.length);
    }

    /** The first {@code length} bytes of {@code data}, without a copy: tests cut one large file at many lengths. */
    static ByteSource of(String name, byte[] data, int length) {
        return new Part(name, length) {
            @Override
            public byte[] readUpTo(long offset, int count) {
                if (offset < 0 || offset >= length || count <= 0) {
                    return new byte[0];
                }
                return Arrays.copyOfRange(data, (int) offset, (int) Math.min(length, offset + count));
            }

        };
    }

    static ByteSource open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        String name = file.toString();
        return new Part(name, size) {
            @Override
            public byte[] readUpTo(long offset, int count) throws IOException {
                if (offset < 0 || offset >= size || count <= 0) {
                    return new byte[0];
                }
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, size - offset));
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, offset + buffer.position()) < 0) {
                        break;
                    }
                }
                return Arrays.copyOf(buffer.array(), buffer.position());
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** A source with a name and a size, holding nothing to close unless it says so. */
    abstract class Part implements ByteSource {
        private final String name;
        private final long size;

        Part(String name, long size) {
            this.name = name;
            this.size = size;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public void close() throws IOException {
        }
    }
}
