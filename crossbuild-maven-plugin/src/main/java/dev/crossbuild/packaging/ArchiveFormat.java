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

    /** The format of an extension ({@code zip}, {@code tar.gz}), or empty for another. */
    public static java.util.Optional<ArchiveFormat> ofExtension(String extension) {
        for (ArchiveFormat format : values()) {
            if (format.extension.equals(extension)) {
                return java.util.Optional.of(format);
            }
        }
        return java.util.Optional.empty();
    }

    public static ArchiveFormat of(TargetTriple triple) {
        return triple.archiveExtension().equals("zip") ? ZIP : TAR_GZ;
    }
}
