package dev.crossbuild.maven;

import static dev.crossbuild.maven.PropertyValues.bool;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativejar.NativeJarOptions;
import dev.crossbuild.nativejar.NativeJars;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.packaging.PackageOptions;
import java.io.File;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages every selected target's shared libraries into a JAR a Java program loads them from, one per target:
 * {@code ${project.build.finalName}-<platform>.jar}, attached with the platform key as classifier
 * ({@code linux-x86_64}, {@code linux-aarch_64}, {@code windows-x86_64}, {@code osx-aarch_64},
 * {@code linux-x86_64-musl}, … as os-maven-plugin's {@code os.detected.classifier} spells them). Each holds the
 * crate's cdylibs, the native builds' libraries listed in {@code <nativeLibraries>} and what the closure audit
 * bundles for them at {@code META-INF/native/<name>/<platform>/}, with an index of their sha256 and load order
 * that {@code dev.crossbuild.nativeloader.NativeLibraries.extract} reads. Every library is proven to be for the
 * target's machine. The JARs are reproducible (entry times from {@code project.build.outputTimestamp}) and are
 * written only when their bytes change.
 *
 * @since 0.1.0
 */
@Mojo(name = "native-jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class NativeJarMojo extends AbstractDeliveryMojo {

    /**
     * The folder of the libraries in the JAR, {@code META-INF/native/<name>/}, and the name the program passes to
     * {@code NativeLibraries.extract(anchor, name)}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NATIVE_LIBRARY_NAME, defaultValue = "${project.artifactId}")
    private String nativeLibraryName;

    /**
     * Shared libraries of the native builds ({@code <nativeBuilds>}) to package besides the crate's cdylibs: a
     * library name ({@code foo} is {@code libfoo.so}, {@code libfoo.so.1.2}, {@code foo.dll}, {@code libfoo.dll},
     * {@code libfoo.dylib}) or, with a dot or wildcard, a glob on the file name. Each must match a library of
     * every selected target.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> nativeLibraries;

    /**
     * The library the program loads (its file name or library name), when the JAR holds several that no other
     * needs; the crate's one cdylib otherwise.
     *
     * @since 0.1.0
     */
    @Parameter
    private String nativeMainLibrary;

    /**
     * Also attaches {@code ${project.build.finalName}-all.jar}, classifier {@code all}, holding every selected
     * platform's libraries.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NATIVE_JAR_ALL, defaultValue = "false")
    private String nativeJarAll;

    /**
     * Copies the libraries a packaged library needs but the JAR lacks (not a system library of the target, not in
     * {@code <allowedLibraries>}) from the target's native builds and toolchain into the JAR, beside it. Without it
     * such a JAR is refused.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUNDLE_LIBRARIES, defaultValue = "false")
    private String bundleLibraries;

    /**
     * Proves that every {@code native} method of the compiled classes has its {@code Java_…} symbol in each
     * target's libraries; on when the classes have native methods.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.JNI_CHECK, defaultValue = "true")
    private String jniCheck;

    /**
     * The compiled classes whose {@code native} methods the JNI check reads.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NATIVE_JAR_SKIP, defaultValue = "false")
    private String skipNativeJar;

    /**
     * The old spelling of this goal's skip switch, {@code crossbuild.nativeJar.skip}: still skips the goal, with a warning
     * naming the new spelling.
     *
     * @since 0.1.0
     * @deprecated use the goal's own {@code crossbuild.<goal>.skip}
     */
    @Deprecated
    @Parameter(property = PropertyNames.NATIVE_JAR_SKIP_OLD)
    private String skipNativeJarOld;

    @Inject
    public NativeJarMojo(MavenProjectHelper projectHelper) {
        super(projectHelper);
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return skipReason(PropertyNames.NATIVE_JAR_SKIP, skipNativeJar, PropertyNames.NATIVE_JAR_SKIP_OLD, skipNativeJarOld);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        PackageOptions packaging = new PackageOptions(context.layout(), context.baseDirectory(), finalName(),
                OutputTimestamp.parse(outputTimestamp()), false, nativeLibraries != null && !nativeLibraries.isEmpty(),
                List.of(), selection(), nativeBuilds(), bool(PropertyNames.BUNDLE_LIBRARIES, bundleLibraries));
        NativeJarOptions options = new NativeJarOptions(packaging, nativeLibraryName, nativeLibraries,
                nativeMainLibrary, bool(PropertyNames.NATIVE_JAR_ALL, nativeJarAll),
                context.project().getGroupId() + ":" + context.project().getArtifactId(), context.project().getVersion());
        // the name and every platform key are checked before anything is read
        NativeJars.platforms(selected, options.name());
        boolean check = bool(PropertyNames.JNI_CHECK, jniCheck, true);
        return new NativeJarWork(context, projectHelper, selected, options, prebuilt(),
                prebuiltStrict(),
                check && classesDirectory != null ? classesDirectory.toPath() : null);
    }
}
