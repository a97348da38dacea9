package dev.crossbuild.maven;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeBuilder;
import dev.crossbuild.process.ProcessRunner;
import java.time.Duration;
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
public class BuildNativeMojo extends AbstractCrossbuildMojo {

    /**
     * Rebuilds every native build even when its inputs (sources, arguments, environment, tool version)
     * are unchanged since its last success.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NATIVE_FORCE, defaultValue = "false")
    private boolean force;

    /**
     * Minutes one native build step may take before it is stopped with all its child processes.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "120")
    private int timeoutMinutes;

    /** As for {@code package-arch}: the build time native builds are told. @since 0.2.0 */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /** As for {@code cargo-build}: reproducible outputs, on when the timestamp is set. @since 0.2.0 */
    @Parameter(property = PropertyNames.REPRODUCIBLE)
    private String reproducible;

    /**
     * Skips this goal. The outputs of the last run stay: {@code cargo-build} and {@code package-arch} use them
     * while they were built for the same triple and the same native builds, and refuse them otherwise.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.BUILD_NATIVE_SKIP, defaultValue = "false")
    private boolean skipBuildNative;

    @Override
    protected String goalSkipReason() {
        return skipBuildNative ? PropertyNames.BUILD_NATIVE_SKIP + " is true" : null;
    }

    @Override
    protected void run(List<TargetSpec> selected) throws CrossbuildException {
        List<NativeBuildSpec> builds = nativeBuilds();
        if (builds.isEmpty()) {
            getLog().info("No <nativeBuilds> configured; nothing to build");
        }
        new NativeBuilder(new ProcessRunner(), context().environments(), context().buildLog(), new NativeBuilder.Options(context().layout(),
                context().resolver(), force, Duration.ofMinutes(timeoutMinutes),
                context().reproducible(outputTimestamp, reproducible), compilerCache())).buildAll(selected,
                builds);
    }
}
