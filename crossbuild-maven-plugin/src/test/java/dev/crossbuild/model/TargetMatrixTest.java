package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetMatrixTest {

    private static final TargetTriple HOST = TargetTriple.parse("x86_64-unknown-linux-gnu");

    private static TargetSpec target(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }

    private static final List<TargetSpec> MATRIX = List.of(
            target("linux-x64", "x86_64-unknown-linux-gnu"),
            target("linux-arm64", "aarch64-unknown-linux-gnu"),
            target("windows-x64-gnu", "x86_64-pc-windows-gnu"));

    @Test
    void noTargetsMeansTheHostTarget() throws Exception {
        List<TargetSpec> selected = TargetMatrix.select(List.of(), null, HOST);
        assertThat(selected).extracting(TargetSpec::id).containsExactly("x86_64-unknown-linux-gnu");
        assertThat(selected.get(0).triple()).isEqualTo(HOST);
    }

    @Test
    void noSelectionMeansEveryConfiguredTarget() throws Exception {
        assertThat(TargetMatrix.select(MATRIX, " ", HOST)).extracting(TargetSpec::id)
                .containsExactly("linux-x64", "linux-arm64", "windows-x64-gnu");
    }

    @Test
    void selectionKeepsConfigurationOrder() throws Exception {
        assertThat(TargetMatrix.select(MATRIX, "windows-x64-gnu, linux-arm64", HOST)).extracting(TargetSpec::id)
                .containsExactly("linux-arm64", "windows-x64-gnu");
    }

    @Test
    void unknownSelectedIdIsAnErrorListingTheKnownIds() {
        assertThatThrownBy(() -> TargetMatrix.select(MATRIX, "linux-arm46", HOST))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("-Dcrossbuild.targets selects `linux-arm46`")
                .hasMessageContaining("linux-x64, linux-arm64, windows-x64-gnu");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        List<TargetSpec> bad = List.of(target("a", "x86_64-unknown-linux-gnu"), target("a", "aarch64-unknown-linux-gnu"),
                target("bad id", "x86_64-pc-windows-gnu"));
        assertThatThrownBy(() -> TargetMatrix.select(bad, "zzz", HOST))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("3 problems")
                .hasMessageContaining("<target><id>a</id> is declared twice")
                .hasMessageContaining("<target><id>bad id</id> cannot be an artifact classifier")
                .hasMessageContaining("selects `zzz`");
    }
}
