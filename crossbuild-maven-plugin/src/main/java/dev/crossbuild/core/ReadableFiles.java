package dev.crossbuild.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Temporary files are created readable by their owner only (0600); what the plugin publishes (archives,
 * checksums, reports) must be readable by everyone once deployed or served, as any file the build writes.
 */
public final class ReadableFiles {

    private ReadableFiles() {
    }

    /** Sets 0644 where the file system has POSIX permissions. */
    public static void makeReadable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: files inherit the folder's access rules
        }
    }
}
