package dev.crossbuild.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CiMatrixTest {

    private static TargetSpec spec(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(), null,
                List.of(), Map.of());
    }

    private final List<TargetSpec> targets = List.of(spec("windows-arm64", "aarch64-pc-windows-msvc"),
            spec("linux-x64", "x86_64-unknown-linux-gnu"));

    @Test
    void oneLineOfJsonWithAnIncludeEntryPerTarget() {
        String json = CiMatrix.of(targets, null).toJson();

        assertThat(json).doesNotContain("\n").isEqualTo("{\"include\":["
                + "{\"id\":\"windows-arm64\",\"triple\":\"aarch64-pc-windows-msvc\",\"runner\":\"windows-11-arm\","
                + "\"archive\":\"zip\"},"
                + "{\"id\":\"linux-x64\",\"triple\":\"x86_64-unknown-linux-gnu\",\"runner\":\"ubuntu-latest\","
                + "\"archive\":\"tar.gz\"}]}");
    }

    @Test
    void oneArchiveFormatForEveryTargetWhenChosen() {
        assertThat(CiMatrix.of(targets, null, "zip").include()).extracting(CiMatrix.Entry::archive)
                .containsExactly("zip", "zip");
    }

    @Test
    void aHandPickedRunnerReplacesTheSuggestedOne() {
        CiMatrix matrix = CiMatrix.of(targets, Map.of("windows-arm64", " self-hosted-arm64 ", "not-selected", "x"));

        assertThat(matrix.include()).extracting(CiMatrix.Entry::runner)
                .containsExactly("self-hosted-arm64", "ubuntu-latest");
    }

    @Test
    void writesTheSameJsonToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ci/matrix.json");
        CiMatrix.of(targets, null).write(file);

        JsonObject parsed = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertThat(parsed.getAsJsonArray("include")).hasSize(2);
        assertThat(Files.readString(file)).isEqualTo(CiMatrix.of(targets, null).toJson() + "\n");
    }

    @Test
    void aRunnerOverrideForAnUnknownIdIsAnError() throws Exception {
        CiMatrix.checkOverrides(targets, Map.of("windows-arm64", "self-hosted-arm64"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CiMatrix.checkOverrides(targets,
                Map.of("windows-arm46", "self-hosted-arm64")))
                .isInstanceOf(dev.crossbuild.core.ProjectException.class)
                .hasMessage("<ciRunners> names <windows-arm46>, which is not a configured target id; known ids:"
                        + " windows-arm64, linux-x64");
    }
}
