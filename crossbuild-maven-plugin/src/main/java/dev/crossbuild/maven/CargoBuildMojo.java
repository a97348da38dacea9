package dev.crossbuild.maven;

import dev.crossbuild.cargo.CargoBuildRecord;
import dev.crossbuild.cargo.CargoBuilder;
import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.cargo.UniversalJoin;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.UniversalTargets;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.ProcessRunner;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs {@code cargo build --target <triple>} for every selected target, in the target's environment (its
 * {@code <vcvars>} script, {@code <env>}, linker and C tools, the zig wrapper with {@code <linker>zig</linker>},
 * {@code -Zbuild-std} with {@code <buildStd>}), records the produced executables and libraries for packaging,
 * and ends with a summary table. Targets that share a toolchain, environment script and {@code <env>} and have no
 * native builds are built by one {@code cargo build --target A --target B} in
 * {@code target/crossbuild/groups/<id>+<id>/cargo} ({@code -Dcrossbuild.group=false}: one run per target, in
 * {@code target/crossbuild/targets/<id>/cargo}). A run whose inputs did not change since its last success is not
 * started ({@code UP TO DATE}; {@code -Dcrossbuild.cargo.force=true} runs it).
 *
 * @since 0.1.0
 */
@Mojo(name = "cargo-build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CargoBuildMojo extends AbstractCargoMojo {

    /**
     * Also prints compiler errors and warnings as GitHub Actions annotations; on by default inside
     * GitHub Actions.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.GITHUB_ANNOTATIONS, defaultValue = "${env.GITHUB_ACTIONS}")
    private String githubAnnotations;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_BUILD_SKIP, defaultValue = "false")
    private String skipCargoBuild;

    /**
     * Runs cargo even when nothing the last build depended on changed (its command, environment, toolchain, the
     * files its dep-info lists, the manifests and cargo's config files); by default such a build is reported
     * {@code UP TO DATE} and cargo is not started.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_FORCE, defaultValue = "false")
    private String force;

    /** A macOS universal target is built as its slices. */
    @Override
    protected boolean buildsSlices() {
        return true;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.CARGO_BUILD_SKIP, skipCargoBuild);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        CargoOptions options = cargoOptions(buildTimeout(), PropertyValues.bool(PropertyNames.GITHUB_ANNOTATIONS,
                githubAnnotations));
        List<NativeBuildSpec> natives = nativeBuilds();
        boolean forced = PropertyValues.bool(PropertyNames.CARGO_FORCE, force);
        List<TargetSpec> universal = UniversalTargets.builtFrom(configuredTargets(), selected);
        return () -> {
            ProcessRunner runner = new ProcessRunner();
            List<CargoBuildRecord> built = new CargoBuilder(runner, context().environments(), context().buildLog(),
                    forced).buildAll(selected, options, natives);
            new UniversalJoin(runner, context().buildLog()).joinAll(universal, built, options, System.getenv());
        };
    }
}
