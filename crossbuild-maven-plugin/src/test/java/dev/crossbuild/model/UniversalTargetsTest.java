package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A macOS universal target is built as two slices that keep every setting but the id and the triple. */
class UniversalTargetsTest {

    private static TargetSpec target(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), "web", "-C opt-level=1", "zig", null, null, null, null,
                Map.of("A", "1"), null, List.of(), Map.of("p", "v"), List.of("--nocapture"), List.of("libfoo.dylib"),
                null, "11.0", true);
    }

    @Test
    void aUniversalTargetIsItsTwoSlicesWithItsSettings() throws Exception {
        TargetSpec universal = target("macos", "universal2-apple-darwin");
        assertThat(universal.triple().isUniversalApple()).isTrue();
        List<TargetSpec> slices = UniversalTargets.slices(universal);
        assertThat(slices).extracting(TargetSpec::id).containsExactly("macos.aarch64", "macos.x86_64");
        assertThat(slices).extracting(t -> t.triple().value()).containsExactly("aarch64-apple-darwin",
                "x86_64-apple-darwin");
        for (TargetSpec slice : slices) {
            assertThat(slice).usingRecursiveComparison().ignoringFields("id", "triple").isEqualTo(universal);
        }
    }

    @Test
    void expandReplacesUniversalTargetsInPlace() throws Exception {
        TargetSpec linux = target("linux", "x86_64-unknown-linux-gnu");
        TargetSpec macos = target("macos", "universal2-apple-darwin");
        TargetSpec windows = target("windows", "aarch64-pc-windows-gnullvm");
        assertThat(UniversalTargets.expand(List.of(linux, macos, windows))).extracting(TargetSpec::id)
                .containsExactly("linux", "macos.aarch64", "macos.x86_64", "windows");
        assertThat(UniversalTargets.expand(List.of(linux))).containsExactly(linux);
        assertThat(UniversalTargets.builtFrom(List.of(linux, macos, windows),
                UniversalTargets.expand(List.of(macos)))).containsExactly(macos);
        assertThat(UniversalTargets.builtFrom(List.of(linux, macos), List.of(linux))).isEmpty();
    }

    @Test
    void aSliceIdTakenByAnotherTargetIsRefused() {
        TargetSpec macos = target("macos", "universal2-apple-darwin");
        TargetSpec taken = target("macos.x86_64", "x86_64-apple-darwin");
        assertThatThrownBy(() -> UniversalTargets.expand(List.of(macos, taken))).isInstanceOf(ProjectException.class)
                .hasMessage("<target><id>macos</id> is universal (universal2-apple-darwin): its x86_64-apple-darwin"
                        + " slice is built as target `macos.x86_64`, which is also the <id> of another target;"
                        + " rename that target");
    }

    @Test
    void onlyTheAppleUniversal2TripleIsUniversal() {
        assertThat(TargetTriple.parse("universal2-apple-darwin").isUniversalApple()).isTrue();
        assertThat(TargetTriple.parse("aarch64-apple-darwin").isUniversalApple()).isFalse();
        assertThat(TargetTriple.parse("universal2-unknown-linux-gnu").isUniversalApple()).isFalse();
    }
}
