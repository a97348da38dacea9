package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.crossbuild.Toolchains.require;

import dev.crossbuild.model.TargetTriple;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Headers of binaries the real cross toolchains build (gcc, aarch64-linux-gnu-gcc, mingw-w64). A
 * case whose compiler is missing is skipped; {@code .ci/run} installs all of them.
 */
class RealBinariesTest {

    private static final String SOURCE = "int answer(void) { return 42; }\nint main(void) { return answer() - 42; }\n";

    @TempDir
    Path dir;

    /** How to build: compiler, output name, extra flags, and an archiver for static libraries (or null). */
    record Recipe(String compiler, String output, List<String> flags, String archiver) {
    }

    static Stream<Arguments> binaries() {
        return Stream.of(
                Arguments.of("host PIE executable", new Recipe("gcc", "hello", List.of(), null),
                        "x86_64-unknown-linux-gnu", ObjectFormat.ELF, Set.of(BinaryKind.SHARED_OBJECT,
                                BinaryKind.EXECUTABLE), "x86_64"),
                Arguments.of("host non-PIE executable", new Recipe("gcc", "hello", List.of("-no-pie"), null),
                        "x86_64-unknown-linux-gnu", ObjectFormat.ELF, Set.of(BinaryKind.EXECUTABLE), "x86_64"),
                Arguments.of("host shared library", new Recipe("gcc", "libhello.so", List.of("-shared", "-fPIC"),
                        null), "x86_64-unknown-linux-gnu", ObjectFormat.ELF, Set.of(BinaryKind.SHARED_OBJECT),
                        "x86_64"),
                Arguments.of("aarch64 Linux executable", new Recipe("aarch64-linux-gnu-gcc", "hello", List.of(),
                        null), "aarch64-unknown-linux-gnu", ObjectFormat.ELF, Set.of(BinaryKind.SHARED_OBJECT,
                                BinaryKind.EXECUTABLE), "aarch64"),
                Arguments.of("aarch64 Linux static library", new Recipe("aarch64-linux-gnu-gcc", "libhello.a",
                        List.of(), "aarch64-linux-gnu-ar"), "aarch64-unknown-linux-gnu", ObjectFormat.ELF,
                        Set.of(BinaryKind.STATIC_LIBRARY), "aarch64"),
                Arguments.of("Windows x64 executable (mingw)", new Recipe("x86_64-w64-mingw32-gcc", "hello.exe",
                        List.of(), null), "x86_64-pc-windows-gnu", ObjectFormat.PE_COFF,
                        Set.of(BinaryKind.EXECUTABLE), "x86_64"),
                Arguments.of("Windows x64 DLL (mingw)", new Recipe("x86_64-w64-mingw32-gcc", "hello.dll",
                        List.of("-shared"), null), "x86_64-pc-windows-gnu", ObjectFormat.PE_COFF,
                        Set.of(BinaryKind.SHARED_LIBRARY), "x86_64"),
                Arguments.of("Windows x64 import library (mingw)", new Recipe("x86_64-w64-mingw32-gcc",
                        "hello.dll.a", List.of("-shared"), null), "x86_64-pc-windows-gnu", ObjectFormat.PE_COFF,
                        Set.of(BinaryKind.STATIC_LIBRARY), "x86_64"),
                Arguments.of("Windows x64 static library (mingw)", new Recipe("x86_64-w64-mingw32-gcc",
                        "libhello.a", List.of(), "x86_64-w64-mingw32-ar"), "x86_64-pc-windows-gnu",
                        ObjectFormat.PE_COFF, Set.of(BinaryKind.STATIC_LIBRARY), "x86_64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaries")
    void readsWhatRealToolchainsBuild(String name, Recipe recipe, String triple, ObjectFormat format,
            Set<BinaryKind> kinds, String arch) throws Exception {
        Path binary = build(recipe);

        BinaryHeader header = BinaryHeaders.read(binary).orElseThrow();

        assertThat(header.format()).isEqualTo(format);
        assertThat(kinds).contains(header.kind());
        assertThat(header.architectures()).containsExactly(arch);
        ArchitectureCheck.Expectation expected = ArchitectureCheck.expected(TargetTriple.parse(triple)).orElseThrow();
        assertThat(ArchitectureCheck.mismatch(header, expected)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused for the other targets")
    @MethodSource("binaries")
    void refusesRealBinariesForOtherTargets(String name, Recipe recipe, String triple, ObjectFormat format,
            Set<BinaryKind> kinds, String arch) throws Exception {
        Path binary = build(recipe);
        BinaryHeader header = BinaryHeaders.read(binary).orElseThrow();

        for (String other : List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu", "x86_64-pc-windows-gnu",
                "aarch64-pc-windows-msvc", "aarch64-apple-darwin")) {
            if (other.equals(triple)) {
                continue;
            }
            var expected = ArchitectureCheck.expected(TargetTriple.parse(other)).orElseThrow();
            assertThat(ArchitectureCheck.mismatch(header, expected)).as(other)
                    .hasValueSatisfying(m -> assertThat(m).contains(arch).contains(expected.describe()));
        }
    }

    private Path build(Recipe recipe) throws IOException, InterruptedException {
        require(dev.crossbuild.Toolchains.onPath(recipe.compiler()), recipe.compiler() + " is not installed");
        Path source = dir.resolve("hello.c");
        Files.writeString(source, SOURCE);
        Path output = dir.resolve(recipe.output());
        if (recipe.archiver() != null) {
            require(dev.crossbuild.Toolchains.onPath(recipe.archiver()), recipe.archiver() + " is not installed");
            run(List.of(recipe.compiler(), "-c", "-o", "hello.o", "hello.c"));
            run(List.of(recipe.archiver(), "rcs", recipe.output(), "hello.o"));
            return output;
        }
        List<String> command = new ArrayList<>(List.of(recipe.compiler()));
        command.addAll(recipe.flags());
        if (recipe.output().endsWith(".dll.a")) {
            command.addAll(List.of("-o", "hello.dll", "-Wl,--out-implib," + recipe.output()));
        } else {
            command.addAll(List.of("-o", recipe.output()));
        }
        command.add("hello.c");
        run(command);
        return output;
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
    }

}
