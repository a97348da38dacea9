package dev.crossbuild.binary;

import java.util.List;
import java.util.Map;

/**
 * What a binary needs from the machine to start, as its own headers say.
 *
 * @param format    the object format
 * @param libraries the libraries it loads: ELF {@code DT_NEEDED}, PE imports and delay imports, Mach-O
 *                  {@code LC_LOAD_DYLIB}/{@code LC_LOAD_WEAK_DYLIB} install names; for WebAssembly, the modules
 *                  it imports from ({@code wasi_snapshot_preview1})
 * @param searchPaths where its loader looks first: ELF {@code DT_RUNPATH}/{@code DT_RPATH} entries, Mach-O
 *                  {@code LC_RPATH}; empty for PE (Windows looks beside the exe)
 * @param versions  ELF: per library the symbol versions it needs ({@code libc.so.6 → [GLIBC_2.34]})
 * @param subsystem PE: {@code console}, {@code windows} (GUI) or another; null elsewhere
 * @param minimumOs Mach-O: the minimum OS version ({@code 11.0}); null elsewhere
 * @param gnuHashOnly ELF: its symbols are found through {@code DT_GNU_HASH} alone (no {@code DT_HASH}), so it
 *                  needs a loader that reads GNU hash tables (rpm's {@code rtld(GNU_HASH)})
 */
public record BinaryNeeds(ObjectFormat format, List<String> libraries, List<String> searchPaths,
        Map<String, List<String>> versions, String subsystem, String minimumOs, boolean gnuHashOnly) {

    public BinaryNeeds {
        libraries = List.copyOf(libraries);
        searchPaths = List.copyOf(searchPaths);
        versions = Map.copyOf(versions);
    }

    public BinaryNeeds(ObjectFormat format, List<String> libraries, List<String> searchPaths,
            Map<String, List<String>> versions, String subsystem, String minimumOs) {
        this(format, libraries, searchPaths, versions, subsystem, minimumOs, false);
    }

    /** The newest {@code GLIBC_x.y} any library is needed at, or null. */
    public String newestGlibc() {
        return versions.values().stream().flatMap(List::stream).filter(v -> v.startsWith("GLIBC_"))
                .map(v -> v.substring("GLIBC_".length())).filter(v -> v.matches("\\d+(\\.\\d+)*"))
                .max(BinaryNeeds::compareVersions).orElse(null);
    }

    /** Compares dotted version numbers: {@code 2.17 < 2.34}. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int order = compareNumbers(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Digit strings by value, with no parse: a version read from a damaged file may have any number of digits. */
    private static int compareNumbers(String a, String b) {
        String p = a.replaceFirst("^0+(?=.)", "");
        String q = b.replaceFirst("^0+(?=.)", "");
        return p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
    }
}
