package dev.crossbuild.maven;

import dev.crossbuild.cargo.CargoBuilder;
import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs {@code cargo build --target <triple>} for every selected target, each with its own cargo
 * target dir under {@code target/crossbuild/targets/<id>/cargo}, records the produced executables and
 * libraries for packaging, and ends with a summary table.
 *
 * @since 0.1.0
 */
@Mojo(name = "cargo-build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CargoBuildMojo extends AbstractCrossbuildMojo {

    /**
     * The cargo profile ({@code cargo build --profile}).
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
     * Also prints compiler errors and warnings as GitHub Actions annotations; on by default inside
     * GitHub Actions.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GITHUB_ANNOTATIONS, defaultValue = "${env.GITHUB_ACTIONS}")
    private boolean githubAnnotations;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_BUILD_SKIP, defaultValue = "false")
    private boolean skipCargoBuild;

    @Override
    protected String goalSkipReason() {
        return skipCargoBuild ? PropertyNames.CARGO_BUILD_SKIP + " is true" : null;
    }

    @Override
    protected void run(List<TargetSpec> selected) throws CrossbuildException {
        Path manifest = manifest();
        if (!Files.isRegularFile(manifest)) {
            throw new ProjectException("<manifestPath> " + manifest + " does not exist; put the crate's Cargo.toml"
                    + " there or point <manifestPath> (-D" + PropertyNames.MANIFEST_PATH + ") at it");
        }
        CargoOptions options = new CargoOptions(manifest, new CargoSelection(cargoProfile, features, allFeatures,
                noDefaultFeatures), context().layout(), context().offline(), locked, cargoArgs, Map.of(),
                Duration.ofMinutes(timeoutMinutes), githubAnnotations);
        new CargoBuilder(new ProcessRunner(), context().environments(), context().buildLog()).buildAll(selected, options, nativeBuilds());
    }
}
