package dev.crossbuild.tools;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A compile cache for every target ({@code -Dcrossbuild.compilerCache}): {@code sccache} caches rustc and the
 * native builds' C and C++ compiles, {@code ccache} the native ones only. The cache's own {@code SCCACHE_*} and
 * {@code CCACHE_*} variables pass through, so one pom uses a local folder on a laptop and a shared store in CI.
 */
public enum CompilerCache {
    NONE, SCCACHE, CCACHE;

    /** The value of the parameter; empty for one that is none of these. */
    public static Optional<CompilerCache> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(NONE);
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** The program that runs in front of each compiler, or empty for none. */
    public Optional<String> launcher() {
        return this == NONE ? Optional.empty() : Optional.of(name().toLowerCase(Locale.ROOT));
    }

    /** What cargo gets: sccache wraps rustc, and incremental builds are off (sccache cannot cache them). */
    public Map<String, String> cargoVariables() {
        return this == SCCACHE ? Map.of("RUSTC_WRAPPER", "sccache", "CARGO_INCREMENTAL", "0") : Map.of();
    }

}
