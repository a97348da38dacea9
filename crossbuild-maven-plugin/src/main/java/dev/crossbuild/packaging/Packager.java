package dev.crossbuild.packaging;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.Stamp;
import dev.crossbuild.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packages every selected target: gathers and verifies all of them first (so one run reports every
 * wrong binary of every target), then writes each archive with its {@code .sha256}, one
 * {@code SHA256SUMS}, and {@code target/crossbuild/report.json}.
 */
public final class Packager {

    /** An archive made for a target, to attach to the project. */
    public record PackagedArchive(String targetId, ArchiveFormat format, Path archive, Path checksum) {
    }

    /** The outcome: the report (also written to disk) and the archives. */
    public record Result(BuildReport report, List<PackagedArchive> archives, Path sums) {
    }

    private final PackageOptions options;
    private final BuildLog log;
    private final LibraryLocator locator;

    public Packager(PackageOptions options, BuildLog log) {
        this(options, log, LibraryLocator.NONE);
    }

    /** @param locator finds the libraries to bundle ({@code bundleLibraries}) */
    public Packager(PackageOptions options, BuildLog log, LibraryLocator locator) {
        this.options = options;
        this.log = log;
        this.locator = locator;
    }

    /**
     * @throws ProjectException when any target cannot be packaged, listing every problem; the report
     *                          is written first, with those targets marked failed
     */
    public Result packageTargets(List<TargetSpec> targets) throws CrossbuildException {
        // a list, not a map: a target is never hashed (a record's first hashCode costs a bootstrap)
        for (TargetSpec target : targets) {
            PackagedTarget.forget(options.layout(), target.id());
        }
        List<Map.Entry<TargetSpec, TargetContents>> contents = collect(targets);
        List<String> problems = contents.stream().flatMap(c -> c.getValue().problems().stream()).toList();
        if (!problems.isEmpty()) {
            List<BuildReport.TargetReport> failed = new ArrayList<>();
            for (Map.Entry<TargetSpec, TargetContents> entry : contents) {
                TargetContents found = entry.getValue();
                failed.add(new BuildReport.TargetReport(entry.getKey().id(), entry.getKey().triple().value(),
                        found.problems().isEmpty() ? "NOT PACKAGED" : BuildReport.FAILED, found.cargoMillis(),
                        found.cargoMillis(), 0, null, List.of(), found.problems()));
            }
            new BuildReport(failed).write(options.layout());
            String hint = problems.stream().anyMatch(p -> p.contains(", but the target needs"))
                    ? "\nA binary for another machine must not be published under the target's classifier: rebuild"
                            + " from clean (mvn clean package) and check what put it there (a native build's output,"
                            + " a copied file)."
                    : "";
            throw new ProjectException((problems.size() == 1 ? "package-arch: " + problems.get(0)
                    : "package-arch found " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems))
                    + hint);
        }
        List<BuildReport.TargetReport> reports = new ArrayList<>();
        List<PackagedArchive> archives = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        for (Map.Entry<TargetSpec, TargetContents> entry : contents) {
            TargetSpec target = entry.getKey();
            TargetContents found = entry.getValue();
            long start = System.nanoTime();
            ArchiveFormat format = options.format(target.triple());
            Path archive = options.archive(target.id(), format);
            try {
                String inputs = inputs(format, options.topFolder(target.id()), found.entries());
                Path stampFile = options.layout().archiveStamp(target.id());
                Stamp stamp = Stamp.current(stampFile, archive, inputs).orElse(null);
                if (stamp != null) {
                    log.info("[" + target.id() + "] " + archive.getFileName() + " is up to date (same files, options"
                            + " and timestamp), not written again");
                } else {
                    Stamp.forget(stampFile);
                    ArchiveWriter.write(archive, format, options.topFolder(target.id()), found.entries(),
                            options.timestamp());
                    Map<String, String> files = new LinkedHashMap<>();
                    for (ArchiveEntry file : found.entries()) {
                        files.put(file.name(), Checksums.sha256(file.source()));
                    }
                    stamp = new Stamp(inputs, Stamp.describe(archive), Checksums.sha256(archive), files);
                    stamp.write(stampFile);
                }
                String sha256 = stamp.sha256();
                Path checksum = Checksums.writeSidecar(archive, sha256);
                PackagedTarget.of(target, archive, format, sha256, options.topFolder(target.id()), found,
                        stamp.files()).write(options.layout());
                sums.add(sha256);
                archives.add(new PackagedArchive(target.id(), format, archive, checksum));
                long packageMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                reports.add(new BuildReport.TargetReport(target.id(), target.triple().value(), BuildReport.SUCCESS,
                        found.cargoMillis() + packageMillis, found.cargoMillis(), packageMillis,
                        new BuildReport.FileReport(archive.getFileName().toString(), "archive", null,
                                Files.size(archive), sha256),
                        fileReports(target, found, stamp.files()), List.of()));
            } catch (IOException e) {
                throw new MachineException("could not write " + archive + ": " + e.getMessage(), e);
            }
            log.info("[" + target.id() + "] packaged " + archive);
        }
        Path sumsFile;
        try {
            sumsFile = Checksums.writeSums(options.buildDirectory(),
                    archives.stream().map(PackagedArchive::archive).toList(), sums);
        } catch (IOException e) {
            throw new MachineException("could not write " + options.buildDirectory().resolve(Checksums.SUMS_FILE)
                    + ": " + e.getMessage(), e);
        }
        BuildReport report = new BuildReport(reports);
        report.write(options.layout());
        return new Result(report, archives, sumsFile);
    }

    private List<Map.Entry<TargetSpec, TargetContents>> collect(List<TargetSpec> targets) throws CrossbuildException {
        ContentCollector collector = new ContentCollector(options, log, locator);
        List<Map.Entry<TargetSpec, TargetContents>> contents = new ArrayList<>();
        for (TargetSpec target : targets) {
            contents.add(Map.entry(target, collector.collect(target)));
        }
        return contents;
    }

    /** Everything the archive's bytes follow from: its format, folder, time and each file's name, mode and bytes. */
    private String inputs(ArchiveFormat format, String top, List<ArchiveEntry> entries) throws IOException {
        Fingerprint fingerprint = new Fingerprint().add("archive-v1").add(format.extension()).add(top)
                .add(options.timestamp().toString());
        for (ArchiveEntry entry : entries.stream().sorted(java.util.Comparator.comparing(ArchiveEntry::name)).toList()) {
            fingerprint.add(entry.name()).add(Boolean.toString(entry.executable()))
                    .add(Stamp.describe(entry.source()));
        }
        return fingerprint.hex();
    }

    private List<BuildReport.FileReport> fileReports(TargetSpec target, TargetContents found,
            Map<String, String> sums) throws IOException {
        List<BuildReport.FileReport> files = new ArrayList<>();
        for (ArchiveEntry entry : found.entries().stream()
                .sorted(java.util.Comparator.comparing(ArchiveEntry::name)).toList()) {
            BinaryHeader header = found.headers().get(entry.name());
            LibraryAudit.Finding needs = found.needs().get(entry.name());
            files.add(new BuildReport.FileReport(options.topFolder(target.id()) + "/" + entry.name(), entry.kind(),
                    header == null ? null : header.description(), Files.size(entry.source()),
                    sums.get(entry.name()), needs == null ? List.of() : needs.libraries(),
                    needs == null ? List.of() : needs.bundled(), needs == null ? null : needs.glibc(),
                    needs == null ? null : needs.minimumOs(),
                    entry.kind().equals("bundled") ? entry.source().toAbsolutePath().toString() : null));
        }
        return files;
    }
}
