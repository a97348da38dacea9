package dev.crossbuild;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** WebAssembly modules built by a real rustc for the tests: Debian's, linked as the rustup toolchain `debian`. */
public final class WasmBuilds {

    private WasmBuilds() {
    }

    /** Compiles one Rust source file for a wasm triple; skipped (failed in strict mode) where it cannot. */
    public static Path rustc(Path dir, String triple, String source) throws Exception {
        dev.crossbuild.Toolchains.requireDebianToolchain();
        require(Files.isDirectory(Path.of("/usr/lib/rustlib", triple)), "Debian's " + triple + " standard library"
                + " (libstd-rust-dev-wasm32) is needed");
        require(Files.isExecutable(Path.of("/usr/bin/rust-lld")), "rust-lld (Debian: lld) is needed");
        Path main = dir.resolve("main.rs");
        Files.writeString(main, source);
        Path out = dir.resolve("main.wasm");
        Process rustc = new ProcessBuilder("rustc", "+debian", "--target", triple, "-C", "opt-level=s", "-C",
                "strip=symbols", "-o", out.toString(), main.toString()).redirectErrorStream(true).start();
        String printed = new String(rustc.getInputStream().readAllBytes());
        assertThat(rustc.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rustc.exitValue()).as(printed).isZero();
        return out;
    }
}
