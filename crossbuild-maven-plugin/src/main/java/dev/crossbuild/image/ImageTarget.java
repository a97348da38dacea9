package dev.crossbuild.image;

import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.packaging.ArchiveFormat;
import java.nio.file.Path;

/**
 * One target's audited contents, as its archive holds them ({@code package-arch} writes it after the closure audit;
 * in a fan-in job it is the verified prebuilt archive).
 *
 * @param id      the target id
 * @param triple  its triple, which names the platform
 * @param archive its archive, with one top folder
 * @param format  the format {@code package-arch} wrote it in (the chosen {@code crossbuild.archiveFormat}, else the
 *                triple's own)
 */
public record ImageTarget(String id, TargetTriple triple, Path archive, ArchiveFormat format) {
}
