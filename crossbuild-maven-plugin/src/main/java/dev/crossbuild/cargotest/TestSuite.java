package dev.crossbuild.cargotest;

import java.util.List;

/**
 * The results of one test binary of one target.
 *
 * @param binary      the report's name for the binary: the crate target's name ({@code hello}, {@code it}),
 *                    {@code <name>-bin} for a binary crate's tests, {@code <crate>-doc} for doctests
 * @param description what cargo called it ({@code unittests src/lib.rs}, {@code tests/it.rs})
 * @param finished    whether libtest printed its {@code test result:} line
 */
public record TestSuite(String binary, String description, List<TestCase> cases, boolean finished) {

    public TestSuite {
        cases = List.copyOf(cases);
    }

    public long count(TestCase.Status status) {
        return cases.stream().filter(c -> c.status() == status).count();
    }

    public double seconds() {
        return cases.stream().mapToDouble(TestCase::seconds).sum();
    }
}
