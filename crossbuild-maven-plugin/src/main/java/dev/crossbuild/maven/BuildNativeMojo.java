package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeBuilder;
import dev.crossbuild.process.ProcessRunner;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs every {@code <nativeBuild>} (make, meson, cmake or a command) once per selected target, out of
 * tree in {@code target/crossbuild/targets/<target-id>/native/<build-id>}, inside the target's environment
 * (its {@code <vcvars>} script applied), with a meson cross file or cmake toolchain file for targets other
 * than the host. Builds whose inputs did not change are skipped. Each output directory reaches
 * {@code cargo-build} and later native builds as {@code CROSSBUILD_NATIVE_<ID>_DIR}.
 *
 * @since 0.1.0
 */
@Mojo(name = "build-native", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class BuildNativeMojo extends AbstractBuildMojo {

    /**
     * Rebuilds every native build even when its inputs (sources, arguments, environment, tool version)
     * are unchanged since its last success.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NATIVE_FORCE, defaultValue = "false")
    private String force;

    /**
     * Skips this goal. The outputs of the last run stay: {@code cargo-build} and {@code package-arch} use them
     * while they were built for the same triple and the same native builds, and refuse them otherwise.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_NATIVE_SKIP, defaultValue = "false")
    private String skipBuildNative;

    /** A macOS universal target is built as its slices. */
    @Override
    protected boolean buildsSlices() {
        return true;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.BUILD_NATIVE_SKIP, skipBuildNative);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        List<NativeBuildSpec> builds = nativeBuilds();
        NativeBuilder.Options options = nativeOptions(PropertyValues.bool(PropertyNames.NATIVE_FORCE, force));
        return () -> {
            if (builds.isEmpty()) {
                getLog().info("No <nativeBuilds> configured; nothing to build");
            }
            new NativeBuilder(new ProcessRunner(), context().environments(), context().buildLog(), options)
                    .buildAll(selected, builds);
        };
    }
}
