package dev.crossbuild.maven;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeBuilder;
import dev.crossbuild.process.ProcessRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs every {@code <nativeBuild>} (make, meson, cmake or a command) once per selected target, out of
 * tree in {@code target/crossbuild/<target-id>/native/<build-id>}, inside the target's environment
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

    /**
     * Skips this goal.
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
        NativeBuilder builder = new NativeBuilder(new ProcessRunner(), environments(), buildLog(),
                new NativeBuilder.Options(buildDirectory(), HostPlatform.current(), force,
                        Duration.ofMinutes(timeoutMinutes)));
        List<NativeBuilder.Outcome> outcomes = new ArrayList<>();
        for (TargetSpec target : selected) {
            outcomes.addAll(builder.build(target, builds));
        }
        if (!outcomes.isEmpty()) {
            TextTable table = new TextTable("target", "build", "tool", "result", "time");
            outcomes.forEach(o -> table.row(o.targetId(), o.buildId(), o.tool(), o.result(),
                    String.format(Locale.ROOT, "%.1f s", o.millis() / 1000.0)));
            getLog().info("crossbuild build-native summary:");
            table.lines().forEach(getLog()::info);
        }
    }
}
