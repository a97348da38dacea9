package dev.crossbuild.packaging;

import java.nio.file.Path;

/**
 * One file going into a target's archive.
 *
 * @param name       path inside the archive's top folder, with '/' separators
 * @param source     the file on disk
 * @param executable whether it gets mode 0755 (else 0644)
 * @param kind       where it came from: {@code bin}, {@code cdylib}, {@code dylib}, {@code staticlib},
 *                   {@code native:<build id>} or {@code file}
 */
public record ArchiveEntry(String name, Path source, boolean executable, String kind) {
}
