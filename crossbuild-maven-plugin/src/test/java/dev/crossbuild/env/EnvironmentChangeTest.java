package dev.crossbuild.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentChangeTest {

    @Test
    void newChangedAndRemovedVariables() {
        EnvironmentChange change = EnvironmentChange.between(
                Map.of("KEEP", "1", "CHANGE", "old", "GONE", "x"),
                Map.of("KEEP", "1", "CHANGE", "new=with=equals", "NEW", "v"), false, ":");
        assertThat(change.values()).containsOnly(Map.entry("CHANGE", "new=with=equals"), Map.entry("NEW", "v"));
        assertThat(change.removed()).containsExactly("GONE");
        assertThat(change.names()).containsExactlyInAnyOrder("CHANGE", "NEW", "GONE");
    }

    @Test
    void pathEntriesInFrontAndBehindAreKeptApart() {
        EnvironmentChange change = EnvironmentChange.between(Map.of("PATH", "/usr/bin:/bin"),
                Map.of("PATH", "/sdk/bin:/sdk/sbin:/usr/bin:/bin:/opt/late"), false, ":");
        assertThat(change.prepended()).containsEntry("PATH", List.of("/sdk/bin", "/sdk/sbin"));
        assertThat(change.appended()).containsEntry("PATH", List.of("/opt/late"));
        assertThat(change.values()).isEmpty();
    }

    @Test
    void appliedOntoABaseThatDiffersFromWhatTheScriptSaw() {
        // under wine the script sees a Windows PATH; the host's PATH must stay usable
        EnvironmentChange change = EnvironmentChange.between(Map.of("PATH", "C:\\windows\\system32;C:\\windows"),
                Map.of("PATH", "C:\\VS\\bin;C:\\windows\\system32;C:\\windows", "INCLUDE", "C:\\VS\\include"),
                true, ";");
        Map<String, String> applied = change.applyTo(Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"), false, ":");
        assertThat(applied).containsEntry("PATH", "C:\\VS\\bin:/usr/bin:/bin").containsEntry("HOME", "/root");
        assertThat(applied).containsEntry("INCLUDE", "C:\\VS\\include");
        EnvironmentChange twoIncludes = EnvironmentChange.between(Map.of(), Map.of("INCLUDE", "C:\\A;C:\\B"), true,
                ";");
        assertThat(twoIncludes.applyTo(Map.of(), false, ":")).containsEntry("INCLUDE", "C:\\A;C:\\B");
    }

    @Test
    void repeatedEntriesAreDroppedCaseInsensitivelyOnWindows() {
        // repeated vcvars calls grow PATH until cmd fails (capture recipe item 5)
        EnvironmentChange change = EnvironmentChange.between(Map.of("Path", "C:\\A;C:\\B"),
                Map.of("PATH", "C:\\VS;c:\\vs;C:\\A;C:\\B;C:\\a"), true, ";");
        assertThat(change.prepended()).containsEntry("PATH", List.of("C:\\VS"));
        Map<String, String> base = new LinkedHashMap<>();
        base.put("Path", "C:\\vs;C:\\A;C:\\B");
        Map<String, String> applied = change.applyTo(base, true, ";");
        assertThat(applied).containsOnlyKeys("Path").containsEntry("Path", "C:\\VS;C:\\A;C:\\B");
    }

    @Test
    void namesDifferingOnlyInCaseAreOneVariableOnWindows() {
        EnvironmentChange change = EnvironmentChange.between(Map.of("Foo", "1"), Map.of("FOO", "1"), true, ";");
        assertThat(change.isEmpty()).isTrue();
        EnvironmentChange posix = EnvironmentChange.between(Map.of("Foo", "1"), Map.of("FOO", "1"), false, ":");
        assertThat(posix.values()).containsEntry("FOO", "1");
        assertThat(posix.removed()).containsExactly("Foo");
    }

    @Test
    void aNewListVariableIsDedupedAndKeptWhole() {
        EnvironmentChange change = EnvironmentChange.between(Map.of(), Map.of("LIB", "C:\\L1;C:\\L2;C:\\L1;"), true,
                ";");
        assertThat(change.applyTo(Map.of(), true, ";")).containsEntry("LIB", "C:\\L1;C:\\L2");
    }

    @Test
    void valuesSurviveUnchanged() {
        String odd = "a=b%c&d!e^f Zürich\nsecond line";
        EnvironmentChange change = EnvironmentChange.between(Map.of(), Map.of("ODD", odd), false, ":");
        assertThat(change.applyTo(Map.of(), false, ":")).containsEntry("ODD", odd);
    }
}
