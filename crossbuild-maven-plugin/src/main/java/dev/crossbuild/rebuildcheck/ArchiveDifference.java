package dev.crossbuild.rebuildcheck;

import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.packaging.ArchiveReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where two archives of one target differ: the first entry, in name order, that one lacks or whose bytes
 * differ, and the offset of its first differing byte.
 *
 * @param entry  the entry's name inside the archive, or null when only the archive bytes differ
 * @param offset the first differing byte of that entry, or -1 when one archive lacks it
 */
public record ArchiveDifference(Path first, Path second, String entry, long offset, String what) {

    public String describe(String targetId) {
        return "target `" + targetId + "`: " + first.getFileName() + " differs: "
                + (entry == null ? what : "first differing file " + entry + (offset >= 0 ? " at offset " + offset
                        + String.format(" (0x%x)", offset) : "") + " (" + what + ")");
    }

    public static Optional<ArchiveDifference> first(Path a, Path b, ArchiveFormat format, Path scratch)
            throws MachineException {
        try {
            if (Files.mismatch(a, b) == -1) {
                return Optional.empty();
            }
            Path left = scratch.resolve("first");
            Path right = scratch.resolve("second");
            FileTrees.delete(scratch);
            List<String> namesA = ArchiveReader.extract(a, format, left);
            List<String> namesB = ArchiveReader.extract(b, format, right);
            TreeSet<String> all = new TreeSet<>(namesA);
            all.addAll(namesB);
            for (String name : all) {
                if (!namesA.contains(name) || !namesB.contains(name)) {
                    return Optional.of(new ArchiveDifference(a, b, name, -1, "only in the "
                            + (namesA.contains(name) ? "first" : "second") + " build"));
                }
                Path fa = left.resolve(name);
                Path fb = right.resolve(name);
                if (Files.isRegularFile(fa) && Files.isRegularFile(fb)) {
                    long offset = Files.mismatch(fa, fb);
                    if (offset != -1) {
                        return Optional.of(new ArchiveDifference(a, b, name, offset, Files.size(fa) + " and "
                                + Files.size(fb) + " bytes"));
                    }
                }
            }
            return Optional.of(new ArchiveDifference(a, b, null, -1, "the entries are the same, their metadata"
                    + " (times, modes, order) is not"));
        } catch (IOException e) {
            throw new MachineException("could not compare " + a + " and " + b + ": " + e.getMessage(), e);
        }
    }
}
