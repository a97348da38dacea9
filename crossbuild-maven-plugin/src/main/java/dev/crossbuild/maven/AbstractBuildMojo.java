package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.nativebuild.NativeBuilder;
import dev.crossbuild.reproducible.ReproducibleBuild;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the goals that run build tools ({@code build-native} and the cargo goals): how long a step
 * may take and what makes its outputs reproducible, declared once.
 */
abstract class AbstractBuildMojo extends AbstractCrossbuildMojo {

    static final int DEFAULT_TIMEOUT_MINUTES = 120;

    /**
     * Minutes one build step (a native build's step, one cargo build) may take before it is stopped with all its
     * child processes: a positive whole number.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "" + DEFAULT_TIMEOUT_MINUTES)
    private String timeoutMinutes;

    /**
     * The time of every archive entry and, for reproducible binaries, the build time every tool is told
     * ({@code SOURCE_DATE_EPOCH}): ISO-8601 or seconds since 1970.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Reproducible binaries: path remaps, {@code SOURCE_DATE_EPOCH} and timestamp-free linking for every
     * process of every target. On when {@code project.build.outputTimestamp} is set; {@code false} turns it
     * off, {@code true} on.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REPRODUCIBLE)
    private String reproducible;

    protected String outputTimestamp() {
        return outputTimestamp;
    }

    protected Duration buildTimeout() throws ProjectException {
        return Duration.ofMinutes(PropertyValues.positiveMinutes(PropertyNames.TIMEOUT, timeoutMinutes,
                DEFAULT_TIMEOUT_MINUTES));
    }

    /** Whether binaries are made reproducible: as set, or when {@code project.build.outputTimestamp} is. */
    protected boolean reproducibleOn() throws ProjectException {
        // a timestamp of one character disables it, as in Maven's own plugins
        boolean timestampSet = outputTimestamp != null && outputTimestamp.trim().length() > 1;
        return PropertyValues.bool(PropertyNames.REPRODUCIBLE, reproducible, timestampSet);
    }

    /** What makes this execution's binaries reproducible, or nothing when that is off. */
    protected ReproducibleBuild reproducible() throws ProjectException {
        return context().reproducible(outputTimestamp, reproducibleOn());
    }

    /** How the native builds run; {@code force} rebuilds those whose inputs did not change. */
    protected NativeBuilder.Options nativeOptions(boolean force) throws ProjectException {
        GoalContext context = context();
        return new NativeBuilder.Options(context.layout(), context.resolver(), force, buildTimeout(), reproducible(),
                context.compilerCache());
    }
}
