package dev.crossbuild.packaging;

import dev.crossbuild.model.TargetTriple;

/** The archive a target is packaged in: zip for Windows targets, tar.gz for the others. */
public enum ArchiveFormat {
    ZIP("zip"),
    TAR_GZ("tar.gz");

    private final String extension;

    ArchiveFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, also the Maven artifact type. */
    public String extension() {
        return extension;
    }

    public static ArchiveFormat of(TargetTriple triple) {
        return triple.archiveExtension().equals("zip") ? ZIP : TAR_GZ;
    }
}
