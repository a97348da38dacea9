package dev.crossbuild.maven;

import dev.crossbuild.cargotest.CargoTester;
import dev.crossbuild.cargotest.TestOptions;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.TargetSpec;
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
 * {@code <runner>} (qemu-user, wine). A target that cannot run here gets its tests compiled only
 * ({@code --no-run}). Writes {@code surefire-reports/TEST-<target id>.<test binary>.xml} per target and test
 * binary, ends with a summary table, and fails naming each failed test of each target.
 *
 * @since 0.2.0
 */
@Mojo(name = "cargo-test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class CargoTestMojo extends AbstractCargoMojo {

    /**
     * A test name filter for every test binary of every target ({@code cargo test -- <filter>}).
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TEST_FILTER)
    private String testFilter;

    /**
     * Fails when a selected target's tests cannot run on this machine (no {@code <runner>} and not the host's
     * architecture) instead of only compiling them.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TEST_REQUIRE_RUN, defaultValue = "false")
    private boolean requireRun;

    /**
     * Minutes one target's {@code cargo test} may take; a hanging test binary is then stopped with all its
     * processes, and the failure names the binary and the last test that started.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.TEST_TIMEOUT, defaultValue = "30")
    private int testTimeoutMinutes;

    /**
     * Reports failing tests and goes on, as Surefire does.
     *
     * @since 0.2.0
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /**
     * Where the Surefire-format XML reports go.
     *
     * @since 0.2.0
     */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    /** Maven's switch to skip running tests. @since 0.2.0 */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Maven's switch to skip compiling and running tests. @since 0.2.0 */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    /**
     * Skips this goal.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.CARGO_TEST_SKIP, defaultValue = "false")
    private boolean skipCargoTest;

    @Override
    protected String goalSkipReason() {
        return skipCargoTest ? PropertyNames.CARGO_TEST_SKIP + " is true" : skipTests ? "skipTests is true"
                : mavenTestSkip ? "maven.test.skip is true" : null;
    }

    @Override
    protected void run(List<TargetSpec> selected) throws CrossbuildException {
        TestOptions options = new TestOptions(cargoOptions(Duration.ofMinutes(testTimeoutMinutes), false), testFilter,
                requireRun, testFailureIgnore, reportsDirectory.toPath(), HostPlatform.current());
        new CargoTester(new ProcessRunner(), context().environments(), context().buildLog()).testAll(selected, options,
                nativeBuilds());
    }
}
