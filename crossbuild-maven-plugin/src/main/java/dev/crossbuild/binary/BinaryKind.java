package dev.crossbuild.binary;

/** What a binary file is, as far as its header tells. */
public enum BinaryKind {
    EXECUTABLE("executable"),
    /** An ELF shared object: a shared library or a position-independent executable. */
    SHARED_OBJECT("shared object"),
    SHARED_LIBRARY("shared library"),
    OBJECT("object file"),
    STATIC_LIBRARY("static library"),
    IMPORT_LIBRARY("import library"),
    OTHER("binary");

    private final String displayName;

    BinaryKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Whether a file of this kind is something a program runs or loads (not a build input). */
    public boolean isLoadable() {
        return this == EXECUTABLE || this == SHARED_OBJECT || this == SHARED_LIBRARY;
    }
}
