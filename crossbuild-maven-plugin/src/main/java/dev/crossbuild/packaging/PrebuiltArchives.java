package dev.crossbuild.packaging;

import dev.crossbuild.binary.ArchitectureCheck;
import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fan-in of a CI matrix: takes every selected target's archive, built by its own job, from one folder
 * (flat, or one subfolder per job as artifact downloads leave them), checks its {@code .sha256}, its single
 * top folder and the architecture of every binary in it, and only when every target passes copies the set to
 * {@code target/} with {@code SHA256SUMS} and the report, as a local build would. All or nothing: one missing,
 * altered or wrong archive fails the whole set, listing every problem. An archive is unpacked as untrusted bytes
 * ({@link ArchiveReader}): a link, a path leaving its folder, a truncated archive or one past
 * {@link ArchiveReader#MAX_UNPACKED_BYTES} is one of those problems; a failure to write the unpacked files is the
 * machine's.
 */
public final class PrebuiltArchives {

    /** Archives: the fan-in's set, each target's required. */
    static final PrebuiltFinder.Kind ARCHIVES = new PrebuiltFinder.Kind("archive",
            name -> name.endsWith(".zip") || name.endsWith(".tar.gz"), true);

    private final PackageOptions options;
    private final BuildLog log;

    public PrebuiltArchives(PackageOptions options, BuildLog log) {
        this.options = options;
        this.log = log;
    }

    /**
     * @param directory the folder the jobs' archives were gathered into
     * @param strict    an archive in the folder that matches no selected target is an error, not a warning
     */
    public Packager.Result gather(List<TargetSpec> targets, Path directory, boolean strict) throws CrossbuildException {
        Verified verified = verify(targets, directory, strict);
        return publish(verified);
    }

    /**
     * The record of every selected target's verified archive, its files unpacked under
     * {@code target/crossbuild/prebuilt/}, for the Linux packages of a fan-in: the same checks as {@link #gather},
     * all or nothing, but nothing is copied or reported. Each record is written, as {@link #gather} writes it.
     *
     * @return per target, in the targets' order, what it ships
     */
    public List<PackagedTarget> verified(List<TargetSpec> targets, Path directory, boolean strict)
            throws CrossbuildException {
        Verified verified = verify(targets, directory, strict);
        List<PackagedTarget> records = new ArrayList<>();
        for (TargetSpec target : targets) {
            records.add(record(verified, target, verified.chosen().get(target)));
        }
        return records;
    }

    /** The chosen archive, its file reports, its unpacked contents and their checksums, per target. */
    private record Verified(Map<TargetSpec, Path> chosen, Map<TargetSpec, List<BuildReport.FileReport>> reports,
            Map<TargetSpec, TargetContents> contents, Map<TargetSpec, Map<String, String>> sums) {
    }

    /** The target's record, with its files where the fan-in unpacked them and the archive at {@code archive}. */
    private PackagedTarget record(Verified verified, TargetSpec target, Path archive) throws MachineException {
        try {
            PackagedTarget record = PackagedTarget.of(target, archive, options.format(target.triple()),
                    Checksums.sha256(archive), options.topFolder(target.id()), verified.contents().get(target),
                    verified.sums().get(target));
            record.write(options.layout());
            return record;
        } catch (IOException e) {
            throw new MachineException("could not record what " + archive + " holds: " + e.getMessage(), e);
        }
    }

    private Verified verify(List<TargetSpec> targets, Path directory, boolean strict) throws CrossbuildException {
        PrebuiltFinder finder = new PrebuiltFinder(directory, strict, log);
        List<String> problems = new ArrayList<>();
        Map<TargetSpec, String> names = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            names.put(target, options.archive(target.id(), options.format(target.triple())).getFileName().toString());
        }
        Map<TargetSpec, Path> chosen = finder.find(ARCHIVES, names, problems);
        Map<TargetSpec, List<BuildReport.FileReport>> reports = new LinkedHashMap<>();
        Map<TargetSpec, TargetContents> contents = new LinkedHashMap<>();
        Map<TargetSpec, Map<String, String>> sums = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            PackagedTarget.forget(options.layout(), target.id());
        }
        for (Map.Entry<TargetSpec, Path> entry : chosen.entrySet()) {
            problems.addAll(check(entry.getKey(), entry.getValue(), reports, contents, sums));
        }
        if (!problems.isEmpty()) {
            throw new ProjectException("the prebuilt archives in " + directory + " are not a complete, verified set;"
                    + " nothing is attached or published:\n  - " + String.join("\n  - ", problems));
        }
        return new Verified(chosen, reports, contents, sums);
    }

    private List<String> check(TargetSpec target, Path archive, Map<TargetSpec, List<BuildReport.FileReport>> reports,
            Map<TargetSpec, TargetContents> contents, Map<TargetSpec, Map<String, String>> sums)
            throws CrossbuildException {
        String who = "target `" + target.id() + "`: " + archive;
        List<String> problems = new ArrayList<>();
        try {
            Optional<String> altered = PrebuiltFinder.checksumProblem(archive, who);
            if (altered.isPresent()) {
                return List.of(altered.get());
            }
            Path unpacked = options.layout().prebuiltFiles(target.id());
            FileTrees.delete(unpacked);
            String top = options.topFolder(target.id());
            List<String> names;
            try {
                names = ArchiveReader.extract(archive, options.format(target.triple()), unpacked);
            } catch (ArchiveRefusedException e) {
                FileTrees.delete(unpacked);
                return List.of("target `" + target.id() + "`: " + e.getMessage());
            }
            List<BuildReport.FileReport> files = new ArrayList<>();
            Map<String, ArchiveEntry> binaries = new LinkedHashMap<>();
            List<ArchiveEntry> entries = new ArrayList<>();
            Map<String, BinaryHeader> headers = new LinkedHashMap<>();
            Map<String, String> fileSums = new LinkedHashMap<>();
            Optional<ArchitectureCheck.Expectation> expectation = ArchitectureCheck.expected(target.triple());
            for (String name : names) {
                if (!name.equals(top) && !name.startsWith(top + "/")) {
                    problems.add(who + ": `" + name + "` is outside the one top folder " + top + "/ an archive of this"
                            + " target has");
                    continue;
                }
                Path file = unpacked.resolve(name);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Optional<BinaryHeader> header = BinaryHeaders.read(file);
                if (header.isPresent() && expectation.isPresent()) {
                    ArchitectureCheck.mismatch(header.get(), expectation.get())
                            .ifPresent(p -> problems.add(who + ": " + name + " " + p));
                }
                String sha256 = Checksums.sha256(file);
                files.add(new BuildReport.FileReport(name, "prebuilt", header.map(BinaryHeader::description).orElse(null),
                        Files.size(file), sha256));
                String inside = name.substring(top.length() + 1);
                fileSums.put(inside, sha256);
                boolean loadable = header.isPresent() && header.get().kind().isLoadable();
                // the unpacked file's mode is not the archive's (untrusted bytes): binaries and scripts get 0755
                ArchiveEntry unpackedEntry = new ArchiveEntry(inside, file, loadable || script(file), "prebuilt");
                entries.add(unpackedEntry);
                header.ifPresent(h -> headers.put(inside, h));
                if (loadable) {
                    binaries.put(inside, unpackedEntry);
                }
            }
            // what a local build's packaging checks, the gathered archive passes too: it starts on a clean machine
            List<String> missing = new ArrayList<>();
            Map<String, LibraryAudit.Finding> needs = new LibraryAudit(target, false, LibraryLocator.NONE)
                    .audit(binaries, missing);
            missing.forEach(m -> problems.add(who + ": " + m));
            reports.put(target, files);
            contents.put(target, new TargetContents(entries, headers, List.of(), 0, needs));
            sums.put(target, fileSums);
            return problems;
        } catch (IOException e) {
            throw new MachineException("could not check " + who + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static boolean script(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            return head.length == 2 && head[0] == '#' && head[1] == '!';
        }
    }

    private Packager.Result publish(Verified verified) throws MachineException {
        Map<TargetSpec, Path> chosen = verified.chosen();
        Map<TargetSpec, List<BuildReport.FileReport>> contents = verified.reports();
        List<Packager.PackagedArchive> archives = new ArrayList<>();
        List<BuildReport.TargetReport> reports = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        Path buildDirectory = options.buildDirectory();
        try {
            Files.createDirectories(buildDirectory);
            for (Map.Entry<TargetSpec, Path> entry : chosen.entrySet()) {
                TargetSpec target = entry.getKey();
                ArchiveFormat format = options.format(target.triple());
                Path archive = buildDirectory.resolve(entry.getValue().getFileName());
                if (!Files.isSameFile(buildDirectory, entry.getValue().getParent())) {
                    Files.copy(entry.getValue(), archive, StandardCopyOption.REPLACE_EXISTING);
                }
                String sha256 = Checksums.sha256(archive);
                Path checksum = Checksums.writeSidecar(archive, sha256);
                sums.add(sha256);
                archives.add(new Packager.PackagedArchive(target.id(), format, archive, checksum));
                record(verified, target, archive);
                reports.add(new BuildReport.TargetReport(target.id(), target.triple().value(), BuildReport.SUCCESS, 0,
                        0, 0, new BuildReport.FileReport(archive.getFileName().toString(), "archive", null,
                                Files.size(archive), sha256), contents.get(target), List.of()));
                log.info("[" + target.id() + "] verified prebuilt " + entry.getValue() + " (checksum, one top folder,"
                        + " architecture of every binary)");
            }
            Path sumsFile = Checksums.writeSums(buildDirectory, archives.stream().map(Packager.PackagedArchive::archive)
                    .toList(), sums);
            BuildReport report = new BuildReport(reports);
            report.write(options.layout());
            return new Packager.Result(report, archives, sumsFile);
        } catch (IOException e) {
            throw new MachineException("could not copy the prebuilt archives to " + buildDirectory + ": "
                    + e.getMessage(), e);
        }
    }
}
