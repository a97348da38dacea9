package dev.crossbuild.packaging;

import dev.crossbuild.binary.BinaryHeader;
import java.util.List;
import java.util.Map;

/**
 * What goes into one target's archive, or why it cannot be packaged.
 *
 * @param entries     the files, by name inside the top folder
 * @param headers     the binary header of each entry that has one, by entry name
 * @param problems    every reason the target cannot be packaged, each naming the file and the fix
 * @param cargoMillis how long the target's cargo build took (0 without one)
 */
public record TargetContents(List<ArchiveEntry> entries, Map<String, BinaryHeader> headers, List<String> problems,
        long cargoMillis, Map<String, LibraryAudit.Finding> needs) {

    public TargetContents {
        entries = List.copyOf(entries);
        headers = Map.copyOf(headers);
        problems = List.copyOf(problems);
        needs = Map.copyOf(needs);
    }
}
