package dev.crossbuild.maven;

import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.core.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that run cargo ({@code cargo-build}, {@code cargo-test}): the same for both. */
abstract class AbstractCargoMojo extends AbstractCrossbuildMojo {

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

    /** The cargo options of this execution, after checking that the manifest exists. */
    protected CargoOptions cargoOptions(Duration timeout, boolean githubAnnotations) throws ProjectException {
        Path manifest = manifest();
        if (!Files.isRegularFile(manifest)) {
            throw new ProjectException("<manifestPath> " + manifest + " does not exist; put the crate's Cargo.toml"
                    + " there or point <manifestPath> (-D" + PropertyNames.MANIFEST_PATH + ") at it");
        }
        return new CargoOptions(manifest, new CargoSelection(cargoProfile, features, allFeatures, noDefaultFeatures),
                context().layout(), context().offline(), locked, cargoArgs, Map.of(), timeout, githubAnnotations);
    }
}
