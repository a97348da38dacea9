package dev.crossbuild.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetTriple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GithubRunnersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "x86_64-pc-windows-msvc, windows-latest",
            "i686-pc-windows-msvc, windows-latest",
            "x86_64-pc-windows-gnu, windows-latest",
            "aarch64-pc-windows-msvc, windows-11-arm",
            "arm64ec-pc-windows-msvc, windows-11-arm",
            "thumbv7a-pc-windows-msvc, windows-latest",
            "x86_64-unknown-linux-gnu, ubuntu-latest",
            "x86_64-unknown-linux-musl, ubuntu-latest",
            "aarch64-unknown-linux-gnu, ubuntu-24.04-arm",
            "aarch64-unknown-linux-musl, ubuntu-24.04-arm",
            "armv7-unknown-linux-gnueabihf, ubuntu-latest",
            "riscv64gc-unknown-linux-gnu, ubuntu-latest",
            "aarch64-apple-darwin, macos-latest",
            "x86_64-apple-darwin, macos-15-intel",
            "aarch64-apple-ios, macos-latest",
            "x86_64-apple-ios, macos-latest",
            "x86_64-unknown-freebsd, ubuntu-latest",
            "aarch64-linux-android, ubuntu-latest",
            "wasm32-unknown-unknown, ubuntu-latest",
    })
    void suggestsTheRunnerOfTheTargetsOsAndCpu(String triple, String runner) {
        assertThat(GithubRunners.forTarget(TargetTriple.parse(triple))).isEqualTo(runner);
    }
}
