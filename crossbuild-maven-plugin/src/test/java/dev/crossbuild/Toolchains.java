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
