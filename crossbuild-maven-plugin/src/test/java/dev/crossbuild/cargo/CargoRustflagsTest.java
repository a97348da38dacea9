package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.reproducible.ReproducibleBuild;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CargoRustflagsTest {

    private static final ReproducibleBuild SPACED = ReproducibleBuild.of(true, Instant.EPOCH,
            Path.of("/home/Jane Doe/app"), null, Path.of("/home/Jane Doe/app/target/crossbuild"));

    @Test
    void ownFlagsKeepTheirMeaningAndComeFirstThenTheRemapsEachOneElement() {
        TargetSpec target = target("x86_64-pc-windows-gnu", "  -C target-feature=+crt-static\t--cfg  x ");
        assertThat(CargoRustflags.of(target, SPACED)).containsExactly("-C", "target-feature=+crt-static", "--cfg",
                "x", "--remap-path-prefix=/home/Jane Doe/app=/crossbuild/project",
                "--remap-path-prefix=/home/Jane Doe/app/target/crossbuild=/crossbuild/work", "-C",
                "link-arg=-Wl,--no-insert-timestamp");
    }

    @Test
    void oneConfigArgumentPerTargetWithFlagsAndNoneWithout() {
        TargetSpec plain = target("aarch64-unknown-linux-gnu", null);
        TargetSpec flagged = target("x86_64-unknown-linux-gnu", "--cfg foo");
        assertThat(CargoRustflags.configArguments(List.of(plain, flagged), ReproducibleBuild.OFF))
                .containsExactly("--config", "target.\"x86_64-unknown-linux-gnu\".rustflags=[\"--cfg\", \"foo\"]");
        assertThat(CargoRustflags.configArguments(List.of(plain), ReproducibleBuild.OFF)).isEmpty();
        assertThat(CargoRustflags.configArguments(List.of(plain), SPACED)).containsExactly("--config",
                "target.\"aarch64-unknown-linux-gnu\".rustflags=[\"--remap-path-prefix=/home/Jane Doe/app"
                        + "=/crossbuild/project\", \"--remap-path-prefix=/home/Jane Doe/app/target/crossbuild"
                        + "=/crossbuild/work\"]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|\"plain\"",
            "C:\\Users\\Jane Doe|\"C:\\\\Users\\\\Jane Doe\"",
            "say \"hi\"|\"say \\\"hi\\\"\"",
            "é ü|\"é ü\"",
    })
    void tomlStringsEscapeWhatTomlBasicStringsMust(String value, String toml) {
        assertThat(CargoRustflags.tomlString(value)).isEqualTo(toml);
    }

    @Test
    void controlCharactersAreUnicodeEscapes() {
        assertThat(CargoRustflags.tomlString("a\tb\nc\u0001")).isEqualTo("\"a\\tb\\nc\\u0001\"");
    }

    private static TargetSpec target(String triple, String rustflags) {
        return new TargetSpec("t", TargetTriple.parse(triple), null, rustflags, null, null, null, null, null,
                Map.of(), null, List.of(), Map.of());
    }
}
