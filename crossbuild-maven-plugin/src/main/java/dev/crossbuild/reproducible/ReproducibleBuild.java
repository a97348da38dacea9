package dev.crossbuild.reproducible;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.ShellQuoting;
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
     * The variables of the target's cargo: {@code SOURCE_DATE_EPOCH}, and the C and C++ flags of the cc crate
     * for this target only ({@code CFLAGS_<triple>}). The rustflags travel as a TOML array instead
     * ({@link #rustflags}), because cargo splits {@code CARGO_TARGET_<T>_RUSTFLAGS} at every space.
     * The cc crate splits {@code CFLAGS_<triple>} at every space too and knows no quoting (cc 1.0.x), so a
     * remap of a directory whose path holds whitespace is left out of it rather than breaking every compile:
     * see {@link #unmappedForCcCrate()}.
     */
    public Map<String, String> cargoVariables(TargetSpec target) {
        Map<String, String> vars = new LinkedHashMap<>(timeVariables());
        if (enabled) {
            String compile = String.join(" ", compilerFlags(target.triple(), false));
            vars.put("CFLAGS_" + target.triple().ccEnvKey(), compile);
            vars.put("CXXFLAGS_" + target.triple().ccEnvKey(), compile);
        }
        return vars;
    }

    /** The remapped directories whose path holds whitespace: the cc crate cannot be told about them. */
    public List<String> unmappedForCcCrate() {
        return remaps.keySet().stream().filter(ReproducibleBuild::hasWhitespace).toList();
    }

    /** The C and C++ compiler flags: {@code -ffile-prefix-map} for gcc/clang, {@code /pathmap:} and /Brepro for cl. */
    public List<String> compilerFlags(TargetTriple triple) {
        return compilerFlags(triple, true);
    }

    /** @param withSpaces whether remaps of paths that hold whitespace are included */
    private List<String> compilerFlags(TargetTriple triple, boolean withSpaces) {
        List<String> flags = new ArrayList<>();
        if (!enabled) {
            return flags;
        }
        String option = triple.isMsvc() ? "/pathmap:" : "-ffile-prefix-map=";
        remaps.forEach((from, to) -> {
            if (withSpaces || !hasWhitespace(from)) {
                flags.add(option + from + "=" + to);
            }
        });
        if (triple.isMsvc()) {
            flags.add("/Brepro");
        }
        return flags;
    }

    /** The linker flags of native builds. */
    public List<String> linkerFlags(TargetTriple triple) {
        return enabled ? linkerFlag(triple).map(List::of).orElse(List.of()) : List.of();
    }

    /**
     * The variables of a native build, appended to what the environment already has: {@code CFLAGS},
     * {@code CXXFLAGS} and {@code LDFLAGS} (make passes them to its recipes' shell, cmake writes them into
     * the command lines its generator runs through a shell), or cl's and link's own {@code CL} and
     * {@code LINK} for MSVC. Each flag is quoted as that reader splits words, so a path with a space stays one
     * argument. A tool that takes its flags from a machine file instead (meson) gets only the time.
     *
     * @param flagsInMachineFile the tool reads the flags from its cross or native file
     */
    public Map<String, String> nativeVariables(TargetTriple triple, Map<String, String> env,
            boolean flagsInMachineFile) {
        Map<String, String> vars = new LinkedHashMap<>(timeVariables());
        if (!enabled) {
            return vars;
        }
        // macOS ar and libtool write member times unless told not to (GNU ar is deterministic by default)
        vars.put("ZERO_AR_DATE", "1");
        if (flagsInMachineFile) {
            return vars;
        }
        if (triple.isMsvc()) {
            String compile = compilerFlags(triple).stream().map(ReproducibleBuild::quoteForCl)
                    .collect(java.util.stream.Collectors.joining(" "));
            vars.put("CL", append(env.get("CL"), compile));
            vars.put("LINK", append(env.get("LINK"), "/Brepro"));
            return vars;
        }
        String compile = ShellQuoting.join(compilerFlags(triple));
        vars.put("CFLAGS", append(env.get("CFLAGS"), compile));
        vars.put("CXXFLAGS", append(env.get("CXXFLAGS"), compile));
        List<String> link = linkerFlags(triple);
        if (!link.isEmpty()) {
            vars.put("LDFLAGS", append(env.get("LDFLAGS"), ShellQuoting.join(link)));
        }
        return vars;
    }

    /** cl reads {@code CL} as a command line: a word with a space goes in double quotes. */
    static String quoteForCl(String word) {
        return hasWhitespace(word) ? "\"" + word.replace("\"", "\\\"") + "\"" : word;
    }

    private static boolean hasWhitespace(String text) {
        return text.chars().anyMatch(Character::isWhitespace);
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
