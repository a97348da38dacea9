package dev.crossbuild.reproduce;

import dev.crossbuild.cargo.CargoBuilder;
import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.FileTrees;
import dev.crossbuild.core.Fingerprint;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeBuilder;
import dev.crossbuild.packaging.CompilerLibraryLocator;
import dev.crossbuild.packaging.PackageOptions;
import dev.crossbuild.packaging.Packager;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.repro.ReproducibleBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * {@code -Dcrossbuild.verifyReproducible=true}: builds every selected target a second time from a copy of the
 * project in another directory (another path, another length, a later time) and compares the archives, naming
 * the target, the first differing file inside and, for a file, the first differing offset. The check a release
 * job runs before publishing.
 */
public final class ReproducibilityCheck {

    /** How the first build was made; the second one repeats it from the copy. */
    public record FirstBuild(Path projectDirectory, WorkLayout layout, CargoOptions cargo, PackageOptions packaging,
            NativeBuilder.Options natives, List<NativeBuildSpec> nativeBuilds) {
    }

    private final ProcessRunner runner;
    private final BuildLog log;

    public ReproducibilityCheck(ProcessRunner runner, BuildLog log) {
        this.runner = runner;
        this.log = log;
    }

    /**
     * @param environments the target environments of a project directory and layout (its script captures)
     * @param reproducible what the first build used, for the copy's own directories
     * @param firstArchives the archives of the first build, one per target, in order
     */
    public void verify(List<TargetSpec> targets, FirstBuild first, List<Path> firstArchives,
            BiFunction<Path, WorkLayout, TargetEnvironments> environments,
            BiFunction<Path, WorkLayout, ReproducibleBuild> reproducible) throws CrossbuildException {
        Path copy = first.layout().root().resolve("reproducibility").resolve("second-build-of-"
                + first.projectDirectory().getFileName());
        copyProject(first.projectDirectory(), first.layout().buildDirectory(), copy);
        WorkLayout layout = new WorkLayout(copy.resolve(first.projectDirectory().relativize(
                first.layout().buildDirectory())));
        ReproducibleBuild repro = reproducible.apply(copy, layout);
        TargetEnvironments env = environments.apply(copy, layout);
        BuildLog second = log.prefixed("(second build) ");
        log.info("verifyReproducible: building every target again in " + copy);
        List<NativeBuildSpec> natives = first.nativeBuilds().stream().map(b -> new NativeBuildSpec(b.id(), b.tool(),
                rebase(b.directory(), first.projectDirectory(), copy), b.args(), b.env(), b.targets(), b.test()))
                .toList();
        NativeBuilder nativeBuilder = new NativeBuilder(runner, env, second, new NativeBuilder.Options(layout,
                first.natives().resolver(), true, first.natives().timeout(), repro, first.natives().cache()));
        nativeBuilder.buildAll(targets, natives);
        CargoOptions cargo = first.cargo();
        CargoOptions copied = new CargoOptions(rebase(cargo.manifest(), first.projectDirectory(), copy),
                cargo.selection(), layout, cargo.offline(), cargo.locked(), cargo.extraArgs(), cargo.extraEnvironment(),
                cargo.timeout(), false, repro, cargo.cache(), cargo.group());
        new CargoBuilder(runner, env, second).buildAll(targets, copied, natives);
        PackageOptions p = first.packaging();
        Packager.Result result = new Packager(new PackageOptions(layout, copy, p.finalName(), p.timestamp(),
                p.includeStaticLibraries(), p.includeNativeOutputs(), p.packageFiles(), p.selection(), natives,
                p.bundleLibraries()), second, new CompilerLibraryLocator(runner, env, first.natives().resolver(), layout))
                .packageTargets(targets);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Path a = firstArchives.get(i);
            Path b = result.archives().get(i).archive();
            String id = targets.get(i).id();
            var difference = ArchiveDifference.first(a, b, result.archives().get(i).format(),
                    layout.root().resolve("compare"));
            if (difference.isPresent()) {
                problems.add(difference.get().describe(id));
            } else {
                log.info("[" + id + "] reproducible: " + a.getFileName() + " is byte-identical when built in " + copy);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProjectException("the build is not reproducible: built again in " + copy + ":\n  - "
                    + String.join("\n  - ", problems) + "\nsee README \"Reproducible binaries\" for what makes"
                    + " outputs depend on time and place (a build script writing the time, absolute paths)");
        }
    }

    /** The project's files, without its build directory and version control folders. */
    static void copyProject(Path project, Path buildDirectory, Path copy) throws MachineException {
        try {
            FileTrees.delete(copy);
            try (Stream<Path> files = Files.walk(project)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path relative = project.relativize(file);
                    if (file.startsWith(buildDirectory) || Fingerprint.ignored(relative)) {
                        continue;
                    }
                    Path target = copy.resolve(relative.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new MachineException("could not copy " + project + " to " + copy + ": " + e.getMessage(), e);
        }
    }

    private static Path rebase(Path path, Path from, Path to) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(from) ? to.resolve(from.relativize(absolute).toString()) : path;
    }
}
