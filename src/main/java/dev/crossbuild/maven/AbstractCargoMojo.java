package dev.crossbuild.maven;

import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.repro.ReproducibleBuild;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that run cargo ({@code cargo-build}, {@code cargo-test}): the same for both. */
abstract class AbstractCargoMojo extends AbstractCrossbuildMojo {

    /**
     * The crate's manifest ({@code cargo --manifest-path}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFEST_PATH, defaultValue = "${project.basedir}/Cargo.toml")
    private File manifestPath;

    /**
     * The cargo profile ({@code cargo build --profile}, {@code cargo test --profile}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_PROFILE, defaultValue = "release")
    private String cargoProfile;

    /**
     * Requires Cargo.lock to be up to date ({@code cargo build --locked}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOCKED, defaultValue = "false")
    private boolean locked;

    /**
     * Features to enable ({@code cargo build --features}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.FEATURES)
    private List<String> features;

    /**
     * Enables every feature ({@code cargo build --all-features}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ALL_FEATURES, defaultValue = "false")
    private boolean allFeatures;

    /**
     * Disables the default features ({@code cargo build --no-default-features}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NO_DEFAULT_FEATURES, defaultValue = "false")
    private boolean noDefaultFeatures;

    /**
     * More arguments for {@code cargo build}, e.g. {@code --bin tray}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_ARGS)
    private List<String> cargoArgs;

    /**
     * Minutes one cargo build may take before it is stopped with all its child processes.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TIMEOUT, defaultValue = "120")
    private int timeoutMinutes;

    /**
     * The time of every archive entry and, for reproducible binaries, the build time every tool is told
     * ({@code SOURCE_DATE_EPOCH}): ISO-8601 or seconds since 1970. @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    /**
     * Reproducible binaries: path remaps, {@code SOURCE_DATE_EPOCH} and timestamp-free linking for every
     * process of every target. On when {@code project.build.outputTimestamp} is set; {@code false} turns it
     * off, {@code true} on. @since 0.2.0
     */
    @Parameter(property = PropertyNames.REPRODUCIBLE)
    private String reproducible;

    /**
     * Builds targets that share the toolchain, environment script and {@code <env>} (and have no native builds)
     * with one {@code cargo build --target A --target B} in a shared target dir
     * ({@code target/crossbuild/groups/<id>+<id>/cargo}); {@code false} runs cargo once per target.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.GROUP, defaultValue = "true")
    private boolean group;

    protected String outputTimestamp() {
        return outputTimestamp;
    }

    protected String reproducibleSetting() {
        return reproducible;
    }

    /** What makes this execution's binaries reproducible, or nothing when that is off. */
    protected ReproducibleBuild reproducible() throws ProjectException {
        return context().reproducible(outputTimestamp, reproducible);
    }

    protected Duration buildTimeout() {
        return Duration.ofMinutes(timeoutMinutes);
    }

    protected CargoSelection selection() {
        return new CargoSelection(cargoProfile, features, allFeatures, noDefaultFeatures);
    }

    protected Path manifest() {
        return manifestPath.toPath().toAbsolutePath();
    }

    /** The cargo options of this execution, after checking that the manifest exists. */
    protected CargoOptions cargoOptions(Duration timeout, boolean githubAnnotations) throws ProjectException {
        Path manifest = manifest();
        if (!Files.isRegularFile(manifest)) {
            throw new ProjectException("<manifestPath> " + manifest + " does not exist; put the crate's Cargo.toml"
                    + " there or point <manifestPath> (-D" + PropertyNames.MANIFEST_PATH + ") at it");
        }
        return new CargoOptions(manifest, selection(), context().layout(), context().offline(), locked, cargoArgs,
                Map.of(), timeout, githubAnnotations, reproducible(), compilerCache(), group);
    }
}
