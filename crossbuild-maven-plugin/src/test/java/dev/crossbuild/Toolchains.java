package dev.crossbuild;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The unit tests' side of the strict mode: a test that needs a real tool is skipped where the tool
 * is missing, except under {@code -Dcrossbuild.it.strict=true} (CI), where a missing tool fails it.
 */
public final class Toolchains {

    private Toolchains() {
    }

    /** Whether the tests run on Linux, where gcc makes ELF files and /proc lists processes. */
    public static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");
    }

    /** Whether a program of that name is on the PATH, as the plugin would find it. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static volatile java.util.List<String> rustupToolchains;

    /** Whether rustup knows a toolchain of that name ({@code rustup toolchain list}), e.g. the linked {@code debian}. */
    public static boolean rustupToolchain(String name) {
        java.util.List<String> known = rustupToolchains;
        if (known == null) {
            known = java.util.List.of();
            try {
                Process list = new ProcessBuilder("rustup", "toolchain", "list").redirectErrorStream(true).start();
                String printed = new String(list.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (list.waitFor() == 0) {
                    known = printed.lines().map(l -> l.split("\\s+")[0]).toList();
                }
            } catch (java.io.IOException e) {
                // no rustup: no toolchain
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rustupToolchains = known;
        }
        return known.contains(name);
    }

    /** Skips (fails in strict mode) a test that builds with Debian's rustc, linked as the rustup toolchain debian. */
    public static void requireDebianToolchain() {
        require(rustupToolchain("debian"), "the rustup toolchain debian (Debian's rustc 1.63 and its cross standard"
                + " libraries: apt-get install rustc cargo libstd-rust-dev, then rustup toolchain link debian /usr)");
    }

    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (Boolean.getBoolean("crossbuild.it.strict")) {
            fail("strict mode: " + what + " (run .ci/run to install every toolchain)");
        }
        assumeTrue(false, what);
    }
}
