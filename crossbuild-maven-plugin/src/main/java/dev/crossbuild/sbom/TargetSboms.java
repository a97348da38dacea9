package dev.crossbuild.sbom;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.packaging.PackagedTarget;
import dev.crossbuild.packaging.ShippedFile;
import dev.crossbuild.packaging.PrebuiltFinder;
import dev.crossbuild.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes one SBOM per target, {@code <finalName>-<id>.cdx.json} in the build directory: the crates cargo
 * resolves for the triple, the native builds that apply to it, and the files {@code package-arch} packaged
 * (its {@code report.json}), each bundled library with the Debian package it was copied from.
 */
public final class TargetSboms {

    public static final String EXTENSION = "cdx.json";

    /**
     * @param manifest     the crate's Cargo.toml
     * @param featureArgs  cargo's feature flags of this build
     * @param cargoArgs    the build's {@code <cargoArgs>}, whose package selection decides what is linked
     * @param offline      cargo runs with {@code --offline}
     * @param nativeBuilds the configured native builds
     */
    public record Options(WorkLayout layout, Path baseDirectory, String finalName, Instant timestamp,
            SbomSpec.Project project, Path manifest, List<String> featureArgs, List<String> cargoArgs,
            boolean offline, List<NativeBuildSpec> nativeBuilds) {
        public Options {
            featureArgs = List.copyOf(featureArgs);
            cargoArgs = cargoArgs == null ? List.of() : List.copyOf(cargoArgs);
            nativeBuilds = List.copyOf(nativeBuilds);
        }

        public Path sbom(String targetId) {
            return layout.buildDirectory().resolve(finalName + "-" + targetId + "." + EXTENSION);
        }
    }

    /** An SBOM to attach with the target id as classifier. */
    public record Written(String targetId, Path file) {
    }

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;
    private final Options options;

    public TargetSboms(ProcessRunner runner, TargetEnvironments environments, BuildLog log, Options options) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
        this.options = options;
    }

    public List<Written> write(List<TargetSpec> targets) throws CrossbuildException {
        CargoResolution resolution = new CargoResolution(runner);
        List<Written> written = new ArrayList<>();
        for (TargetSpec target : targets) {
            var env = environments.baseEnvironment(target);
            List<CargoCrate> crates = resolution.resolve(target, new CargoResolution.Request(options.manifest(),
                    options.featureArgs(), options.cargoArgs(), options.offline(), env));
            // what package-arch (or the fan-in) recorded the target ships: the one record every format reads
            PackagedTarget.Lookup packaged = PackagedTarget.find(options.layout(), target, "sbom");
            if (packaged.record().isEmpty()) {
                log.warn("[" + target.id() + "] its SBOM lists crates and native builds only: " + packaged.problem());
            }
            DebianPackages debian = new DebianPackages(runner, env);
            List<SbomSpec.PackagedFile> files = new ArrayList<>();
            String archiveType = null;
            if (packaged.record().isPresent()) {
                PackagedTarget record = packaged.record().get();
                archiveType = record.archiveFormat();
                for (ShippedFile file : record.files()) {
                    // a bundled library names the file it was copied from, which a Debian package may own
                    DebianPackages.DebianPackage owner = "bundled".equals(file.origin())
                            ? debian.owner(file.sourceFile()).orElse(null) : null;
                    files.add(new SbomSpec.PackagedFile(record.topFolder() + "/" + file.path(), file.origin(),
                            file.sha256(), owner));
                }
            }
            files.sort(Comparator.comparing(SbomSpec.PackagedFile::path));
            List<SbomSpec.NativePart> natives = options.nativeBuilds().stream().filter(b -> b.appliesTo(target))
                    .map(b -> new SbomSpec.NativePart(b.id(), b.tool().name().toLowerCase(Locale.ROOT),
                            relative(b.directory())))
                    .sorted(Comparator.comparing(SbomSpec.NativePart::id)).toList();
            SbomSpec spec = new SbomSpec(options.project(), target.id(), target.triple().value(), archiveType,
                    options.timestamp(), crates, natives, files);
            Path file = options.sbom(target.id());
            SbomWriter.write(spec, file);
            log.info("[" + target.id() + "] SBOM " + file.getFileName() + ": " + crates.stream()
                    .filter(c -> !c.buildOnly()).count() + " crates linked, " + crates.stream()
                    .filter(CargoCrate::buildOnly).count() + " build-only, " + natives.size() + " native builds, "
                    + files.size() + " packaged files");
            written.add(new Written(target.id(), file));
        }
        return written;
    }

    /**
     * The fan-in job's SBOMs: each target's {@code <finalName>-<id>.cdx.json}, found as every prebuilt file is
     * ({@link PrebuiltFinder}: in the folder the jobs' files were downloaded to and its direct subfolders), copied
     * into the build directory. A target without one is a warning, an error when strict.
     *
     * @param strict the folder must hold exactly the selected set
     */
    public List<Written> gather(List<TargetSpec> targets, Path prebuilt, boolean strict) throws CrossbuildException {
        PrebuiltFinder finder = new PrebuiltFinder(prebuilt, strict, log);
        Map<TargetSpec, String> names = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            names.put(target, options.sbom(target.id()).getFileName().toString());
        }
        String prefix = options.finalName() + "-";
        List<String> problems = new ArrayList<>();
        Map<TargetSpec, Path> chosen = finder.find(new PrebuiltFinder.Kind("SBOM",
                name -> name.startsWith(prefix) && name.endsWith("." + EXTENSION), false), names, problems);
        if (!problems.isEmpty()) {
            throw new ProjectException("the prebuilt SBOMs in " + prebuilt + " are not a complete set; nothing is"
                    + " attached:\n  - " + String.join("\n  - ", problems));
        }
        List<Written> written = new ArrayList<>();
        for (Map.Entry<TargetSpec, Path> entry : chosen.entrySet()) {
            TargetSpec target = entry.getKey();
            Path wanted = options.sbom(target.id());
            String name = wanted.getFileName().toString();
            Path found = entry.getValue();
            try {
                Files.createDirectories(wanted.getParent());
                if (!found.toAbsolutePath().normalize().equals(wanted.toAbsolutePath().normalize())) {
                    Path temp = Files.createTempFile(wanted.getParent(), name, ".tmp");
                    Files.copy(found, temp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(temp, wanted, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new MachineException("could not copy " + found + " to " + wanted + ": "
                        + e.getMessage(), e);
            }
            written.add(new Written(target.id(), wanted));
        }
        return written;
    }

    private String relative(Path directory) {
        Path base = options.baseDirectory().toAbsolutePath().normalize();
        Path dir = directory.toAbsolutePath().normalize();
        String relative = (dir.startsWith(base) ? base.relativize(dir).toString() : dir.getFileName().toString())
                .replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
