package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Random access to the bytes of a file (or of an array, in tests); reads past the end come back short. */
interface ByteSource extends AutoCloseable {

    /** Up to {@code length} bytes from {@code offset}; fewer, or none, at the end of the data. */
    byte[] read(long offset, int length) throws IOException;

    long size() throws IOException;

    @Override
    void close() throws IOException;

    static ByteSource of(byte[] data) {
        return new ByteSource() {
            @Override
            public byte[] read(long offset, int length) {
                if (offset < 0 || offset >= data.length) {
                    return new byte[0];
                }
                return Arrays.copyOfRange(data, (int) offset, (int) Math.min(data.length, offset + length));
            }

            @Override
            public long size() {
                return data.length;
            }

            @Override
            public void close() {
            }
        };
    }

    static ByteSource open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new ByteSource() {
            @Override
            public byte[] read(long offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.allocate(length);
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, offset + buffer.position());
                    if (n < 0) {
                        break;
                    }
                }
                return Arrays.copyOf(buffer.array(), buffer.position());
            }

            @Override
            public long size() throws IOException {
                return channel.size();
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
