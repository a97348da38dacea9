package dev.crossbuild.toolchain;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against small stand-in {@code cargo}, {@code rustc} and {@code rustup} scripts on a temporary PATH:
 * they answer as the real ones do and count how often they were asked.
 */
class ToolchainProbeTest {

    @TempDir
    Path dir;

    private Path bin;

    @BeforeEach
    void scripts() throws Exception {
        require(!Executables.isWindows() && Executables.find("sh", System.getenv()).isPresent(), "sh is needed");
        bin = Files.createDirectories(dir.resolve("bin"));
        script("rustup", "echo rustup >> " + dir.resolve("calls") + "\n"
                + "printf 'stable-x86_64-unknown-linux-gnu (default)\\ndebian\\n'");
        script("cargo", "echo \"cargo $*\" >> " + dir.resolve("calls") + "\necho 'cargo 1.63.0'");
        script("rustc", "echo \"rustc $*\" >> " + dir.resolve("calls") + "\n"
                + "case \"$*\" in\n"
                + "  *--version*) echo 'rustc 1.63.0' ;;\n"
                + "  *target-list*) printf 'x86_64-unknown-linux-gnu\\naarch64-unknown-linux-gnu\\n' ;;\n"
                + "  *sysroot*) echo /usr ;;\n"
                + "esac");
    }

    @Test
    void factsOfAToolchainAreAskedOnceForEveryTargetThatSharesIt() throws Exception {
        ToolchainProbe probe = new ToolchainProbe(new ProcessRunner(), dir);
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin");
        ToolchainFacts a = probe.probe(target("a", "aarch64-unknown-linux-gnu", "debian"), env);
        ToolchainFacts b = probe.probe(target("b", "x86_64-unknown-linux-gnu", "debian"), env);
        assertThat(a).isEqualTo(b);
        assertThat(a.cargoVersion()).isEqualTo("cargo 1.63.0");
        assertThat(a.rustcVersion()).isEqualTo("rustc 1.63.0");
        assertThat(a.sysroot()).isEqualTo("/usr");
        assertThat(a.targetList()).containsExactlyInAnyOrder("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu");
        assertThat(a.rustupToolchains()).containsExactly("stable-x86_64-unknown-linux-gnu", "debian");
        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly("rustup", "cargo +debian --version",
                "rustc +debian --version", "rustc +debian --print target-list", "rustc +debian --print sysroot");
    }

    @Test
    void factsAreKeptOnDiskUntilAToolChanges() throws Exception {
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "RUSTUP_HOME", dir.resolve("rustup").toString());
        TargetSpec target = target("a", "aarch64-unknown-linux-gnu", "debian");
        ToolchainFacts first = new ToolchainProbe(new ProcessRunner(), dir, cache).probe(target, env);
        int calls = Files.readAllLines(dir.resolve("calls")).size();
        java.util.List<String> said = new java.util.ArrayList<>();
        ToolchainFacts again = new ToolchainProbe(new ProcessRunner(), dir, cache).probe(target, env,
                () -> said.add("reused"));
        assertThat(again).isEqualTo(first);
        assertThat(said).containsExactly("reused");
        assertThat(Files.readAllLines(dir.resolve("calls"))).hasSize(calls);

        // a new rustc (rustup update, another install) is asked again
        Path rustc = bin.resolve("rustc");
        Files.setLastModifiedTime(rustc, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(rustc).toMillis() + 60_000));
        new ToolchainProbe(new ProcessRunner(), dir, cache).probe(target, env, () -> said.add("reused"));
        assertThat(said).containsExactly("reused");
        assertThat(Files.readAllLines(dir.resolve("calls")).size()).isGreaterThan(calls);
    }

    @Test
    void aToolchainRustupDoesNotListIsNotQueriedFurther() throws Exception {
        ToolchainFacts facts = new ToolchainProbe(new ProcessRunner(), dir).probe(
                target("a", "x86_64-unknown-linux-gnu", "nightly"), Map.of("PATH", bin + ":/usr/bin:/bin"));
        assertThat(facts.cargoVersion()).isNull();
        assertThat(ToolchainChecks.rust(target("a", "x86_64-unknown-linux-gnu", "nightly"), facts)).singleElement()
                .asString().contains("rustup toolchain `nightly` (<toolchain>) is not installed");
        assertThat(Files.readAllLines(dir.resolve("calls"))).containsExactly("rustup");
    }

    @Test
    void missingProgramsAreFactsNotErrors() throws Exception {
        ToolchainFacts facts = new ToolchainProbe(new ProcessRunner(), dir).probe(
                target("a", "x86_64-unknown-linux-gnu", null), Map.of("PATH", dir.resolve("empty").toString()));
        assertThat(facts).isEqualTo(new ToolchainFacts(null, null, null, null, null, null, null));
    }

    private void script(String name, String body) throws Exception {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static TargetSpec target(String id, String triple, String toolchain) {
        return new TargetSpec(id, TargetTriple.parse(triple), toolchain, null, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }
}
