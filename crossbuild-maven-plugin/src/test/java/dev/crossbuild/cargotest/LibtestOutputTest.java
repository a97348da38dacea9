package dev.crossbuild.cargotest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossbuild.cargotest.TestCase.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * On recorded output of real {@code cargo test --message-format=json} runs of one crate (a library with a
 * passing, a failing, a panicking and an ignored test, a binary with a test, an integration test and a
 * doctest): {@code stable} is a current toolchain on the host, {@code arm} Rust 1.63 for aarch64 under qemu,
 * whose panic messages have the older format and which runs no doctests.
 */
class LibtestOutputTest {

    @ParameterizedTest
    @ValueSource(strings = {"stable", "arm"})
    void everyBinaryAndTestIsFoundWithItsResult(String recording) throws IOException {
        LibtestOutput output = feed(recording);
        List<TestSuite> suites = output.suites();
        List<String> binaries = recording.equals("stable") ? List.of("lt", "lt-bin", "it", "lt-doc")
                : List.of("lt", "lt-bin", "it");
        assertThat(suites).extracting(TestSuite::binary).containsExactlyElementsOf(binaries);
        assertThat(suites).allMatch(TestSuite::finished);
        TestSuite lib = suites.get(0);
        assertThat(lib.description()).isEqualTo("unittests src/lib.rs");
        assertThat(lib.cases()).extracting(TestCase::name, TestCase::status).containsExactly(
                tuple("tests::fails", Status.FAILED), tuple("tests::ignored", Status.IGNORED),
                tuple("tests::panics", Status.FAILED), tuple("tests::passes", Status.PASSED));
        assertThat(suites.get(1).cases()).extracting(TestCase::name).containsExactly("main_ok");
        assertThat(suites.get(2).cases()).extracting(TestCase::name, TestCase::status)
                .containsExactly(tuple("integration", Status.PASSED));
        assertThat(output.running()).isNull();
    }

    @Test
    void panicMessagesOfTheCurrentFormat() throws IOException {
        TestSuite lib = feed("stable").suites().get(0);
        TestCase fails = lib.cases().get(0);
        assertThat(fails.message()).isEqualTo("assertion `left == right` failed: two is not three\n  left: 2\n right: 3"
                + " (src/lib.rs:11:52)");
        assertThat(fails.output()).startsWith("some captured output").contains("stack backtrace:");
        assertThat(lib.cases().get(2).message()).isEqualTo("boom 42 (src/lib.rs:16:19)");
        assertThat(lib.cases().get(3).message()).isNull();
    }

    @Test
    void panicMessagesOfTheOlderFormat() throws IOException {
        TestSuite lib = feed("arm").suites().get(0);
        assertThat(lib.cases().get(0).message()).isEqualTo("assertion failed: `(left == right)`\n  left: `2`,\n"
                + " right: `3`: two is not three (src/lib.rs:11:52)");
        assertThat(lib.cases().get(2).message()).isEqualTo("boom 42 (src/lib.rs:16:19)");
        assertThat(feed("arm").suites()).noneMatch(s -> s.binary().endsWith("-doc"));
    }

    @Test
    void aBinaryStoppedWhileATestRanNamesThatTest() {
        // what a hung binary under --test-threads=1 leaves: the line of the running test never ends
        LibtestOutput output = new LibtestOutput();
        output.stderr("     Running unittests src/lib.rs (target/x/debug/deps/hangs-0123456789abcdef)");
        output.stdout("");
        output.stdout("running 2 tests");
        output.stdout("test quick ... ok");
        output.stdout("test forever ... ");
        assertThat(output.running()).containsExactly("hangs", "forever");
        TestSuite suite = output.suites().get(0);
        assertThat(suite.finished()).isFalse();
        assertThat(suite.cases()).extracting(TestCase::name).containsExactly("quick");
    }

    @Test
    void blocksAreMatchedToBinariesByOrderWhateverTheStreamsInterleaving() {
        LibtestOutput output = new LibtestOutput();
        // all of stdout first, then stderr: as two pipes may deliver them
        output.stdout("running 1 test");
        output.stdout("test a ... ok");
        output.stdout("test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        output.stdout("running 1 test");
        output.stdout("test b ... ignored, needs a network");
        output.stdout("test result: ok. 0 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        output.stderr("     Running unittests src/lib.rs (target/x/debug/deps/one-0123456789abcdef)");
        output.stderr("     Running tests/two.rs (target/x/debug/deps/two-0123456789abcdef.exe)");
        assertThat(output.suites()).extracting(TestSuite::binary, s -> s.cases().get(0).name(),
                s -> s.cases().get(0).status()).containsExactly(tuple("one", "a", Status.PASSED),
                        tuple("two", "b", Status.IGNORED));
    }

    private static LibtestOutput feed(String recording) throws IOException {
        LibtestOutput output = new LibtestOutput();
        lines(recording + ".stderr").forEach(output::stderr);
        lines(recording + ".stdout").forEach(output::stdout);
        return output;
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = LibtestOutputTest.class.getResourceAsStream("/libtest/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
