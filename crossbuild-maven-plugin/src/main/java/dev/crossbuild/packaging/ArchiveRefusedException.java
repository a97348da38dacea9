package dev.crossbuild.packaging;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An archive {@link ArchiveReader} will not unpack: truncated, unreadable, too large, or holding what the plugin's
 * own archives never do (a link, a device, a path leaving the folder). The archive's bytes are at fault, not the
 * machine; an {@link IOException} of any other kind from the reader is a failure to write the unpacked files.
 * The message names the archive and, where there is one, the entry.
 */
public final class ArchiveRefusedException extends IOException {

    private final transient Path archive;
    private final String entry;

    ArchiveRefusedException(Path archive, String entry, String message, Throwable cause) {
        super(message, cause);
        this.archive = archive;
        this.entry = entry;
    }

    public Path archive() {
        return archive;
    }

    /** The entry's name as the archive spells it, or null when the fault is the archive's as a whole. */
    public String entry() {
        return entry;
    }
}
