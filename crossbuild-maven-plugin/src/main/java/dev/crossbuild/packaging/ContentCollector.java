package dev.crossbuild.packaging;

import dev.crossbuild.binary.ArchitectureCheck;
import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.binary.BinaryKind;
import dev.crossbuild.binary.MalformedBinaryException;
import dev.crossbuild.cargo.CargoArtifact;
import dev.crossbuild.cargo.CargoBuildRecord;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gathers a target's files (cargo's executables and libraries, native build outputs when asked, the
 * configured extra files) and proves from each binary's header that it was built for the target.
 */
public final class ContentCollector {

    /** Build-system bookkeeping inside native output directories: sanity-check programs, never products. */
    private static final Set<String> NATIVE_SKIPPED_DIRECTORIES = Set.of("meson-private", "meson-logs",
            "meson-info", "CMakeFiles", ".git");

    private final PackageOptions options;
    private final BuildLog log;
    private final LibraryLocator locator;
    private final ContentRules rules;

    ContentCollector(PackageOptions options, BuildLog log, LibraryLocator locator) {
        this(options, log, locator, ContentRules.ARCHIVE);
    }

    /** @param rules what the goal takes from the build, and how the audit finds what they need */
    public ContentCollector(PackageOptions options, BuildLog log, LibraryLocator locator, ContentRules rules) {
        this.options = options;
        this.log = log;
        this.locator = locator;
        this.rules = rules;
    }

    /** The target's files, audited and proven to be for its machine; what is wrong is in the problems. */
    public TargetContents collect(TargetSpec target) throws CrossbuildException {
        Map<String, ArchiveEntry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String who = "target `" + target.id() + "` (" + target.triple() + ")";

        Optional<CargoBuildRecord> record = CargoBuildRecord.read(options.layout(), target.id());
        long cargoMillis = record.map(CargoBuildRecord::durationMillis).orElse(0L);
        Optional<String> stale = record.flatMap(r -> r.staleFor(target, options.selection()));
        if (stale.isPresent()) {
            problems.add(who + ": the cargo build record " + options.layout().cargoRecord(target.id()) + " is stale: "
                    + stale.get() + "; run cargo-build again with the same settings (mvn package runs both goals)");
            record = Optional.empty();
        } else if (record.isPresent() && !record.get().succeeded()) {
            problems.add(who + ": its cargo build failed (" + record.get().error() + "); fix that build first");
        }
        record.filter(CargoBuildRecord::succeeded).ifPresent(r -> addCargoArtifacts(r, entries, problems, who));
        Map<String, String> nativeDirs = Map.of();
        if (options.includeNativeOutputs()) {
            try {
                nativeDirs = NativeOutputs.current(options.layout(), target, options.nativeBuilds().stream()
                        .filter(b -> b.appliesTo(target)).map(NativeBuildSpec::id).toList());
            } catch (ProjectException staleNative) {
                problems.add(staleNative.getMessage());
            }
        }
        for (Map.Entry<String, String> build : nativeDirs.entrySet()) {
            addNativeOutputs(build.getKey(), Path.of(build.getValue()), entries, problems, who);
        }
        if (problems.isEmpty() && entries.isEmpty()) {
            problems.add(record.isEmpty()
                    ? who + ": nothing to package: there is no cargo build record "
                            + options.layout().cargoRecord(target.id()) + "; run cargo-build"
                            + " before " + rules.goal() + " (list both goals in one <execution>), or skip it with -D"
                            + rules.skipProperty()
                    : who + ": " + rules.nothingToPackage() + ", or skip " + rules.goal() + " with -D"
                            + rules.skipProperty());
        }
        if (!options.programFolder().isEmpty()) {
            // before the audit, so bundled libraries land relative to the binaries where they now are
            Map<String, ArchiveEntry> moved = new LinkedHashMap<>();
            entries.forEach((name, entry) -> {
                String placed = options.programFolder() + "/" + name;
                moved.put(placed, new ArchiveEntry(placed, entry.source(), entry.executable(), entry.kind()));
            });
            entries.clear();
            entries.putAll(moved);
        }
        addPackageFiles(entries, problems);
        // what each binary needs to start, bundled from the toolchain when asked, before the architecture proof
        Map<String, LibraryAudit.Finding> needs = new LibraryAudit(target, options.bundleLibraries(), locator,
                rules.preloadedSiblings()).audit(entries, problems);

        Map<String, BinaryHeader> headers = new LinkedHashMap<>();
        verify(target, entries, headers, problems, who);
        return new TargetContents(List.copyOf(entries.values()), headers, problems, cargoMillis, needs);
    }

