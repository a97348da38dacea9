package dev.crossbuild.packaging;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryNeeds;
import java.nio.file.Path;

/**
 * One file a target ships, as it was packaged.
 *
 * @param path       its path inside the archive's top folder, with '/' separators
 * @param source     the file on disk it was packaged from (the build's output, a bundled library, or the file a
 *                   fan-in unpacked from the verified prebuilt archive)
 * @param origin     where it came from ({@link ArchiveEntry#kind()}: {@code bin}, {@code cdylib}, {@code native:<id>},
 *                   {@code bundled}, {@code file}, {@code prebuilt}…)
 * @param kind       program, library or data, decided once ({@link FileKind#of})
 * @param executable whether the archive gives it mode 0755
 * @param size       its size in bytes when it was packaged
 * @param modified   its modification time (milliseconds) when it was packaged, to tell a changed source
 * @param sha256     its SHA-256
 * @param header     what its binary header says, or null for a file without one
 * @param needs      what it needs to start, as the closure audit read it, or null when it was not audited
 */
public record ShippedFile(String path, String source, String origin, FileKind kind, boolean executable, long size,
        long modified, String sha256, BinaryHeader header, BinaryNeeds needs) {

    public Path sourceFile() {
        return Path.of(source);
    }

    /** The entry it was packaged as. */
    public ArchiveEntry entry() {
        return new ArchiveEntry(path, sourceFile(), executable, origin);
    }
}
