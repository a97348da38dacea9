package dev.crossbuild.linuxpkg;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryKind;
import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.BinaryNeedsReader;
import dev.crossbuild.binary.ObjectFormat;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.LinuxPlatforms;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.Checksums;
import dev.crossbuild.packaging.FileKind;
import dev.crossbuild.packaging.PackagedTarget;
import dev.crossbuild.packaging.ShippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Writes a {@code .deb} and an {@code .rpm} for every Linux target from its audited contents: programs in
 * {@code /usr/bin}, the libraries they bring under {@code /usr/lib/<name>/} where their runpaths find them
 * ({@link PackageLayout}), {@code copyright} and {@code changelog.gz} in {@code /usr/share/doc/<name>/}, the
 * {@code <files>}, and the dependencies the binaries prove ({@link PackageDependencies}). Every target is checked
 * before any package is written, and every problem of every target is listed at once. Programs and libraries are
 * stripped for the packages with the target's own strip ({@link BinaryStrip}) unless that is switched off. Windows and macOS targets get
 * no package, with a line saying so. A {@code .sha256} goes beside each package and each is added to
 * {@code SHA256SUMS}.
 */
public final class LinuxPackager {

    /**
     * @param outputDirectory where the packages go ({@code target/})
     * @param workDirectory   the packager's own files (the generated documents and control file)
     * @param finalName       packages are {@code <finalName>-<id>.deb} and {@code .rpm}
     * @param timestamp       the time of every entry and of the packages themselves
     * @param metadata        what the packages say about themselves
     */
    public record Options(Path outputDirectory, Path workDirectory, String finalName, Instant timestamp,
            PackageMetadata metadata) {
    }

    /** A package written for a target. */
    public record Written(String targetId, String type, Path file, Path checksum) {
    }

    /**
     * One target and what it ships, as package-arch recorded it after the closure audit (or a fan-in from a verified
     * prebuilt archive).
     *
     * @param packaged its record; null for a target that is not Linux, or when there is none ({@code problem} says why)
     */
    public record Input(TargetSpec target, PackagedTarget packaged, String problem) {
    }

    private final Options options;
    private final BuildLog log;
    private final LibraryPackages packages;
    private final BinaryStrip strip;

    /** Packages with the binaries as built (not stripped). */
    public LinuxPackager(Options options, BuildLog log, LibraryPackages packages) {
        this(options, log, packages, null);
    }

    /** @param strip strips the programs and libraries for the packages; null keeps them as built */
    public LinuxPackager(Options options, BuildLog log, LibraryPackages packages, BinaryStrip strip) {
        this.options = options;
        this.log = log;
        this.packages = packages;
        this.strip = strip;
    }

    /** A target's packages, ready to write. */
    private record Planned(TargetSpec target, String debArch, String rpmArch, List<PackagedFile> files,
            List<String> directories, PackageDependencies dependencies, BinaryStrip.Tool strip) {
    }