    private void addCargoArtifacts(CargoBuildRecord record, Map<String, ArchiveEntry> entries, List<String> problems,
            String who) {
        for (CargoArtifact artifact : record.artifacts()) {
            if (artifact.kind().equals("staticlib") && !options.includeStaticLibraries()) {
                continue;
            }
            Path file = Path.of(artifact.path());
            if (!Files.isRegularFile(file)) {
                problems.add(who + ": cargo reported " + file + " (" + artifact.kind() + " `" + artifact.crate()
                        + "`), but it is gone; run the build again (mvn package)");
                continue;
            }
            boolean loadable = !artifact.kind().equals("staticlib") && !isImportLibrary(file);
            ArchiveEntry entry = new ArchiveEntry(file.getFileName().toString(), file, loadable, artifact.kind());
            if (rules.keep().test(entry)) {
                add(entries, entry, problems, who);
            }
        }
    }

    private static boolean isImportLibrary(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".dll.a") || name.endsWith(".dll.lib") || name.endsWith(".lib");
    }

    private void addNativeOutputs(String buildId, Path dir, Map<String, ArchiveEntry> entries, List<String> problems,
            String who) throws MachineException, MalformedBinaryException {
        if (!Files.isDirectory(dir)) {
            problems.add(who + ": the output directory " + dir + " of native build `" + buildId + "` is gone; run"
                    + " the build again (mvn package)");
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !skipped(dir.relativize(f)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MachineException("could not list " + dir + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            Optional<BinaryHeader> header = header(file);
            if (header.isEmpty()) {
                continue;
            }
            BinaryKind kind = header.get().kind();
            boolean library = kind == BinaryKind.STATIC_LIBRARY || kind == BinaryKind.IMPORT_LIBRARY;
            ArchiveEntry entry = new ArchiveEntry(file.getFileName().toString(), file, kind.isLoadable(),
                    "native:" + buildId);
            if ((kind.isLoadable() || library && options.includeStaticLibraries()) && rules.keep().test(entry)) {
                add(entries, entry, problems, who);
            }
        }
    }

    private static boolean skipped(Path relative) {
        for (Path part : relative) {
            if (NATIVE_SKIPPED_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private void addPackageFiles(Map<String, ArchiveEntry> entries, List<String> problems) throws MachineException {
        Path base = options.baseDirectory().toAbsolutePath().normalize();
        Path buildDir = options.buildDirectory().toAbsolutePath().normalize();
        for (String pattern : options.packageFiles()) {
            List<Path> matches = PackageFiles.match(base, buildDir, pattern);
            if (matches.isEmpty()) {
                problems.add("<packageFiles><packageFile>" + pattern + "</packageFile> matches no file under " + base
                        + "; fix the path or glob (relative to the project directory) or remove it");
            }
            for (Path file : matches) {
                String name = base.relativize(file).toString().replace('\\', '/');
                add(entries, new ArchiveEntry(name, file, isExecutable(file), "file"), problems, null);
            }
        }
    }

    private static boolean isExecutable(Path file) {
        try {
            return Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static void add(Map<String, ArchiveEntry> entries, ArchiveEntry entry, List<String> problems,
            String who) {
        ArchiveEntry previous = entries.get(entry.name());
        if (previous == null) {
            entries.put(entry.name(), entry);
        } else if (!previous.source().equals(entry.source())) {
            problems.add((who == null ? "" : who + ": ") + "two files would be packaged as `" + entry.name() + "`: "
                    + previous.source() + " (" + previous.kind() + ") and " + entry.source() + " (" + entry.kind()
                    + "); rename one, or drop one from <packageFiles>");
        }
    }

    private void verify(TargetSpec target, Map<String, ArchiveEntry> entries, Map<String, BinaryHeader> headers,
            List<String> problems, String who) throws MachineException, MalformedBinaryException {
        Optional<ArchitectureCheck.Expectation> expected = ArchitectureCheck.expected(target.triple());
        for (ArchiveEntry entry : entries.values()) {
            Optional<BinaryHeader> header = header(entry.source());
            header.ifPresent(h -> headers.put(entry.name(), h));
            boolean binary = !entry.kind().equals("file");
            if (header.isEmpty()) {
                if (binary && expected.isPresent()) {
                    problems.add(who + ": " + entry.source() + " (" + entry.kind() + ") is not an ELF, PE, Mach-O"
                            + " or WebAssembly binary, so its architecture cannot be proven; check what produced it");
                }
                continue;
            }
            if (expected.isEmpty()) {
                log.warn(who + ": the plugin cannot tell which machine " + target.triple() + " binaries are for;"
                        + " " + entry.source() + " is packaged unchecked (" + header.get().description() + ")");
                continue;
            }
            ArchitectureCheck.mismatch(header.get(), expected.get()).ifPresent(problem -> problems.add(who + ": "
                    + entry.source() + " (" + entry.kind() + ") " + problem));
        }
    }

    private static Optional<BinaryHeader> header(Path file) throws MachineException, MalformedBinaryException {
        try {
            return BinaryHeaders.read(file);
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
