package dev.crossbuild.cargotest;

import dev.crossbuild.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folders of the MinGW runtime DLLs ({@code libstdc++-6.dll}, {@code libgcc_s_seh-1.dll},
 * {@code libwinpthread-1.dll}) for test binaries run under wine: wine does not search the cross toolchain's
 * folders, so a test binary that links a C++ library would exit 53 before its first test (PLATFORM-NOTES: what a
 * binary needs to start). Debian keeps them in {@code /usr/lib/gcc/<tuple>/<version>-posix/} and
 * {@code /usr/<tuple>/lib/}. Packages still bundle them explicitly; this is for tests only.
 */
final class WinePath {

    private WinePath() {
    }

    /** Whether the target's tests run under wine. */
    static boolean runsUnderWine(TargetSpec target) {
        return target.runnerCommand().map(r -> r.equals("wine") || r.startsWith("wine ")).orElse(false);
    }

    /** The value of {@code WINEPATH} for a Windows GNU target run by wine, unless the environment sets one. */
    static Optional<String> forTests(TargetSpec target, Map<String, String> env) {
        if (!runsUnderWine(target) || target.triple().isMsvc() || env.containsKey("WINEPATH")) {
            return Optional.empty();
        }
        String tuple = target.triple().archFamily().equals("x86") ? "i686-w64-mingw32" : "x86_64-w64-mingw32";
        List<String> dirs = new ArrayList<>();
        Path gcc = Path.of("/usr/lib/gcc", tuple);
        if (Files.isDirectory(gcc)) {
            try (Stream<Path> versions = Files.list(gcc)) {
                versions.filter(Files::isDirectory).sorted().filter(v -> v.getFileName().toString().endsWith("-posix"))
                        .map(Path::toString).forEach(dirs::add);
            } catch (IOException unreadable) {
                // no runtime folder to offer; a test that needs one fails to start and says so
            }
        }
        Path lib = Path.of("/usr", tuple, "lib");
        if (Files.isDirectory(lib)) {
            dirs.add(lib.toString());
        }
        return dirs.isEmpty() ? Optional.empty() : Optional.of(String.join(";", dirs));
    }
}
