package dev.crossbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one log implementation: each level to its own sink, and a prefix before every line. */
class BuildLogTest {

    @Test
    void eachLevelGoesToItsSinkWithThePrefix() {
        List<String> lines = new ArrayList<>();
        boolean[] debugOn = {false};
        BuildLog log = BuildLog.of(l -> lines.add("I " + l), l -> lines.add("W " + l), l -> lines.add("E " + l),
                l -> lines.add("D " + l), () -> debugOn[0]);
        BuildLog prefixed = log.prefixed("[m] ").prefixed("(second build) ");
        prefixed.info("a");
        prefixed.warn("b");
        prefixed.error("c");
        prefixed.debug("d");
        log.info("plain");
        assertThat(lines).containsExactly("I [m] (second build) a", "W [m] (second build) b",
                "E [m] (second build) c", "D [m] (second build) d", "I plain");
        assertThat(prefixed.isDebugEnabled()).isFalse();
        debugOn[0] = true;
        assertThat(prefixed.isDebugEnabled()).isTrue();
    }

    @Test
    void theSilentLogKeepsNothing() {
        BuildLog.SILENT.prefixed("x").info("nothing");
        assertThat(BuildLog.SILENT.isDebugEnabled()).isFalse();
    }
}
