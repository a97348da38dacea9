package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetTriple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemLibrariesTest {

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource({
            "wasm32-wasi,              wasi_snapshot_preview1, true",
            "wasm32-wasip1,            wasi_snapshot_preview1, true",
            "wasm32-wasi,              env,                    false",
            "wasm32-wasi,              wasi_ephemeral_nn,      false",
            // the embedder of a wasm32-unknown-unknown module defines what it imports
            "wasm32-unknown-unknown,   env,                    true",
            "x86_64-unknown-linux-gnu, libc.so.6,              true",
            "x86_64-unknown-linux-gnu, libssl.so.3,            false",
            "x86_64-pc-windows-gnu,    KERNEL32.dll,           true",
            "x86_64-pc-windows-gnu,    libstdc++-6.dll,        false",
    })
    void whatEveryMachineOfAPlatformHas(String triple, String library, boolean system) {
        assertThat(SystemLibraries.isSystem(TargetTriple.parse(triple), library)).isEqualTo(system);
    }
}
