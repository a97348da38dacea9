package dev.crossbuild.maven;

import static dev.crossbuild.maven.PropertyValues.bool;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.packaging.PackageOptions;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.rebuildcheck.ReproducibilityCheck;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages every selected target into {@code ${project.build.finalName}-<id>.zip} (Windows targets)
 * or {@code .tar.gz} (the others), with one top folder {@code ${project.build.finalName}-<id>/}, after
 * proving from each binary's header that it was built for the target's machine. Writes a
 * {@code .sha256} beside each archive, one {@code SHA256SUMS}, {@code target/crossbuild/report.json},
 * and attaches each archive (and its checksum) with classifier = target id, so {@code install} and
 * {@code deploy} publish every architecture. Archives are reproducible: entry times come from
 * {@code project.build.outputTimestamp}.
 *
 * @since 0.1.0
 */
@Mojo(name = "package-arch", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageArchMojo extends AbstractCargoMojo {

    /**
     * Extra files for every archive, such as {@code README.md} or {@code LICENSE*}: paths or globs
     * ({@code docs/**}{@code /*.txt}) relative to the project directory, kept at that relative path
     * inside the archive's top folder. A pattern matching nothing fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_FILES)
    private List<String> packageFiles;

    /**
     * Also packages static libraries: cargo's {@code staticlib} outputs and, with
     * {@code packageNativeOutputs}, the native builds' {@code .a}/{@code .lib} files.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_STATIC_LIBRARIES, defaultValue = "false")
    private String packageStaticLibraries;

    /**
     * Also packages the executables and shared libraries found in the target's native build output
     * directories (as recorded by {@code build-native}), each checked like cargo's.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_NATIVE_OUTPUTS, defaultValue = "false")
    private String packageNativeOutputs;

    /**
     * Base name of the archives and of their top folder.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    private String finalName;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_ARCH_SKIP, defaultValue = "false")
    private String skipPackageArch;

    /**
     * With {@code crossbuild.prebuilt}: an archive in that folder matching no selected target is an error, not
     * a warning.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.PREBUILT_STRICT, defaultValue = "false")
    private String prebuiltStrict;

    /**
     * Copies the libraries a packaged binary needs but the archive lacks (not a system library of the target, not
     * in {@code <allowedLibraries>}) from the target's native builds and toolchain into the archive: beside a
     * Windows exe, into the {@code $ORIGIN} runpath on Linux. Without it such an archive is refused. @since 0.2.0
     */
    @Parameter(property = PropertyNames.BUNDLE_LIBRARIES, defaultValue = "false")
    private String bundleLibraries;

    /**
     * Builds every selected target a second time from a copy of the project in another directory and fails,
     * naming the target and the first differing file, unless the archives are byte-identical. The copy leaves out
     * build outputs and version control and IDE folders, and is removed afterwards.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.VERIFY_REPRODUCIBLE, defaultValue = "false")
    private String verifyReproducible;

    /**
     * With {@code verifyReproducible}: keeps the second build's copy of the project (its path is logged) instead
     * of removing it, to look at what differs.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.VERIFY_REPRODUCIBLE_KEEP, defaultValue = "false")
    private String verifyReproducibleKeep;

    /**
     * The folder inside each archive's top folder for the binaries and their libraries, e.g. {@code bin}, the
     * layout JReleaser's Homebrew, Scoop and Chocolatey packagers run programs from; empty: the top folder.
     * {@code packageFiles} stay at the top. @since 0.2.0
     */
    @Parameter(property = PropertyNames.PROGRAM_FOLDER)
    private String programFolder;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageArchMojo(MavenProjectHelper projectHelper) {
        this.projectHelper = projectHelper;
    }

    @Override
    protected boolean buildsFromSource() {
        return false;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.PACKAGE_ARCH_SKIP, skipPackageArch);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        List<NativeBuildSpec> natives = nativeBuilds();
        PackageOptions options = new PackageOptions(context.layout(), context.baseDirectory(), finalName,
                OutputTimestamp.parse(outputTimestamp()), bool(PropertyNames.PACKAGE_STATIC_LIBRARIES,
                        packageStaticLibraries), bool(PropertyNames.PACKAGE_NATIVE_OUTPUTS, packageNativeOutputs),
                packageFiles, selection(), natives, bool(PropertyNames.BUNDLE_LIBRARIES, bundleLibraries),
                archiveFormat(), PropertyValues.folder(PropertyNames.PROGRAM_FOLDER, programFolder));
        boolean strict = bool(PropertyNames.PREBUILT_STRICT, prebuiltStrict);
        boolean keep = bool(PropertyNames.VERIFY_REPRODUCIBLE_KEEP, verifyReproducibleKeep);
        boolean reproducibleOn = reproducibleOn();
        SecondBuild second = bool(PropertyNames.VERIFY_REPRODUCIBLE, verifyReproducible) && prebuilt() == null
                ? new SecondBuild(new ReproducibilityCheck.FirstBuild(context.baseDirectory(), context.layout(),
                        cargoOptions(buildTimeout(), false), options, nativeOptions(true), natives), keep,
                        outputTimestamp(), reproducibleOn) : null;
        return new PackageArchWork(context, projectHelper, selected, options, prebuilt(), strict, second);
    }
}
