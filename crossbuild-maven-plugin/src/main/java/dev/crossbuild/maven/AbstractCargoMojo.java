package dev.crossbuild.maven;

import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.core.ProjectException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters of the goals that run cargo ({@code cargo-build}, {@code cargo-test}): the same for both. */
abstract class AbstractCargoMojo extends AbstractBuildMojo {

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
    private String locked;

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
    private String allFeatures;

    /**
     * Disables the default features ({@code cargo build --no-default-features}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.NO_DEFAULT_FEATURES, defaultValue = "false")
    private String noDefaultFeatures;

    /**
     * More arguments for {@code cargo build}, e.g. {@code --bin tray}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_ARGS)
    private List<String> cargoArgs;

    /**
     * Builds targets that share the toolchain, environment script and {@code <env>} (and have no native builds)
     * with one {@code cargo build --target A --target B} in a shared target dir
     * ({@code target/crossbuild/groups/<id>+<id>/cargo}); {@code false} runs cargo once per target.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GROUP, defaultValue = "true")
    private String group;

    protected CargoSelection selection() throws ProjectException {
        return new CargoSelection(cargoProfile, features, PropertyValues.bool(PropertyNames.ALL_FEATURES, allFeatures),
                PropertyValues.bool(PropertyNames.NO_DEFAULT_FEATURES, noDefaultFeatures));
    }

    /** The cargo options of this execution, after checking that the manifest exists. */
    protected CargoOptions cargoOptions(Duration timeout, boolean githubAnnotations) throws ProjectException {
        Path manifest = manifestPath.toPath().toAbsolutePath();
        if (!Files.isRegularFile(manifest)) {
            throw new ProjectException("<manifestPath> " + manifest + " does not exist; put the crate's Cargo.toml"
                    + " there or point <manifestPath> (-D" + PropertyNames.MANIFEST_PATH + ") at it");
        }
        GoalContext context = context();
        return new CargoOptions(manifest, selection(), context.layout(), context.offline(),
                PropertyValues.bool(PropertyNames.LOCKED, locked), cargoArgs, Map.of(), timeout,
                githubAnnotations, reproducible(), context.compilerCache(),
                PropertyValues.bool(PropertyNames.GROUP, group, true));
    }
}
