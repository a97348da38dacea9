package dev.crossbuild.maven;

import static dev.crossbuild.maven.PropertyValues.bool;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.packaging.PackageOptions;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * The parameters of the goals that package what the build goals made ({@code package-arch}, {@code package-linux}):
 * which files a target's contents hold and whether libraries are bundled, declared once so that both goals package
 * the same files; and, with {@code crossbuild.prebuilt}, how strictly the gathered archives are checked.
 */
abstract class AbstractPackageMojo extends AbstractDeliveryMojo {

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
     * Copies the libraries a packaged binary needs but the archive lacks (not a system library of the target, not
     * in {@code <allowedLibraries>}) from the target's native builds and toolchain into the archive: beside a
     * Windows exe, into the {@code $ORIGIN} runpath on Linux. Without it such an archive is refused.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUNDLE_LIBRARIES, defaultValue = "false")
    private String bundleLibraries;

    /**
     * The folder inside each archive's top folder for the binaries and their libraries, e.g. {@code bin}, the
     * layout JReleaser's Homebrew, Scoop and Chocolatey packagers run programs from; empty: the top folder.
     * {@code packageFiles} stay at the top.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROGRAM_FOLDER)
    private String programFolder;

    protected AbstractPackageMojo(MavenProjectHelper projectHelper) {
        super(projectHelper);
    }

    /** What a target's contents are made of, as both packaging goals gather them. */
    protected PackageOptions packageOptions() throws ProjectException {
        GoalContext context = context();
        return new PackageOptions(context.layout(), context.baseDirectory(), finalName(),
                OutputTimestamp.parse(outputTimestamp()), bool(PropertyNames.PACKAGE_STATIC_LIBRARIES,
                        packageStaticLibraries), bool(PropertyNames.PACKAGE_NATIVE_OUTPUTS, packageNativeOutputs),
                packageFiles, selection(), nativeBuilds(), bool(PropertyNames.BUNDLE_LIBRARIES, bundleLibraries),
                archiveFormat(), PropertyValues.folder(PropertyNames.PROGRAM_FOLDER, programFolder));
    }
}
