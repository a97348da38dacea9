package dev.crossbuild.cargotest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunnabilityTest {

    @ParameterizedTest
    @CsvSource({
            "x86_64-unknown-linux-gnu, x86_64-unknown-linux-gnu, , true",
            "x86_64-unknown-linux-gnu, x86_64-unknown-linux-musl, , true",
            "x86_64-unknown-linux-gnu, i686-unknown-linux-gnu, , true",
            "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, , false",
            "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, qemu-aarch64, true",
            "x86_64-unknown-linux-gnu, x86_64-pc-windows-gnu, , false",
            "x86_64-unknown-linux-gnu, x86_64-pc-windows-gnu, wine, true",
            "x86_64-pc-windows-msvc, x86_64-pc-windows-gnu, , true",
            "x86_64-pc-windows-msvc, i686-pc-windows-msvc, , true",
            "x86_64-pc-windows-msvc, aarch64-pc-windows-msvc, , false",
            "aarch64-apple-darwin, x86_64-apple-darwin, , false",
            "aarch64-unknown-linux-gnu, x86_64-unknown-linux-gnu, , false"})
    void whereTestsCanRun(String host, String triple, String runner, boolean runs) {
        TargetSpec target = new TargetSpec("t", TargetTriple.parse(triple), null, null, null, null, null, null, runner,
                Map.of(), null, List.of(), Map.of());
        assertThat(Runnability.whyNot(target, TargetTriple.parse(host), BARE).isEmpty()).isEqualTo(runs);
        if (!runs) {
            assertThat(Runnability.whyNot(target, TargetTriple.parse(host), BARE).orElseThrow())
                    .startsWith("no runner for " + triple);
        }
    }

    @org.junit.jupiter.api.Test
    void runnerNoneMeansBuiltNotRunEvenOnTheHost() {
        TargetSpec target = new TargetSpec("t", TargetTriple.parse("x86_64-unknown-linux-gnu"), null, null, null, null,
                null, null, "none", Map.of(), null, List.of(), Map.of());
        assertThat(Runnability.whyNot(target, TargetTriple.parse("x86_64-unknown-linux-gnu"), BARE))
                .contains("<runner>none</runner>");
        assertThat(target.runnerCommand()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aMissingRunnerIsNamedWithWhatToInstall() {
        TargetSpec target = new TargetSpec("t", TargetTriple.parse("aarch64-unknown-linux-gnu"), null, null, null, null,
                null, null, null, Map.of(), null, List.of(), Map.of());
        assertThat(Runnability.whyNot(target, TargetTriple.parse("x86_64-unknown-linux-gnu"), BARE))
                .contains("no runner for aarch64-unknown-linux-gnu: install qemu-user (qemu-aarch64)");
    }

    @org.junit.jupiter.api.Test
    void aBareMetalTargetIsToldToNameItsBoard() {
        TargetSpec target = new TargetSpec("t", TargetTriple.parse("thumbv7em-none-eabihf"), null, null, null, null,
                null, null, null, Map.of(), null, List.of(), Map.of());
        assertThat(Runnability.whyNot(target, TargetTriple.parse("x86_64-unknown-linux-gnu"), BARE).orElseThrow())
                .startsWith("no runner for thumbv7em-none-eabihf: a bare-metal program runs on its board: set the"
                        + " target's <runner>, e.g. `qemu-system-arm -M mps2-an386 ");
        TargetSpec withBoard = target.withRunner("qemu-system-arm -M mps2-an386 -kernel");
        assertThat(Runnability.whyNot(withBoard, TargetTriple.parse("x86_64-unknown-linux-gnu"), BARE)).isEmpty();
    }

    /** A machine with nothing installed. */
    private static final dev.crossbuild.model.Runners.Machine BARE = new dev.crossbuild.model.Runners.Machine() {
        @Override
        public boolean exists(java.nio.file.Path file) {
            return false;
        }

        @Override
        public boolean onPath(String program) {
            return false;
        }
    };
}
