package dev.crossbuild.nativebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private final Placeholders placeholders = new Placeholders(Map.of("triple", "aarch64-unknown-linux-gnu",
            "arch", "aarch64", "native.calc.dir", "/w/native/calc", "neon", "USE_NEON=1", "dollar", "$1\\x"),
            "target `arm`: native build `tray`");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "plain                          | plain",
            "--target=@{triple}             | --target=aarch64-unknown-linux-gnu",
            "@{arch}-@{arch}                | aarch64-aarch64",
            "-L@{native.calc.dir}/lib       | -L/w/native/calc/lib",
            "@{neon}                        | USE_NEON=1",
            "@{missing:-fallback}           | fallback",
            "@{arch:-unused}                | aarch64",
            "@{dollar}                      | $1\\x",
            "${maven.style} stays           | ${maven.style} stays",
            "@notaplaceholder               | @notaplaceholder",
    })
    void expands(String text, String expected) throws ProjectException {
        assertThat(placeholders.expand(text)).isEqualTo(expected);
    }

    @Test
    void argumentsThatExpandToNothingAreDropped() throws ProjectException {
        assertThat(placeholders.expandAll(List.of("lib", "@{simd:-}", "", "@{neon}")))
                .containsExactly("lib", "", "USE_NEON=1");
    }

    @Test
    void unknownPlaceholderNamesTheBuildTheKnownNamesAndTheFix() {
        assertThatThrownBy(() -> placeholders.expand("CFLAGS=@{cflags}"))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `arm`: native build `tray`")
                .hasMessageContaining("unknown placeholder @{cflags}")
                .hasMessageContaining("@{triple}")
                .hasMessageContaining("<properties><cflags>");
    }
}
