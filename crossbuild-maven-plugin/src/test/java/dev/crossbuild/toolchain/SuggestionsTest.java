package dev.crossbuild.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

    private static final List<String> KNOWN = List.of("aarch64-unknown-linux-gnu", "aarch64-pc-windows-msvc",
            "x86_64-pc-windows-gnu", "x86_64-pc-windows-msvc", "x86_64-unknown-linux-gnu", "i686-pc-windows-msvc");

    @ParameterizedTest
    @CsvSource({
        "aarch64-unknwon-linux-gnu, aarch64-unknown-linux-gnu",
        "aarch64-unknown-linux,     aarch64-unknown-linux-gnu",
        "x86_64-pc-windows-mscv,    x86_64-pc-windows-msvc",
        "x86-64-pc-windows-gnu,     x86_64-pc-windows-gnu",
        "i686-pc-windows-msvc,      i686-pc-windows-msvc",
    })
    void suggestsTheNearestTriple(String typo, String expected) {
        assertThat(Suggestions.nearest(typo, KNOWN)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"sparc-sun-solaris", "mips"})
    void suggestsNothingForFarOffNames(String wanted) {
        assertThat(Suggestions.nearest(wanted, KNOWN)).isEmpty();
    }
}
