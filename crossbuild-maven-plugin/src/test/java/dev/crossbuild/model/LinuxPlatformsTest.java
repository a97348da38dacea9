package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinuxPlatformsTest {

    @ParameterizedTest
    @CsvSource({
        "x86_64-unknown-linux-gnu,         ld-linux-x86-64.so.2",
        "aarch64-unknown-linux-gnu,        ld-linux-aarch64.so.1",
        "i686-unknown-linux-gnu,           ld-linux.so.2",
        "armv7-unknown-linux-gnueabihf,    ld-linux-armhf.so.3",
        "riscv64gc-unknown-linux-gnu,      ld-linux-riscv64-lp64d.so.1",
        "powerpc64le-unknown-linux-gnu,    ld64.so.2",
        "x86_64-unknown-linux-musl,        ld-musl-x86_64.so.1",
        "aarch64-unknown-linux-musl,       ld-musl-aarch64.so.1",
        "i686-unknown-linux-musl,          ld-musl-i386.so.1",
        "armv7-unknown-linux-musleabihf,   ld-musl-armhf.so.1",
        "arm-unknown-linux-musleabi,       ld-musl-arm.so.1",
        "riscv64gc-unknown-linux-musl,     ld-musl-riscv64.so.1",
        "powerpc64le-unknown-linux-musl,   ld-musl-powerpc64le.so.1",
        "s390x-unknown-linux-musl,         ld-musl-s390x.so.1",
    })
    void dynamicLoaderOfEachLinuxTarget(String triple, String loader) {
        assertThat(LinuxPlatforms.dynamicLoader(TargetTriple.parse(triple))).contains(loader);
    }

    @ParameterizedTest
    @CsvSource({"x86_64-pc-windows-gnu", "aarch64-apple-darwin", "wasm32-wasip1"})
    void noneOffLinux(String triple) {
        assertThat(LinuxPlatforms.dynamicLoader(TargetTriple.parse(triple))).isEmpty();
    }
}
