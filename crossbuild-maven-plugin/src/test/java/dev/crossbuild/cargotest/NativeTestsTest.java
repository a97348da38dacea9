package dev.crossbuild.cargotest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossbuild.cargotest.TestCase.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeTestsTest {

    /** Recorded from a real ctest run with a failing, a passing and a disabled test. */
    @Test
    void readsCtestsJunitXml() throws Exception {
        Path junit = Path.of(NativeTestsTest.class.getResource("/libtest/ctest-junit.xml").toURI());
        assertThat(NativeTests.read(junit)).extracting(TestCase::name, TestCase::status, TestCase::message)
                .containsExactly(tuple("adds", Status.FAILED, "failed"),
                        tuple("built_for_the_target", Status.PASSED, null), tuple("off", Status.IGNORED, null));
    }
}
