package dev.crossbuild.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.core.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CargoLockTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "// generated\\nversion = 4\\n\\n[[package]]\\nname = 'a'\\nversion = '0.1.0'\\n | 4 | 1.78.0",
        "// generated\\nversion = 3\\n\\n[[package]]\\nname = 'a'\\nversion = '0.1.0'\\n | 3 | 1.53.0",
        "[[package]]\\nname = 'a'\\nversion = '0.1.0'\\n                           | 2 | 1.0.0",
    })
    void readsTheFormatVersionNotAPackageVersion(String text, int version, String oldestReader) {
        CargoLock lock = new CargoLock(Path.of("Cargo.lock"), CargoLock.parseVersion(text.replace("\\n", "\n")));
        assertThat(lock.version()).isEqualTo(version);
        assertThat(lock.oldestReader()).isEqualTo(Version.find(oldestReader).orElseThrow());
    }

    @Test
    void findsTheLockOfAWorkspaceAboveTheCrate(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("Cargo.lock"), "version = 4\n");
        Path crate = Files.createDirectories(root.resolve("crates/app"));
        Files.writeString(crate.resolve("Cargo.toml"), "[package]\n");
        assertThat(CargoLock.find(crate.resolve("Cargo.toml"))).hasValueSatisfying(lock -> {
            assertThat(lock.file()).isEqualTo(root.resolve("Cargo.lock"));
            assertThat(lock.version()).isEqualTo(4);
        });
    }
}
