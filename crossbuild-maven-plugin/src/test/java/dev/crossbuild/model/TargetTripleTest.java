package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTripleTest {

    @ParameterizedTest
    @CsvSource({
        // triple,                      arch,    vendor,  os,      env,     family,  windows, msvc,  exe,  dylib,  archive
        "x86_64-unknown-linux-gnu,      x86_64,  unknown, linux,   gnu,     x86_64,  false,   false, '',   .so,    tar.gz",
        "aarch64-unknown-linux-musl,    aarch64, unknown, linux,   musl,    aarch64, false,   false, '',   .so,    tar.gz",
        "x86_64-pc-windows-msvc,        x86_64,  pc,      windows, msvc,    x86_64,  true,    true,  .exe, .dll,   zip",
        "i686-pc-windows-msvc,          i686,    pc,      windows, msvc,    x86,     true,    true,  .exe, .dll,   zip",
        "aarch64-pc-windows-msvc,       aarch64, pc,      windows, msvc,    aarch64, true,    true,  .exe, .dll,   zip",
        "x86_64-pc-windows-gnu,         x86_64,  pc,      windows, gnu,     x86_64,  true,    false, .exe, .dll,   zip",
        "aarch64-apple-darwin,          aarch64, apple,   darwin,  '',      aarch64, false,   false, '',   .dylib, tar.gz",
        "armv7-unknown-linux-gnueabihf, armv7,   unknown, linux,   gnueabihf, arm,   false,   false, '',   .so,    tar.gz",
        "aarch64-linux-android,         aarch64, unknown, linux,   android, aarch64, false,   false, '',   .so,    tar.gz",
        "wasm32-unknown-unknown,        wasm32,  unknown, unknown, '',      wasm32,  false,   false, .wasm, .wasm, tar.gz",
        "wasm32-wasi,                   wasm32,  unknown, wasi,    '',      wasm32,  false,   false, .wasm, .wasm, tar.gz",
        "wasm32-wasip1,                 wasm32,  unknown, wasip1,  '',      wasm32,  false,   false, .wasm, .wasm, tar.gz",
    })
    void parsesTriplesAndDerivesPlatformFacts(String value, String arch, String vendor, String os, String env,
            String family, boolean windows, boolean msvc, String exe, String dylib, String archive) {
        TargetTriple triple = TargetTriple.parse(value);
        assertThat(triple.arch()).isEqualTo(arch);
        assertThat(triple.vendor()).isEqualTo(vendor);
        assertThat(triple.os()).isEqualTo(os);
        assertThat(triple.env()).isEqualTo(env);
        assertThat(triple.archFamily()).isEqualTo(family);
        assertThat(triple.isWindows()).isEqualTo(windows);
        assertThat(triple.isMsvc()).isEqualTo(msvc);
        assertThat(triple.exeSuffix()).isEqualTo(exe);
        assertThat(triple.dynamicLibSuffix()).isEqualTo(dylib);
        assertThat(triple.archiveExtension()).isEqualTo(archive);
    }

    @ParameterizedTest
    @CsvSource({
        "x86_64-pc-windows-msvc,   X86_64_PC_WINDOWS_MSVC,   x86_64_pc_windows_msvc,   '',    .lib",
        "aarch64-unknown-linux-gnu, AARCH64_UNKNOWN_LINUX_GNU, aarch64_unknown_linux_gnu, lib, .a",
        "thumbv7em-none-eabihf,     THUMBV7EM_NONE_EABIHF,     thumbv7em_none_eabihf,     lib, .a",
    })
    void spellsVariableKeysAsCargoAndCcDo(String value, String cargoKey, String ccKey, String staticPrefix,
            String staticSuffix) {
        TargetTriple triple = TargetTriple.parse(value);
        assertThat(triple.cargoEnvKey()).isEqualTo(cargoKey);
        assertThat(triple.ccEnvKey()).isEqualTo(ccKey);
        assertThat(triple.staticLibPrefix()).isEqualTo(staticPrefix);
        assertThat(triple.staticLibSuffix()).isEqualTo(staticSuffix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "x86_64", "x86_64 unknown linux"})
    void rejectsWhatIsNotATriple(String value) {
        assertThatThrownBy(() -> TargetTriple.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
