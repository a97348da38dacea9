package dev.crossbuild.cargotest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbortedBinariesTest {

    private static final String PANIC_1_63 = """
            running 1 test
            test tests::b ... before
            thread 'main' panicked at 'assertion failed: `(left == right)`
              left: `2`,
             right: `3`: configured', src/lib.rs:9:9
            note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
            """;

    @Test
    void theRunningTestFailsWithItsPanicAndTheRestAreNotRun() throws Exception {
        LibtestOutput output = new LibtestOutput();
        output.stderr("     Running unittests src/lib.rs (target/wasm32-wasi/debug/deps/lt-1.wasm)");
        output.stdout("");
        output.stdout("running 4 tests");
        output.stdout("test tests::a ... ok");
        output.stdout("test tests::b ... ");
        output.stderr("     Running unittests src/main.rs (target/wasm32-wasi/debug/deps/lt-2.wasm)");
        output.stdout("running 0 tests");
        output.stdout("test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out");
        assertThat(output.unfinished()).containsExactly(new LibtestOutput.Unfinished(0,
                "target/wasm32-wasi/debug/deps/lt-1.wasm", "tests::b"));

        List<List<String>> asked = new ArrayList<>();
        List<TestSuite> suites = AbortedBinaries.complete(output.suites(), output.unfinished(), (path, args) -> {
            asked.add(args);
            return args.contains("--list")
                    ? new AbortedBinaries.Output("tests::a: test\ntests::b: test\ntests::c: test\ntests::d: test\n\n"
                            + "4 tests, 0 benchmarks\n", true)
                    : new AbortedBinaries.Output(PANIC_1_63, false);
        });
        assertThat(asked).containsExactly(List.of("tests::b", "--exact", "--nocapture", "--test-threads=1"),
                List.of("--list"));
        TestSuite lib = suites.get(0);
        assertThat(lib.cases()).extracting(TestCase::name, TestCase::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tests::a", TestCase.Status.PASSED),
                org.assertj.core.groups.Tuple.tuple("tests::b", TestCase.Status.FAILED),
                org.assertj.core.groups.Tuple.tuple("tests::c", TestCase.Status.NOT_RUN),
                org.assertj.core.groups.Tuple.tuple("tests::d", TestCase.Status.NOT_RUN));
        assertThat(lib.cases().get(1).message()).startsWith("assertion failed: `(left == right)`")
                .contains("configured (src/lib.rs:9:9) (the test binary aborted here");
        assertThat(lib.cases().get(2).message()).isEqualTo("not run: the test binary aborted during `tests::b`");
        assertThat(suites.get(1).cases()).isEmpty();
    }

    @Test
    void aTestThatPassesAloneSaysSo() throws Exception {
        LibtestOutput output = new LibtestOutput();
        output.stderr("     Running tests/it.rs (target/debug/deps/it-3)");
        output.stdout("running 1 test");
        output.stdout("test crashes ... ");
        List<TestSuite> suites = AbortedBinaries.complete(output.suites(), output.unfinished(),
                (path, args) -> new AbortedBinaries.Output(args.contains("--list") ? "crashes: test\n" : "ok\n", true));
        assertThat(suites.get(0).cases()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(TestCase.Status.FAILED);
            assertThat(c.message()).startsWith("the test binary aborted while this test ran, but it passed when run"
                    + " alone");
        });
    }

    @Test
    void aBinaryThatStartedNoTestIsLeftToCargosFailure() throws Exception {
        LibtestOutput output = new LibtestOutput();
        output.stderr("     Running tests/it.rs (target/debug/deps/it-3)");
        List<TestSuite> suites = AbortedBinaries.complete(output.suites(), output.unfinished(), (path, args) -> {
            throw new AssertionError("run again");
        });
        assertThat(suites.get(0).cases()).isEmpty();
    }

    @Test
    void listedNamesAndThePanicPart() {
        assertThat(AbortedBinaries.listed("a::b: test\nbench_x: bench\n  c: test  \n\n2 tests, 1 benchmark\n"))
                .containsExactly("a::b", "c");
        assertThat(AbortedBinaries.panicPart("printed first\nthread 'main' panicked at 'x', a.rs:1:1\n"))
                .isEqualTo("thread 'main' panicked at 'x', a.rs:1:1\n");
    }
}
