package dev.crossbuild.cargotest;

import dev.crossbuild.core.CrossbuildException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Completes the results of test binaries that ended before libtest's summary: on wasm32 a panic aborts the
 * whole binary (panic=abort), and a native binary may crash. The test that was running is reported failed,
 * with the panic message of a second run of that test alone (libtest had captured the first one's output,
 * which the abort lost); the tests the binary never reached are listed with {@code --list} and reported as
 * not run.
 */
final class AbortedBinaries {

    /** Runs the binary of an unfinished suite with libtest arguments and returns what it printed. */
    interface Rerun {
        Output run(String binaryPath, List<String> libtestArgs) throws CrossbuildException;
    }

    /** What a second run printed, both streams in order of arrival, and whether it succeeded. */
    record Output(String text, boolean succeeded) {
    }

    private AbortedBinaries() {
    }

    static List<TestSuite> complete(List<TestSuite> suites, List<LibtestOutput.Unfinished> unfinished, Rerun rerun)
            throws CrossbuildException {
        List<TestSuite> result = new ArrayList<>(suites);
        for (LibtestOutput.Unfinished binary : unfinished) {
            if (binary.started() == null || binary.suite() >= result.size()) {
                continue; // it never started a test: cargo's failure names the binary and its exit status
            }
            TestSuite suite = result.get(binary.suite());
            List<TestCase> cases = new ArrayList<>(suite.cases());
            Output alone = rerun.run(binary.path(), List.of(binary.started(), "--exact", "--nocapture",
                    "--test-threads=1"));
            String message = alone.succeeded()
                    ? "the test binary aborted while this test ran, but it passed when run alone"
                    : LibtestOutput.panicMessage(panicPart(alone.text()));
            cases.add(new TestCase(binary.started(), TestCase.Status.FAILED, 0, message + " (the test binary aborted"
                    + " here, so its later tests did not run)", alone.text().strip()));
            Set<String> reported = new LinkedHashSet<>();
            cases.forEach(c -> reported.add(c.name()));
            for (String name : listed(rerun.run(binary.path(), List.of("--list")).text())) {
                if (reported.add(name)) {
                    cases.add(new TestCase(name, TestCase.Status.NOT_RUN, 0, "not run: the test binary aborted during `"
                            + binary.started() + "`", null));
                }
            }
            result.set(binary.suite(), new TestSuite(suite.binary(), suite.description(), cases, false));
        }
        return result;
    }

    /** From a test's output, the part from its panic on (so that what the test printed first is not taken). */
    static String panicPart(String text) {
        int panic = text.indexOf("panicked at");
        if (panic < 0) {
            return text;
        }
        int lineStart = text.lastIndexOf('\n', panic) + 1;
        return text.substring(lineStart);
    }

    /** The test names of {@code --list}'s output ({@code name: test} lines). */
    static List<String> listed(String text) {
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.endsWith(": test")) {
                names.add(trimmed.substring(0, trimmed.length() - ": test".length()));
            }
        }
        return names;
    }
}