    /**
     * @throws ProjectException when any Linux target cannot be packaged, listing every problem; nothing is written
     */
    public List<Written> write(List<Input> inputs) throws CrossbuildException {
        PackageMetadata meta = options.metadata();
        for (String variable : DebWriter.JDEB_VARIABLES) {
            if (System.getenv(variable) != null) {
                log.warn("the environment sets " + variable + ", which jdeb puts into every .deb in place of the"
                        + " pom's value; unset it for packages that follow from the project alone");
            }
        }
        List<String> problems = new ArrayList<>();
        List<PackagedFile> common = commonFiles(meta, problems);
        List<Planned> planned = new ArrayList<>();
        for (Input input : inputs) {
            TargetSpec target = input.target();
            String who = "target `" + target.id() + "` (" + target.triple() + ")";
            if (!target.triple().isLinux()) {
                log.info("[" + target.id() + "] no Linux package for " + target.triple() + ": .deb and .rpm"
                        + " packages are made for Linux targets only");
                continue;
            }
            Optional<String> debArch = PlatformKeys.debianArch(target.triple());
            Optional<String> rpmArch = PlatformKeys.rpmArch(target.triple());
            if (debArch.isEmpty() || rpmArch.isEmpty()) {
                problems.add(who + ": no " + (debArch.isEmpty() ? "Debian" : "RPM") + " package architecture is"
                        + " known for " + target.triple() + "; leave the target out of package-linux"
                        + " (-Dcrossbuild.targets=…) or skip the goal (-Dcrossbuild.package-linux.skip=true)");
                continue;
            }
            if (input.packaged() == null) {
                problems.add(input.problem());
                continue;
            }
            planned.add(plan(target, input.packaged(), debArch.get(), rpmArch.get(), common, problems, who));
        }
        if (!problems.isEmpty()) {
            throw new ProjectException(problems.size() == 1 ? "package-linux: " + problems.get(0)
                    : "package-linux found " + problems.size() + " problems:\n  - " + String.join("\n  - ", problems));
        }
        List<Written> written = new ArrayList<>();
        for (Planned plan : planned) {
            written.addAll(write(plan, meta));
        }
        if (!written.isEmpty()) {
            try {
                List<Path> files = written.stream().map(Written::file).toList();
                List<String> sums = new ArrayList<>();
                for (Written w : written) {
                    sums.add(Files.readString(w.checksum()).substring(0, 64));
                }
                Checksums.addToSums(options.outputDirectory(), files, sums);
            } catch (IOException e) {
                throw new MachineException("could not write " + options.outputDirectory().resolve(Checksums.SUMS_FILE)
                        + ": " + e.getMessage(), e);
            }
        }
        return written;
    }

