package dev.crossbuild.cargotest;

import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Path;

/**
 * How to run every target's tests.
 *
 * @param cargo            the cargo options of {@code cargo-build}, so the same target dirs and flags are used;
 *                         its timeout is the test timeout ({@code crossbuild.test.timeout})
 * @param filter           a test name filter for every test binary, or null
 * @param requireRun       a target whose tests cannot run here is a failure, not "built, not run"
 * @param failureIgnore    report failing tests and go on ({@code maven.test.failure.ignore})
 * @param reportsDirectory where the Surefire XML files go
 * @param host             the host triple
 */
public record TestOptions(CargoOptions cargo, String filter, boolean requireRun, boolean failureIgnore,
        Path reportsDirectory, TargetTriple host) {

    public TestOptions {
        filter = filter == null || filter.isBlank() ? null : filter.trim();
    }
}
