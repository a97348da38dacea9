package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded cargo {@code --message-format=json} lines. */
class CargoMessagesTest {

    private static JsonObject recorded(String name) throws IOException {
        try (InputStream in = CargoMessagesTest.class.getResourceAsStream("/cargo/" + name)) {
            String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return CargoMessages.parse(line).orElseThrow();
        }
    }

    @Test
    void recordsTheExecutableOfABinary() throws IOException {
        JsonObject message = recorded("bin-artifact.json");
        assertThat(CargoMessages.reason(message)).isEqualTo("compiler-artifact");
        assertThat(CargoMessages.artifacts(message))
                .containsExactly(new CargoArtifact("bin", "hello", "/home/dev/hello/target/debug/hello"));
    }

    @Test
    void recordsLibrariesByKindAndSkipsRlibs() throws IOException {
        assertThat(CargoMessages.artifacts(recorded("windows-lib-artifact.json")))
                .extracting(a -> a.kind() + ":" + Path.of(a.path()).getFileName())
                .containsExactly("cdylib:tray.dll", "cdylib:libtray.dll.a", "staticlib:libtray.a");
    }

    @Test
    void linesSkippedUnparsedHoldNoArtifactToPackageAndNoDiagnostic() throws IOException {
        // a real cargo build of a crate with dependencies, build scripts and a proc-macro
        List<String> lines;
        try (InputStream in = CargoMessagesTest.class.getResourceAsStream("/cargo/build-with-dependencies.jsonl")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> skipped = lines.stream().filter(l -> !CargoMessages.mayMatter(l)).toList();
        for (String line : skipped) {
            JsonObject message = CargoMessages.parse(line).orElseThrow();
            assertThat(CargoMessages.reason(message)).isIn("compiler-artifact", "build-script-executed");
            assertThat(CargoMessages.artifacts(message)).as(line).isEmpty();
        }
        assertThat(skipped).hasSize(lines.size() - 2);   // kept: the binary's artifact and build-finished
        assertThat(lines.stream().filter(CargoMessages::mayMatter)
                .flatMap(l -> CargoMessages.artifacts(CargoMessages.parse(l).orElseThrow()).stream()))
                .extracting(CargoArtifact::crate).containsExactly("bench-crate");
        for (String kept : List.of("bin-artifact.json", "windows-lib-artifact.json", "error-message.json")) {
            try (InputStream in = CargoMessagesTest.class.getResourceAsStream("/cargo/" + kept)) {
                assertThat(CargoMessages.mayMatter(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim()))
                        .as(kept).isTrue();
            }
        }
        assertThat(CargoMessages.mayMatter("   Compiling serde v1.0.152")).isTrue();
    }

    @Test
    void readsTheFirstErrorWithItsPrimaryLocation() throws IOException {
        var diagnostic = CargoMessages.diagnostic(recorded("error-message.json"), Path.of("/home/dev/crate")).orElseThrow();
        assertThat(diagnostic.level()).isEqualTo("error[E0308]");
        assertThat(diagnostic.message()).isEqualTo("mismatched types");
        assertThat(diagnostic.file()).isEqualTo("/home/dev/crate/src/main.rs");
        assertThat(diagnostic.line()).isEqualTo(1);
        assertThat(diagnostic.column()).isEqualTo(26);
        assertThat(diagnostic.headline()).isEqualTo("error[E0308]: mismatched types at /home/dev/crate/src/main.rs:1:26");
        assertThat(diagnostic.rendered()).startsWith("error[E0308]: mismatched types\n --> src/main.rs:1:26");
    }

    @Test
    void ignoresLinesThatAreNotJsonObjects() {
        assertThat(CargoMessages.parse("   Compiling hello v0.1.0")).isEmpty();
        assertThat(CargoMessages.parse("{not json")).isEmpty();
    }

    @Test
    void annotationEscapesAsGithubRequires() throws IOException {
        var diagnostic = CargoMessages.diagnostic(recorded("error-message.json"), Path.of("/home/dev/crate")).orElseThrow();
        assertThat(GithubAnnotations.format(diagnostic, "[linux-arm64]")).isEqualTo(
                "::error file=/home/dev/crate/src/main.rs,line=1,col=26,title=[linux-arm64]::error[E0308]: mismatched types");
        assertThat(GithubAnnotations.data("50% done\nnext")).isEqualTo("50%25 done%0Anext");
        assertThat(GithubAnnotations.property("a,b:c")).isEqualTo("a%2Cb%3Ac");
    }
}
