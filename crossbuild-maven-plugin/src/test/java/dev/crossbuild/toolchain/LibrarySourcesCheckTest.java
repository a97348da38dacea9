package dev.crossbuild.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code <buildStd>} target needs the library sources, complete (with std's Cargo.lock), in its sysroot. */
class LibrarySourcesCheckTest {

    @TempDir
    Path sysroot;

    @Test
    void sourcesCountOnlyWithTheirLockFileAndTheProblemNamesTheFix() throws Exception {
        ToolchainFacts facts = new ToolchainFacts("nightly", List.of("nightly"), "cargo 1.80.0-nightly", null,
                "rustc 1.80.0-nightly", sysroot.toString(), null);
        Path library = sysroot.resolve("lib/rustlib/src/rust/library");
        Files.createDirectories(library.resolve("std"));
        assertThat(facts.librarySources()).as("Debian's 1.63 rust-src has no Cargo.lock").isEmpty();
        TargetSpec target = new TargetSpec("mac", TargetTriple.parse("aarch64-apple-darwin"), "nightly", null, "zig",
                null, null, null, null, Map.of(), null, List.of(), Map.of(), List.of(), List.of(), null, null, true);
        assertThat(ToolchainChecks.missingLibrarySources(target, facts)).isEqualTo("target `mac`: <buildStd>true"
                + "</buildStd> builds the standard library from the toolchain's sources, which are not in " + library
                + " (no Cargo.lock); install them (`rustup component add rust-src --toolchain nightly`) or name in"
                + " <toolchain> a toolchain whose sources are installed (a nightly one with rust-src, or Debian's"
                + " rustc-web with rust-web-src)");
        Files.writeString(library.resolve("Cargo.lock"), "version = 4\n");
        assertThat(facts.librarySources()).contains(library);
    }
}
