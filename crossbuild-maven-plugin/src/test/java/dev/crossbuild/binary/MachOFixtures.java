package dev.crossbuild.binary;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.Toolchains;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real Mach-O files for the tests: thin ones that {@code zig cc -target <arch>-macos} builds, universal ones that
 * {@code llvm-lipo -create} joins. A test needing them is skipped where zig or llvm-lipo is missing (fails under
 * {@code -Dcrossbuild.it.strict=true}); {@code .ci/run} installs both.
 */
public final class MachOFixtures {

    private static final String PROGRAM = "int answer(void) { return 42; }\nint main(void) { return answer() - 42; }\n";

    private MachOFixtures() {
    }

    /** Skips the test without zig on PATH. */
    public static void requireZig() {
        require(Toolchains.onPath("zig"), "zig on PATH (.ci/zig.sh installs zig 0.11)");
    }

    /** llvm-lipo or lipo: on PATH, under its versioned name, or in an LLVM folder; skips the test without one. */
    public static Path lipo() throws IOException {
        Optional<Path> found = Stream.of("llvm-lipo", "lipo", "llvm-lipo-14", "llvm-lipo-15", "llvm-lipo-16")
                .filter(Toolchains::onPath).findFirst().map(Path::of);
        if (found.isEmpty() && Files.isDirectory(Path.of("/usr/lib"))) {
            try (Stream<Path> dirs = Files.list(Path.of("/usr/lib"))) {
                found = dirs.map(d -> d.resolve("bin/llvm-lipo")).filter(Files::isExecutable)
                        .max(Comparator.naturalOrder());
            }
        }
        require(found.isPresent(), "llvm-lipo (Debian: apt-get install llvm)");
        return found.get();
    }

    /**
     * Builds a Mach-O file with zig.
     *
     * @param zigArch {@code aarch64} or {@code x86_64}
     * @param kind    {@code exe}, {@code dylib} or {@code static} (an ar archive of one object)
     */
    public static Path build(Path dir, String zigArch, String kind) throws IOException, InterruptedException {
        requireZig();
        Path source = dir.resolve("answer.c");
        Files.writeString(source, PROGRAM, StandardCharsets.UTF_8);
        String target = zigArch + "-macos";
        Path out = dir.resolve(zigArch + "-" + kind);
        switch (kind) {
            case "exe" -> run(dir, "zig", "cc", "-target", target, "-o", out.toString(), source.toString());
            case "dylib" -> run(dir, "zig", "cc", "-target", target, "-shared", "-o", out.toString(), source.toString());
            case "static" -> {
                Path object = dir.resolve(zigArch + ".o");
                run(dir, "zig", "cc", "-target", target, "-c", "-o", object.toString(), source.toString());
                run(dir, "zig", "ar", "rcs", out.toString(), object.toString());
            }
            default -> throw new IllegalArgumentException(kind);
        }
        assertThat(out).isRegularFile();
        return out;
    }

    /** {@code lipo -create -output <out> <inputs>}. */
    public static Path join(Path out, Path... inputs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(lipo().toString(), "-create", "-output", out.toString()));
        for (Path input : inputs) {
            command.add(input.toString());
        }
        run(out.getParent(), command.toArray(String[]::new));
        return out;
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
    }
}
