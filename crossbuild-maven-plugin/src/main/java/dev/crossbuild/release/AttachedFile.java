package dev.crossbuild.release;

import java.nio.file.Path;

/**
 * A file the build attached to the project, whatever goal attached it.
 *
 * @param file       the file on disk
 * @param classifier its classifier, or empty for the main artifact
 * @param type       its Maven type ({@code tar.gz}, {@code cdx.json}, {@code jar}, {@code deb}, …)
 */
public record AttachedFile(Path file, String classifier, String type) {

    public AttachedFile {
        classifier = classifier == null ? "" : classifier;
    }
}
