package dev.crossbuild.zig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetTriple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rust triples (and a glibc floor) as zig's {@code -target}, and the triples zig cannot link. */
class ZigTripleTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "aarch64-unknown-linux-gnu,       2.17, aarch64-linux-gnu.2.17",
        "x86_64-unknown-linux-gnu,        2.17, x86_64-linux-gnu.2.17",
        "x86_64-unknown-linux-gnu,        -,    x86_64-linux-gnu",
        "armv7-unknown-linux-gnueabihf,   2.28, arm-linux-gnueabihf.2.28",
        "i686-unknown-linux-gnu,          -,    x86-linux-gnu",
        "x86_64-unknown-linux-musl,       -,    x86_64-linux-musl",
        "aarch64-unknown-linux-musl,      2.17, aarch64-linux-musl",
        "aarch64-apple-darwin,            -,    aarch64-macos",
        "x86_64-apple-darwin,             -,    x86_64-macos",
        "aarch64-pc-windows-gnullvm,      -,    aarch64-windows-gnu",
        "x86_64-pc-windows-gnullvm,       -,    x86_64-windows-gnu",
        "x86_64-pc-windows-gnu,           -,    x86_64-windows-gnu",
        "riscv64gc-unknown-linux-gnu,     2.31, riscv64-linux-gnu.2.31",
        "thumbv7em-none-eabihf,           -,    thumb-freestanding-eabihf",
    })
    void mapsTheTriple(String triple, String glibc, String zig) throws ProjectException {
        assertThat(ZigTriple.of(TargetTriple.parse(triple), glibc)).isEqualTo(zig);
    }

    /** {@code <macosMin>} is the minimum macOS of the zig target: zig's default (11.7 for arm64) is newer. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "aarch64-apple-darwin,            11.0,   aarch64-macos.11.0",
        "x86_64-apple-darwin,             10.12,  x86_64-macos.10.12",
        "x86_64-apple-darwin,             11,     x86_64-macos.11.0",
        "aarch64-apple-darwin,            12.3.1, aarch64-macos.12.3.1",
        "aarch64-apple-darwin,            -,      aarch64-macos",
        "aarch64-unknown-linux-gnu,       11.0,   aarch64-linux-gnu",
    })
    void theMinimumMacosIsPartOfTheTarget(String triple, String macosMin, String zig) throws ProjectException {
        assertThat(ZigTriple.of(TargetTriple.parse(triple), null, macosMin)).isEqualTo(zig);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "aarch64-pc-windows-msvc | zig cannot link against the MSVC runtime; use the `-gnullvm` triple (aarch64-pc-windows-gnullvm)",
        "wasm32-wasip1           | the plugin knows no zig target for it; set <linker>",
        "aarch64-apple-ios       | the plugin knows no zig target for it",
    })
    void refusesWhatZigCannotLink(String triple, String message) {
        assertThatThrownBy(() -> ZigTriple.of(TargetTriple.parse(triple), null))
                .isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("<triple>" + triple + "</triple> with <linker>zig</linker>: ")
                .hasMessageContaining(message);
    }
}
