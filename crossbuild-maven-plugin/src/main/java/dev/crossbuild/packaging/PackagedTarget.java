package dev.crossbuild.packaging;

import com.google.gson.JsonParseException;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.crossbuild.binary.BinaryHeader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one record of what a target ships, written once when it is packaged ({@code package-arch} from the build and
 * its closure audit, or a fan-in from a verified prebuilt archive) and read by every later format (images, Linux
 * packages): each file with its kind, header, needs and checksum, and the archive they are in, with its real name
 * and format. No format unpacks the plugin's own archive or reads a binary the audit read.
 *
 * @param format       the record's own format version
 * @param id           the target id
 * @param triple       its triple
 * @param archive      the archive's path
 * @param archiveFormat the archive's format ({@code tar.gz} or {@code zip}), as it was written
 * @param archiveSize  its size when it was recorded
 * @param sha256       its SHA-256
 * @param topFolder    the one top folder inside it
 * @param files        what it holds, sorted by path
 */
public record PackagedTarget(int format, String id, String triple, String archive, String archiveFormat,
        long archiveSize, String sha256, String topFolder, List<ShippedFile> files) {

    public static final int FORMAT = 1;

    public PackagedTarget {
        files = List.copyOf(files);
    }

    public Path archiveFile() {
        return Path.of(archive);
    }

    /** What was written, read back: the record of a target, if there is one and it still describes the files. */
    public record Lookup(Optional<PackagedTarget> record, String problem) {
    }

    /**
     * The record of a target just packaged.
     *
     * @param sums each file's SHA-256 by its name inside the top folder (computed here for a file missing from it)
     */
    public static PackagedTarget of(TargetSpec target, Path archive, ArchiveFormat archiveFormat, String archiveSha256,
            String topFolder, TargetContents contents, Map<String, String> sums) throws IOException {
        List<ShippedFile> files = new ArrayList<>();
        for (ArchiveEntry entry : contents.entries().stream().sorted(Comparator.comparing(ArchiveEntry::name))
                .toList()) {
            BinaryHeader header = contents.headers().get(entry.name());
            LibraryAudit.Finding finding = contents.needs().get(entry.name());
            String sha256 = sums.get(entry.name());
            files.add(new ShippedFile(entry.name(), entry.source().toAbsolutePath().toString(), entry.kind(),
                    FileKind.of(entry.kind(), header, entry.name()), entry.executable(), Files.size(entry.source()),
                    Files.getLastModifiedTime(entry.source()).toMillis(),
                    sha256 != null ? sha256 : Checksums.sha256(entry.source()), header,
                    finding == null ? null : finding.needs()));
        }
        return new PackagedTarget(FORMAT, target.id(), target.triple().value(), archive.toAbsolutePath().toString(),
                archiveFormat.extension(), Files.size(archive), archiveSha256, topFolder, files);
    }

    public void write(WorkLayout layout) throws MachineException {
        Json.write(layout.packagedRecord(id), this);
    }

    /** Removes the target's record, before it is packaged again (a failed packaging leaves none behind). */
    public static void forget(WorkLayout layout, String targetId) throws MachineException {
        Path file = layout.packagedRecord(targetId);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new MachineException("could not delete " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The target's record, checked against the disk: the archive and every file it was packaged from are still
     * there with their recorded sizes and times; else the problem says what changed and to package again.
     *
     * @param goal the goal asking, for the message
     */
    public static Lookup find(WorkLayout layout, TargetSpec target, String goal) throws MachineException {
        Path file = layout.packagedRecord(target.id());
        String who = "target `" + target.id() + "` (" + target.triple() + ")";
        String again = "; run package-arch before " + goal + " (list both goals in one <execution>; mvn package runs"
                + " both)";
        if (!Files.isRegularFile(file)) {
            return new Lookup(Optional.empty(), who + ": there is no record of what it ships (" + file + ")" + again);
        }
        PackagedTarget record;
        try {
            record = Json.gson().fromJson(Files.readString(file), PackagedTarget.class);
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            record = null;
        }
        if (record == null || record.format() != FORMAT || record.files() == null || record.archive() == null) {
            return new Lookup(Optional.empty(), who + ": its record " + file + " is unreadable or of another plugin"
                    + " version" + again);
        }
        if (!target.id().equals(record.id()) || !target.triple().value().equals(record.triple())) {
            return new Lookup(Optional.empty(), who + ": its record " + file + " is for " + record.triple()
                    + again);
        }
        List<String> changed = new ArrayList<>();
        try {
            Path archive = record.archiveFile();
            if (!Files.isRegularFile(archive) || Files.size(archive) != record.archiveSize()) {
                changed.add(archive + (Files.isRegularFile(archive) ? " changed" : " is gone"));
            }
            for (ShippedFile shipped : record.files()) {
                Path source = shipped.sourceFile();
                if (!Files.isRegularFile(source)) {
                    changed.add(source + " is gone");
                } else if (Files.size(source) != shipped.size()
                        || Files.getLastModifiedTime(source).toMillis() != shipped.modified()) {
                    changed.add(source + " changed");
                }
            }
        } catch (IOException e) {
            throw new MachineException("could not check " + file + ": " + e.getMessage(), e);
        }
        if (!changed.isEmpty()) {
            return new Lookup(Optional.empty(), who + ": what package-arch packaged has changed since (" + String.join(
                    ", ", changed.subList(0, Math.min(3, changed.size()))) + (changed.size() > 3 ? ", …" : "") + ")"
                    + again);
        }
        return new Lookup(Optional.of(record), null);
    }
}