    private Planned plan(TargetSpec target, PackagedTarget contents, String debArch, String rpmArch,
            List<PackagedFile> common, List<String> problems, String who) throws CrossbuildException {
        List<PackageLayout.Binary> binaries = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ShippedFile file : contents.files()) {
            BinaryHeader header = file.header();
            if (header == null || header.format() != ObjectFormat.ELF || !header.kind().isLoadable()) {
                leftOut.add(file.path() + (header == null ? "" : " (" + header.kind().displayName() + ")"));
                continue;
            }
            BinaryNeeds needs = file.needs() != null ? file.needs() : needs(file.sourceFile());
            binaries.add(new PackageLayout.Binary(file.entry(), needs, file.kind() == FileKind.PROGRAM));
        }
        if (!leftOut.isEmpty()) {
            log.info("[" + target.id() + "] not in the Linux packages: " + String.join(", ", leftOut) + " (they hold"
                    + " programs and the shared libraries those load; list other files in <linuxPackage><files>)");
        }
        String name = options.metadata().name();
        if (binaries.stream().noneMatch(PackageLayout.Binary::program)) {
            problems.add(who + ": there is no program to package for Linux: the target's contents hold "
                    + (contents.files().isEmpty() ? "nothing" : "no executable") + "; build a [[bin]], or skip"
                    + " package-linux (-Dcrossbuild.package-linux.skip=true)");
        }
        PackageLayout.Plan plan = PackageLayout.plan(name, binaries, problems, who);
        Map<String, PackagedFile> files = new LinkedHashMap<>();
        plan.files().forEach(f -> files.put(f.path(), f));
        for (PackagedFile file : common) {
            PackagedFile before = files.putIfAbsent(file.path(), file);
            if (before != null) {
                problems.add(who + ": <linuxPackage><files> puts " + file.source() + " at " + file.path() + ", where"
                        + " the package already has " + (before.isLink() ? "a link" : before.source()));
            }
        }
        List<PackagedFile> sorted = files.values().stream().sorted(Comparator.comparing(PackagedFile::path)).toList();
        List<PackageDependencies.Needs> needs = new ArrayList<>();
        for (Map.Entry<String, PackageLayout.Binary> placed : plan.binaries().entrySet()) {
            needs.add(new PackageDependencies.Needs(placed.getValue().needs(),
                    elf64(placed.getValue().entry().source())));
        }
        boolean musl = target.triple().env().startsWith("musl");
        String multiarch = LinuxPlatforms.multiarchTuple(target.triple()).filter(m -> !musl).orElse(null);
        PackageDependencies dependencies = PackageDependencies.of(needs, plan.privateNames(), musl, debArch,
                multiarch, packages, options.metadata().depends(), options.metadata().requires());
        if (!dependencies.unmapped().isEmpty()) {
            String text = "[" + target.id() + "] the .deb cannot name the Debian package of "
                    + String.join(", ", dependencies.unmapped()) + ": no installed " + debArch + " package holds "
                    + (dependencies.unmapped().size() == 1 ? "it" : "them") + " in /lib/" + (multiarch == null ? "…"
                            : multiarch) + " or /usr/lib/" + (multiarch == null ? "…" : multiarch)
                    + " (dpkg-query -S); declare "
                    + (dependencies.unmapped().size() == 1 ? "it" : "them") + " with <linuxPackage><depends><depend>"
                    + "PACKAGE</depend></depends> (the .rpm requires the sonames themselves)";
            if (options.metadata().depends().isEmpty()) {
                log.warn(text);
            } else {
                log.info(text + "; the .deb depends on " + String.join(", ", options.metadata().depends()));
            }
        }
        BinaryStrip.Tool tool = strip == null ? null : strip.find(target);
        return new Planned(target, debArch, rpmArch, sorted, directories(sorted, name), dependencies, tool);
    }

    private List<Written> write(Planned plan, PackageMetadata meta) throws CrossbuildException {
        String id = plan.target().id();
        Path deb = options.outputDirectory().resolve(options.finalName() + "-" + id + ".deb");
        Path rpm = options.outputDirectory().resolve(options.finalName() + "-" + id + ".rpm");
        Path work = options.workDirectory().resolve(id);
        try {
            Files.createDirectories(options.outputDirectory());
        } catch (IOException e) {
            throw new MachineException("could not create " + options.outputDirectory() + ": " + e.getMessage(), e);
        }
        List<PackagedFile> files = plan.strip() == null ? plan.files() : stripped(plan, work.resolve("stripped"));
        List<String> programs = files.stream().map(PackagedFile::path).filter(p -> p.startsWith("/usr/bin/"))
                .map(PackageLayout::fileName).toList();
        List<String> description = meta.longDescription(programs);
        DebWriter.write(deb, work, meta, plan.debArch(), plan.dependencies().debian(), description, files,
                options.timestamp(), log);
        RpmWriter.write(rpm, meta, plan.rpmArch(), plan.dependencies().rpm(), description, files,
                plan.directories(), options.timestamp());
        List<Written> written = new ArrayList<>();
        for (Path file : List.of(deb, rpm)) {
            try {
                Path sidecar = Checksums.writeSidecar(file, Checksums.sha256(file));
                String type = file.getFileName().toString().endsWith(".deb") ? "deb" : "rpm";
                written.add(new Written(id, type, file, sidecar));
            } catch (IOException e) {
                throw new MachineException("could not write the checksum of " + file + ": " + e.getMessage(), e);
            }
        }
        log.info("[" + id + "] packaged " + deb.getFileName() + " (" + plan.debArch() + ", Depends: "
                + (plan.dependencies().debian().isEmpty() ? "none" : String.join(", ", plan.dependencies().debian()))
                + ") and " + rpm.getFileName() + " (" + plan.rpmArch() + ", " + plan.dependencies().rpm().size()
                + " requires)");
        return written;
    }

    /** The plan's files with every program and library replaced by its stripped copy under {@code into}. */
    private List<PackagedFile> stripped(Planned plan, Path into) throws CrossbuildException {
        List<PackagedFile> files = new ArrayList<>();
        for (PackagedFile file : plan.files()) {
            boolean library = file.role() == PackagedFile.Role.LIBRARY;
            if (file.isLink() || !(library || file.role() == PackagedFile.Role.PROGRAM)) {
                files.add(file);
                continue;
            }
            Path copy = into.resolve(file.path().substring(1));
            strip.strip(plan.strip(), file.source(), library, copy);
            files.add(new PackagedFile(file.path(), copy, file.mode(), file.role(), file.link()));
        }
        log.info("[" + plan.target().id() + "] stripped the binaries for the packages with "
                + plan.strip().program().getFileName() + " (the archives keep them as built)");
        return files;
    }

    /** The files every target's packages have: the Debian documents, then {@code <files>}. */
    private List<PackagedFile> commonFiles(PackageMetadata meta, List<String> problems) throws MachineException {
        Path docs = options.workDirectory().resolve("doc");
        Path copyright = docs.resolve("copyright");
        Path changelog = docs.resolve("changelog.gz");
        try {
            Files.createDirectories(docs);
            Files.writeString(copyright, DebianDocs.copyright(meta, options.timestamp()), StandardCharsets.UTF_8);
            Files.write(changelog, DebianDocs.gzip(DebianDocs.changelog(meta, options.timestamp())));
        } catch (IOException e) {
            throw new MachineException("could not write the package documents in " + docs + ": " + e.getMessage(), e);
        }
        String doc = "/usr/share/doc/" + meta.name();
        List<PackagedFile> files = new ArrayList<>();
        files.add(new PackagedFile(doc + "/copyright", copyright, 0644, PackagedFile.Role.DOC, null));
        files.add(new PackagedFile(doc + "/changelog.gz", changelog, 0644, PackagedFile.Role.DOC, null));
        for (ExtraFile extra : meta.files()) {
            String destination = extra.destination() == null ? "" : extra.destination().trim();
            String path = PackageLayout.normalize(destination);
            String element = "<linuxPackage><files><file><destination>" + destination + "</destination>";
            if (!destination.startsWith("/") || !path.equals(destination) || path.equals("/")) {
                problems.add(element + " must be an absolute path to a file, without `.`, `..` or a trailing `/`,"
                        + " e.g. /etc/" + meta.name() + "/" + extra.source().getFileName());
                continue;
            }
            if (files.stream().anyMatch(f -> f.path().equals(path))) {
                problems.add(element + " is given twice, or is a file the package writes itself");
                continue;
            }
            PackagedFile.Role role = path.startsWith("/etc/") ? PackagedFile.Role.CONFIG
                    : path.startsWith("/usr/share/doc/") ? PackagedFile.Role.DOC : PackagedFile.Role.FILE;
            files.add(new PackagedFile(path, extra.source(), extra.mode(), role, null));
        }
        return files;
    }

    /** The package's own folders, for the RPM to own: {@code /usr/lib/<name>} and {@code /usr/share/doc/<name>}. */
    private static List<String> directories(List<PackagedFile> files, String name) {
        TreeSet<String> dirs = new TreeSet<>();
        List<String> own = List.of("/usr/lib/" + name, "/usr/share/doc/" + name, "/etc/" + name);
        for (PackagedFile file : files) {
            for (String dir = PackageLayout.parent(file.path()); !dir.equals("/"); dir = PackageLayout.parent(dir)) {
                String d = dir;
                if (own.stream().anyMatch(o -> d.equals(o) || d.startsWith(o + "/"))) {
                    dirs.add(d);
                }
            }
        }
        return List.copyOf(dirs);
    }

    private static BinaryNeeds needs(Path file) throws CrossbuildException {
        try {
            return BinaryNeedsReader.read(file).orElseThrow(() -> new MachineException(file
                    + " is no longer an ELF binary; build again"));
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file is 64-bit ELF ({@code EI_CLASS} 2), which rpm marks {@code (64bit)}. */
    static boolean elf64(Path file) throws MachineException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] ident = in.readNBytes(5);
            return ident.length == 5 && ident[4] == 2;
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
