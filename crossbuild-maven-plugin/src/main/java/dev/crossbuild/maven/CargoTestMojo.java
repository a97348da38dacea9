package dev.crossbuild.maven;

import dev.crossbuild.cargotest.CargoTester;
import dev.crossbuild.cargotest.TestOptions;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.ProcessRunner;
import java.io.File;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs {@code cargo test --target <triple> --no-fail-fast} for every selected target, with exactly the
 * environment and cargo target dir of its {@code cargo-build}: natively on the host, or through the target's
 * {@code <runner>}, or the one the plugin chooses when none is set (qemu-user without {@code -L} for Linux on
 * another CPU, wine for Windows GNU targets, the plugin's own WASI runtime for {@code wasm32-wasi}). A target that
 * cannot run here ({@code <runner>none</runner>}, a Mach-O on Linux) gets its tests compiled only
 * ({@code --no-run}) and is reported as built, not run. Writes {@code surefire-reports/TEST-<target id>.<test binary>.xml} per target and test
 * binary, ends with a summary table, and fails naming each failed test of each target.
 *
 * @since 0.1.0
 */
@Mojo(name = "cargo-test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class CargoTestMojo extends AbstractCargoMojo {

    static final int DEFAULT_TEST_TIMEOUT_MINUTES = 30;

    /**
     * A test name filter for every test binary of every target ({@code cargo test -- <filter>}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_FILTER)
    private String testFilter;

    /**
     * Fails when a selected target's tests cannot run on this machine (no {@code <runner>} and not the host's
     * architecture) instead of only compiling them.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_REQUIRE_RUN, defaultValue = "false")
    private String requireRun;

    /**
     * Minutes one target's {@code cargo test} may take, a positive whole number; a hanging test binary is then
     * stopped with all its processes, and the failure names the binary and the last test that started.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEST_TIMEOUT, defaultValue = "" + DEFAULT_TEST_TIMEOUT_MINUTES)
    private String testTimeoutMinutes;

    /**
     * Reports failing tests and goes on, as Surefire does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private String testFailureIgnore;

    /**
     * Where the Surefire-format XML reports go.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /**
     * Maven's switch to skip running tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    private String skipTests;

    /**
     * Maven's switch to skip compiling and running tests.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private String mavenTestSkip;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CARGO_TEST_SKIP, defaultValue = "false")
    private String skipCargoTest;

    /** A macOS universal target is built as its slices. */
    @Override
    protected boolean buildsSlices() {
        return true;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        String skip = PropertyValues.skipReason(PropertyNames.CARGO_TEST_SKIP, skipCargoTest);
        String tests = PropertyValues.skipReason("skipTests", skipTests);
        String all = PropertyValues.skipReason("maven.test.skip", mavenTestSkip);
        return skip != null ? skip : tests != null ? tests : all;
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        Duration timeout = Duration.ofMinutes(PropertyValues.positiveMinutes(PropertyNames.TEST_TIMEOUT,
                testTimeoutMinutes, DEFAULT_TEST_TIMEOUT_MINUTES));
        TestOptions options = new TestOptions(cargoOptions(timeout, false), testFilter,
                PropertyValues.bool(PropertyNames.TEST_REQUIRE_RUN, requireRun),
                PropertyValues.bool("maven.test.failure.ignore", testFailureIgnore), reportsDirectory.toPath(),
                HostPlatform.current());
        List<NativeBuildSpec> natives = nativeBuilds();
        return () -> new CargoTester(new ProcessRunner(), context().environments(), context().buildLog())
                .testAll(selected, options, natives);
    }
}
