package dev.crossbuild.repro;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes a target's binaries independent of the time and the place of the build (PLATFORM-NOTES:
 * reproducible binaries), as pure functions: {@code SOURCE_DATE_EPOCH}, path prefix maps for rustc and the
 * C compilers, and the linker flags that keep the link time out of PE files. Disabled, it adds nothing, so a
 * build is byte for byte what it is without it.
 *
 * @param enabled the project sets {@code project.build.outputTimestamp}, or {@code crossbuild.reproducible=true}
 * @param time    the build time every tool is told ({@code SOURCE_DATE_EPOCH})
 * @param remaps  directories to the stable names they are written as, most general first (the project, the
 *                cargo home, the plugin's own directory)
 */
public record ReproducibleBuild(boolean enabled, Instant time, Map<String, String> remaps) {

    /** What the project directory, the cargo home and the plugin's work directory are called in binaries. */
    public static final String PROJECT = "/crossbuild/project";
    public static final String CARGO_HOME = "/crossbuild/cargo-home";
    public static final String WORK = "/crossbuild/work";

    public static final ReproducibleBuild OFF = new ReproducibleBuild(false, Instant.EPOCH, Map.of());

    public ReproducibleBuild {
        remaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(remaps));
    }

    /**
     * @param cargoHome the cargo home (registry and git sources), or null when unknown
     * @param workDir   the plugin's work directory ({@code target/crossbuild})
     */
    public static ReproducibleBuild of(boolean enabled, Instant time, Path projectDirectory, Path cargoHome,
            Path workDir) {
        if (!enabled) {
            return OFF;
        }
        Map<String, String> remaps = new LinkedHashMap<>();
        remaps.put(projectDirectory.toAbsolutePath().normalize().toString(), PROJECT);
        if (cargoHome != null) {
            remaps.put(cargoHome.toAbsolutePath().normalize().toString(), CARGO_HOME);
        }
        // more specific than the project directory, so it comes later: the last matching map wins
        remaps.put(workDir.toAbsolutePath().normalize().toString(), WORK);
        return new ReproducibleBuild(true, time, remaps);
    }

    /** {@code SOURCE_DATE_EPOCH}, for every process of every target. */
    public Map<String, String> timeVariables() {
        return enabled ? Map.of("SOURCE_DATE_EPOCH", Long.toString(time.getEpochSecond())) : Map.of();
    }

    /** The flags appended to the target's rustflags: path remaps and, for PE targets, the link time left out. */
    public List<String> rustflags(TargetTriple triple) {
        List<String> flags = new ArrayList<>();
        if (!enabled) {
            return flags;
        }
        remaps.forEach((from, to) -> flags.add("--remap-path-prefix=" + from + "=" + to));
        linkerFlag(triple).ifPresent(flag -> {
            flags.add("-C");
            flags.add("link-arg=" + flag);
        });
        return flags;
    }

    /**
     * The variables of the target's cargo: {@code SOURCE_DATE_EPOCH} and {@code CARGO_TARGET_<T>_RUSTFLAGS}
     * with the target's own flags kept first and these appended.
     *
     * @param ownRustflags the target's {@code <rustflags>}, or null
     */
    public Map<String, String> cargoVariables(TargetSpec target, String ownRustflags) {
        Map<String, String> vars = new LinkedHashMap<>(timeVariables());
        List<String> flags = rustflags(target.triple());
        if (!flags.isEmpty()) {
            String own = ownRustflags == null || ownRustflags.isBlank() ? "" : ownRustflags.trim() + " ";
            vars.put("CARGO_TARGET_" + target.triple().cargoEnvKey() + "_RUSTFLAGS", own + String.join(" ", flags));
            // C and C++ compiled by build scripts through the cc crate, for this target only
            String compile = String.join(" ", compilerFlags(target.triple()));
            vars.put("CFLAGS_" + target.triple().ccEnvKey(), compile);
            vars.put("CXXFLAGS_" + target.triple().ccEnvKey(), compile);
        }
        return vars;
    }

    /** The C and C++ compiler flags: {@code -ffile-prefix-map} for gcc/clang, {@code /pathmap:} and /Brepro for cl. */
    public List<String> compilerFlags(TargetTriple triple) {
        List<String> flags = new ArrayList<>();
        if (!enabled) {
            return flags;
        }
        if (triple.isMsvc()) {
            remaps.forEach((from, to) -> flags.add("/pathmap:" + from + "=" + to));
            flags.add("/Brepro");
        } else {
            remaps.forEach((from, to) -> flags.add("-ffile-prefix-map=" + from + "=" + to));
        }
        return flags;
    }

    /** The linker flags of native builds. */
    public List<String> linkerFlags(TargetTriple triple) {
        return enabled ? linkerFlag(triple).map(List::of).orElse(List.of()) : List.of();
    }

    /**
     * The variables of a native build, appended to what the environment already has: {@code CFLAGS},
     * {@code CXXFLAGS} and {@code LDFLAGS} (make reads them, cmake initializes its flags from them, meson
     * reads them for the build machine), or cl's and link's own {@code CL} and {@code LINK} for MSVC.
     */
    public Map<String, String> nativeVariables(TargetTriple triple, Map<String, String> env) {
        Map<String, String> vars = new LinkedHashMap<>(timeVariables());
        if (!enabled) {
            return vars;
        }
        String compile = String.join(" ", compilerFlags(triple));
        if (triple.isMsvc()) {
            vars.put("CL", append(env.get("CL"), compile));
            vars.put("LINK", append(env.get("LINK"), "/Brepro"));
            return vars;
        }
        vars.put("CFLAGS", append(env.get("CFLAGS"), compile));
        vars.put("CXXFLAGS", append(env.get("CXXFLAGS"), compile));
        List<String> link = linkerFlags(triple);
        if (!link.isEmpty()) {
            vars.put("LDFLAGS", append(env.get("LDFLAGS"), String.join(" ", link)));
        }
        // macOS ar and libtool write member times unless told not to (GNU ar is deterministic by default)
        vars.put("ZERO_AR_DATE", "1");
        return vars;
    }

    private static java.util.Optional<String> linkerFlag(TargetTriple triple) {
        if (triple.isWindows() && !triple.isMsvc()) {
            return java.util.Optional.of("-Wl,--no-insert-timestamp");
        }
        if (triple.isMsvc()) {
            return java.util.Optional.of("/Brepro");
        }
        return java.util.Optional.empty();
    }

    private static String append(String existing, String flags) {
        return existing == null || existing.isBlank() ? flags : existing.trim() + " " + flags;
    }
}
