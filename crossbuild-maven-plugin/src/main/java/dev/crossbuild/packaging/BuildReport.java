package dev.crossbuild.packaging;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.model.WorkLayout;
import java.util.List;
import java.util.Locale;

/**
 * {@code target/crossbuild/report.json}: per target its triple, result, durations, the archive and
 * every packaged file with size and SHA-256. The build log's summary shows the same.
 */
public record BuildReport(List<TargetReport> targets) {

    public static final String SUCCESS = "SUCCESS";
    public static final String FAILED = "FAILED";

    public BuildReport {
        targets = List.copyOf(targets);
    }

    /**
     * @param durationMillis cargo build plus packaging
     * @param archive        the archive, null when the target failed
     * @param problems       why the target could not be packaged; empty on success
     */
    public record TargetReport(String id, String triple, String result, long durationMillis, long cargoMillis,
            long packageMillis, FileReport archive, List<FileReport> artifacts, List<String> problems) {

        public TargetReport {
            artifacts = List.copyOf(artifacts);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param path         for an archive its file name; for a packaged file its path inside the archive
     * @param kind         {@code archive}, or where a packaged file came from (see {@link ArchiveEntry#kind()})
     * @param architecture what its header says (file(1) style), or null for files that are not binaries
     * @param needs        the libraries it loads
     * @param bundled      the libraries bundled into the archive for it
     * @param glibc        the newest glibc symbol version it needs, or null
     * @param macosMin     its minimum macOS, or null
     * @param origin       the file on this machine a bundled library was copied from, or null
     */
    public record FileReport(String path, String kind, String architecture, long size, String sha256,
            List<String> needs, List<String> bundled, String glibc, String macosMin, String origin) {

        public FileReport {
            needs = needs == null ? List.of() : List.copyOf(needs);
            bundled = bundled == null ? List.of() : List.copyOf(bundled);
        }

        /** A file whose needs were not read (an archive, a plain file). */
        public FileReport(String path, String kind, String architecture, long size, String sha256) {
            this(path, kind, architecture, size, sha256, List.of(), List.of(), null, null, null);
        }
    }

    public void write(WorkLayout layout) throws MachineException {
        Json.write(layout.packageReport(), this);
    }

    /** The end-of-build summary: one row per target and file. */
    public List<String> summaryLines() {
        TextTable table = new TextTable("target", "triple", "result", "time", "file", "architecture", "size",
                "sha256");
        for (TargetReport target : targets) {
            String time = String.format(Locale.ROOT, "%.1f s", target.durationMillis() / 1000.0);
            if (target.archive() == null) {
                table.row(target.id(), target.triple(), target.result(), time, "-", "-", "-", "-");
                continue;
            }
            FileReport archive = target.archive();
            table.row(target.id(), target.triple(), target.result(), time, archive.path(), "", size(archive.size()),
                    archive.sha256().substring(0, 16));
            for (FileReport file : target.artifacts()) {
                table.row("", "", "", "", "  " + file.path(), file.architecture() == null ? "" : file.architecture(),
                        size(file.size()), file.sha256().substring(0, 16));
            }
        }
        return table.lines();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
