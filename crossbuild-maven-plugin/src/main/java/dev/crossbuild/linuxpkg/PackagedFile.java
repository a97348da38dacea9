package dev.crossbuild.linuxpkg;

import java.nio.file.Path;

/**
 * One entry of a Linux package.
 *
 * @param path   its absolute path once installed, e.g. {@code /usr/bin/hello}
 * @param source the file whose bytes it holds; null for a link
 * @param mode   its permission bits
 * @param role   what it is, which decides its flags in each format
 * @param link   for a link, what it points at (relative); null otherwise
 */
public record PackagedFile(String path, Path source, int mode, Role role, String link) {

    /** What an entry is. */
    public enum Role {
        /** A program the user runs, in {@code /usr/bin} or behind a link there. */
        PROGRAM,
        /** A shared library the package's programs load, under {@code /usr/lib/<name>/}. */
        LIBRARY,
        /** Documentation under {@code /usr/share/doc/<name>/}. */
        DOC,
        /** A configuration file (under {@code /etc}). */
        CONFIG,
        /** Any other file of {@code <files>}. */
        FILE,
        /** A symbolic link. */
        LINK
    }

    public boolean isLink() {
        return role == Role.LINK;
    }
}
