package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
