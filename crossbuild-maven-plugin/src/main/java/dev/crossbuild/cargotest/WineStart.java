package dev.crossbuild.cargotest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a Windows test binary could not start under wine, from wine's own lines on stderr: a DLL it imports
 * that wine does not have ({@code err:module:import_dll Library X.dll (which is needed by L"...") not found},
 * exit 53), or a function wine's DLL lacks ({@code Unimplemented function X.dll.F called}). Rust 1.78 and
 * later import {@code ProcessPrng} from {@code bcryptprimitives.dll}, which wine provides only from 9.0 on
 * (PLATFORM-NOTES: what a binary needs to start).
 */
final class WineStart {

    private static final Pattern MISSING_DLL =
            Pattern.compile("import_dll Library (\\S+) \\(which is needed by L\"([^\"]*)\"\\) not found");
    private static final Pattern MISSING_FUNCTION =
            Pattern.compile("[Uu]nimplemented function ([A-Za-z0-9_.-]+\\.dll)\\.([A-Za-z0-9_@?$]+)");

    /** At most this many lines are kept while the tests run: wine says it in its first lines. */
    static final int KEPT = 20;

    private WineStart() {
    }

    /** What {@link #debugChannels} adds to a {@code WINEDEBUG} that may silence wine's loader errors. */
    static final String LOADER_ERRORS = "err+module";

    /**
     * The {@code WINEDEBUG} a wine test run gets, from the one in its environment: unchanged when there is none
     * (wine prints its errors then), else with {@link #LOADER_ERRORS} after it. A {@code WINEDEBUG=-all}, which CI
     * setups use to quiet wine's noise, also hides the {@code err:module:import_dll} line that names a missing DLL;
     * a later item wins in wine's list, so {@code -all,err+module} stays quiet but for those lines.
     */
    static Optional<String> debugChannels(String current) {
        if (current == null || current.isBlank() || current.endsWith("," + LOADER_ERRORS)
                || current.equals(LOADER_ERRORS)) {
            return Optional.empty();
        }
        return Optional.of(current + "," + LOADER_ERRORS);
    }

    /** Whether a line of stderr is one of wine's that {@link #explain} reads. */
    static boolean relevant(String line) {
        return line.contains("import_dll Library ") || line.contains("nimplemented function ");
    }

    /** What wine could not give the binary, as a sentence with the fix, or empty when its lines say nothing. */
    static Optional<String> explain(List<String> lines) {
        Set<String> dlls = new LinkedHashSet<>();
        Set<String> functions = new LinkedHashSet<>();
        String binary = null;
        for (String line : lines) {
            Matcher m = MISSING_DLL.matcher(line);
            if (m.find()) {
                dlls.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                String path = m.group(2).replace("\\\\", "\\");
                binary = path.substring(path.lastIndexOf('\\') + 1);
            }
            Matcher f = MISSING_FUNCTION.matcher(line);
            if (f.find()) {
                functions.add(f.group(1).toLowerCase(java.util.Locale.ROOT) + "!" + f.group(2));
            }
        }
        if (dlls.isEmpty() && functions.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!dlls.isEmpty()) {
            parts.add("wine has no " + String.join(", ", dlls) + (binary == null ? "" : " (imported by " + binary + ")"));
        }
        if (!functions.isEmpty()) {
            parts.add("wine's DLLs lack " + String.join(", ", functions));
        }
        boolean prng = dlls.contains("bcryptprimitives.dll") || functions.stream().anyMatch(x -> x.endsWith("!ProcessPrng"));
        String fix = prng
                ? "Rust 1.78 and later import ProcessPrng from bcryptprimitives.dll, which wine provides from 9.0 on:"
                        + " run the tests with wine 9 or newer, put a bcryptprimitives.dll that provides ProcessPrng"
                        + " in a folder named by WINEPATH, or set <runner>none</runner> on the target to build"
                        + " without running"
                : "install a wine that provides it, put the DLL in a folder named by WINEPATH, or set"
                        + " <runner>none</runner> on the target to build without running";
        return Optional.of("the test binary could not start under wine: " + String.join("; ", parts) + ". " + fix);
    }
}
