package dev.crossbuild.packaging;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryKind;
import java.util.regex.Pattern;

/** What a shipped file is, decided once when it is packaged: every format reads this, none decides again. */
public enum FileKind {
    /** Something a user runs: an image's entrypoint, a Linux package's {@code /usr/bin} file. */
    PROGRAM,
    /** Something a program loads or links: a shared, static or import library. */
    LIBRARY,
    /** Anything without a binary header: documents, scripts, configuration. */
    DATA;

    private static final Pattern LIBRARY_NAME = Pattern.compile("(lib.*\\.so.*|.*\\.so(\\.[0-9.]+)?|.*\\.dll|.*\\.dylib)");

    /**
     * A program is what cargo built as a {@code bin}, an executable, or a position-independent one (an ELF shared
     * object) whose name is not a library's ({@code libfoo.so}, {@code foo.so.1}); what cargo built as a library,
     * a bundled library and any other binary are libraries.
     *
     * @param origin where the file came from ({@link ArchiveEntry#kind()})
     * @param header its binary header, or null when it has none
     * @param name   its path inside the archive
     */
    public static FileKind of(String origin, BinaryHeader header, String name) {
        if (header == null) {
            return DATA;
        }
        switch (origin) {
            case "bin":
                return PROGRAM;
            case "cdylib", "dylib", "staticlib", "bundled":
                return LIBRARY;
            default:
                break;
        }
        if (header.kind() == BinaryKind.EXECUTABLE) {
            return PROGRAM;
        }
        if (header.kind() != BinaryKind.SHARED_OBJECT) {
            return LIBRARY;
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        return LIBRARY_NAME.matcher(file).matches() ? LIBRARY : PROGRAM;
    }
}
