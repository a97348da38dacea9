package dev.crossbuild.rebuildcheck;

import dev.crossbuild.cargo.CargoBuilder;
import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.FileTrees;
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
import dev.crossbuild.reproducible.ReproducibleBuild;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * {@code -Dcrossbuild.verifyReproducible=true}: builds every selected target a second time from a copy of the
 * project in another directory (another path, another length, a later time) and compares the archives, naming
 * the target, the first differing file inside and, for a file, the first differing offset. The check a release
 * job runs before publishing. The copy is removed afterwards, whatever the result, unless it is to be kept.
 */
public final class ReproducibilityCheck {

    /** How the first build was made; the second one repeats it from the copy. */
    public record FirstBuild(Path projectDirectory, WorkLayout layout, CargoOptions cargo, PackageOptions packaging,
            NativeBuilder.Options natives, List<NativeBuildSpec> nativeBuilds) {
    }

    /** The second build, run in the copy. */
    @FunctionalInterface
    interface SecondBuild<T> {
        T run() throws CrossbuildException;
    }

    private final ProcessRunner runner;
    private final BuildLog log;
    private final boolean keepCopy;

    /** @param keepCopy leave the copy of the second build in place, for a look, instead of removing it */
    public ReproducibilityCheck(ProcessRunner runner, BuildLog log, boolean keepCopy) {
        this.runner = runner;
        this.log = log;
        this.keepCopy = keepCopy;
    }

    /**
     * @param environments the target environments of a project directory and layout (its script captures)
     * @param reproducible what the first build used, for the copy's own directories
     * @param firstArchives the archives of the first build, one per target, in order
     */
    public void verify(List<TargetSpec> targets, FirstBuild first, List<Path> firstArchives,
            BiFunction<Path, WorkLayout, TargetEnvironments> environments,
            BiFunction<Path, WorkLayout, ReproducibleBuild> reproducible) throws CrossbuildException {
        Path copy = first.layout().secondBuild(first.projectDirectory().getFileName()
                .toString());
        List<String> problems = inCopy(first.projectDirectory(), first.layout().buildDirectory(), copy,
                () -> buildAgainAndCompare(targets, first, firstArchives, copy, environments, reproducible));
        if (!problems.isEmpty()) {
            throw new ProjectException("the build is not reproducible (built again in " + (keepCopy ? copy
                    + ", kept" : "a copy of the project, since removed; -Dcrossbuild.verifyReproducible.keep=true"
                    + " keeps it") + "):\n  - " + String.join("\n  - ", problems) + "\nsee README \"Reproducible"
                    + " binaries\" for what makes outputs depend on time and place (a build script writing the time,"
                    + " absolute paths)");
        }
    }

    /**
     * Runs the second build in a fresh copy of the project ({@link ProjectCopy}) and removes the copy afterwards,
     * also when the build fails, unless it is kept.
     */
    <T> T inCopy(Path project, Path buildDirectory, Path copy, SecondBuild<T> build) throws CrossbuildException {
        try {
            ProjectCopy.make(project, buildDirectory, copy);
            return build.run();
        } finally {
            if (keepCopy) {
                log.info("verifyReproducible: the copy of the second build is kept in " + copy);
            } else {
                remove(copy);
            }
        }
    }

    /** Removes the copy and the folder that holds it once it is empty; what cannot go is said, not thrown. */
    private void remove(Path copy) {
        try {
            FileTrees.delete(copy);
            try (Stream<Path> left = Files.list(copy.getParent())) {
                if (left.findAny().isEmpty()) {
                    Files.delete(copy.getParent());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the check's own result is what the build reports; a copy left behind is replaced by the next check
            log.warn("verifyReproducible: could not remove the copy of the second build " + copy + ": "
                    + e.getMessage() + "; delete it by hand");
        }
    }

    private List<String> buildAgainAndCompare(List<TargetSpec> targets, FirstBuild first, List<Path> firstArchives,
            Path copy, BiFunction<Path, WorkLayout, TargetEnvironments> environments,
            BiFunction<Path, WorkLayout, ReproducibleBuild> reproducible) throws CrossbuildException {
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
                p.bundleLibraries(), p.archiveFormat(), p.programFolder()), second, new CompilerLibraryLocator(runner, env, first.natives().resolver(), layout))
                .packageTargets(targets);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Path a = firstArchives.get(i);
            Path b = result.archives().get(i).archive();
            String id = targets.get(i).id();
            var difference = ArchiveDifference.first(a, b, result.archives().get(i).format(),
                    layout.archiveComparison());
            if (difference.isPresent()) {
                problems.add(difference.get().describe(id));
            } else {
                log.info("[" + id + "] reproducible: " + a.getFileName() + " is byte-identical when built in " + copy);
            }
        }
        return problems;
    }

    private static Path rebase(Path path, Path from, Path to) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(from) ? to.resolve(from.relativize(absolute).toString()) : path;
    }
}
