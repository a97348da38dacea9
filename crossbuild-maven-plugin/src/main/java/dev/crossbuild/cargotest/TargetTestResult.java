package dev.crossbuild.cargotest;

import java.util.List;

/**
 * What {@code cargo test} did for one target.
 *
 * @param ran    whether the test binaries ran (false: built only, with the reason in {@code note})
 * @param note   what the summary says beside the counts ("built, not run (no runner for …)", "doctests not run")
 * @param failed one line per failed test: its binary, its name and its message
 */
public record TargetTestResult(String targetId, String runner, boolean ran, List<TestSuite> suites, String note,
        List<String> failed, long millis) {

    public TargetTestResult {
        suites = List.copyOf(suites);
        failed = List.copyOf(failed);
    }

    public long count(TestCase.Status status) {
        return suites.stream().mapToLong(s -> s.count(status)).sum();
    }

    public long tests() {
        return suites.stream().mapToLong(s -> s.cases().size()).sum();
    }
}
