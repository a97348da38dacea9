package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPlatformTest {

    @ParameterizedTest
    @CsvSource({
        "Linux,      amd64,   x86_64-unknown-linux-gnu",
        "Linux,      aarch64, aarch64-unknown-linux-gnu",
        "Linux,      arm,     armv7-unknown-linux-gnueabihf",
        "Windows 11, amd64,   x86_64-pc-windows-msvc",
        "Windows 11, aarch64, aarch64-pc-windows-msvc",
        "Windows 10, x86,     i686-pc-windows-msvc",
        "Mac OS X,   aarch64, aarch64-apple-darwin",
        "Mac OS X,   x86_64,  x86_64-apple-darwin",
        "FreeBSD,    amd64,   x86_64-unknown-freebsd",
    })
    void guessesTheHostTriple(String osName, String osArch, String expected) {
        assertThat(HostPlatform.guess(osName, osArch).value()).isEqualTo(expected);
    }
}
