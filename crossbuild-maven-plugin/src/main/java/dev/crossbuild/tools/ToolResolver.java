package dev.crossbuild.tools;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The one place that decides which C compiler, C++ compiler, archiver, strip, linker and runner a target uses,
 * for cargo's variables, the environment capture, the native builds and the toolchain checks alike.
 *
 * <p>The order, first match wins: the target's own element ({@code <cc>}); what its environment script
 * exported for it ({@code CC_<triple>}, set from the script's {@code CC} by {@link #scriptVariables}); for MSVC
 * targets Visual Studio's {@code cl}/{@code lib}; for the host target the environment's {@code CC} or
 * {@code cc}. A gcc-style cross compiler ({@code aarch64-linux-gnu-gcc}) brings its {@code ar} and
 * {@code strip} when they exist beside it.
 */
public final class ToolResolver {

    private final TargetTriple host;
    private final BiPredicate<String, Map<String, String>> onPath;

    /**
     * @param host   the host triple
     * @param onPath whether a program is found on the PATH of an environment
     */
    public ToolResolver(TargetTriple host, BiPredicate<String, Map<String, String>> onPath) {
        this.host = host;
        this.onPath = onPath;
    }

    /** A resolver that looks programs up on the environment's PATH. */
    public static ToolResolver forHost(TargetTriple host) {
        return new ToolResolver(host, (program, env) -> Executables.find(program, env).isPresent());
    }

    public TargetTriple host() {
        return host;
    }

    public boolean isHost(TargetSpec target) {
        return target.triple().equals(host);
    }

    /** The target's tools in its base environment (inherited, {@code <env>} and script applied). */
    public TargetTools resolve(TargetSpec target, Map<String, String> env) {
        String key = target.triple().ccEnvKey();
        boolean msvc = target.triple().isMsvc();
        Optional<ToolCommand> cc = first(target.cc(), env.get("CC_" + key), msvc ? "cl" : null);
        Optional<ToolCommand> cxx = first(target.cxx(), env.get("CXX_" + key), msvc ? "cl" : null);
        Optional<String> prefix = cc.flatMap(c -> gccPrefix(c.program()));
        String prefixedAr = prefix.map(p -> p + "ar").filter(p -> onPath.test(p, env)).orElse(null);
        Optional<ToolCommand> ar = first(target.ar(), env.get("AR_" + key), msvc ? "lib" : null, prefixedAr);
        Optional<ToolCommand> strip = prefix.map(p -> p + "strip").filter(p -> onPath.test(p, env))
                .map(ToolCommand::of);
        // a zig target links with its zig wrapper, which is also its C compiler (ZigWrappers)
        Optional<ToolCommand> linker = first(target.zigLinker() ? target.cc() : target.linker(),
                env.get("CARGO_TARGET_" + target.triple().cargoEnvKey() + "_LINKER"));
        return new TargetTools(cc, cxx, ar, strip, linker, ToolCommand.parse(target.runnerProgram().orElse(null)));
    }

    /**
     * The same, with what the host target falls back to when nothing names a tool: the environment's
     * {@code CC}/{@code CXX}/{@code AR}, else {@code cc}, {@code c++}, {@code ar} (what make and the cc crate
     * use). Other targets have no fallback: a cross compiler must be named.
     */
    public TargetTools resolveWithDefaults(TargetSpec target, Map<String, String> env) {
        TargetTools tools = resolve(target, env);
        if (!isHost(target)) {
            return tools;
        }
        return new TargetTools(tools.cc().or(() -> first(env.get("CC"), "cc")),
                tools.cxx().or(() -> first(env.get("CXX"), "c++")), tools.ar().or(() -> first(env.get("AR"), "ar")),
                tools.strip(), tools.linker(), tools.runner());
    }

    /** The tools the pom names for the target itself, which cargo and the cc crate get as variables. */
    public static Map<String, String> configuredVariables(TargetSpec target) {
        TargetTriple triple = target.triple();
        String cargoKey = "CARGO_TARGET_" + triple.cargoEnvKey() + "_";
        String ccKey = triple.ccEnvKey();
        Map<String, String> vars = new LinkedHashMap<>();
        // cargo's linker setting is one program: a quoted path loses its quotes, a linker with flags needs
        // a wrapper script (or -C link-arg in <rustflags>)
        ToolCommand.parse(target.zigLinker() ? target.cc() : target.linker())
                .ifPresent(l -> vars.put(cargoKey + "LINKER", l.program()));
        // the plugin's own WASI runtime reaches cargo as --config target.<triple>.runner (see CargoTester)
        ToolCommand.parse(target.runnerProgram().orElse(null))
                .ifPresent(r -> vars.put(cargoKey + "RUNNER", String.join(" ", r.words())));
        ToolCommand.parse(target.cc()).ifPresent(c -> vars.put("CC_" + ccKey, c.commandLine()));
        ToolCommand.parse(target.cxx()).ifPresent(c -> vars.put("CXX_" + ccKey, c.commandLine()));
        ToolCommand.parse(target.ar()).ifPresent(c -> vars.put("AR_" + ccKey, c.commandLine()));
        return vars;
    }

    /**
     * SDK setup scripts export {@code CC}, {@code CXX} and {@code AR}; a target without its own element takes
     * them in the variables the cc crate reads ({@code CC_<triple>}), and a cross target without
     * {@code <linker>} links with that {@code CC}.
     */
    public Map<String, String> scriptVariables(TargetSpec target, Map<String, String> scriptValues) {
        String key = target.triple().ccEnvKey();
        Map<String, String> vars = new LinkedHashMap<>();
        Optional<ToolCommand> cc = ToolCommand.parse(scriptValues.get("CC"));
        if (cc.isPresent() && target.cc() == null) {
            vars.put("CC_" + key, cc.get().commandLine());
            if (target.linker() == null && !isHost(target)) {
                vars.put("CARGO_TARGET_" + target.triple().cargoEnvKey() + "_LINKER", cc.get().program());
            }
        }
        ToolCommand.parse(scriptValues.get("CXX")).filter(c -> target.cxx() == null)
                .ifPresent(c -> vars.put("CXX_" + key, c.commandLine()));
        ToolCommand.parse(scriptValues.get("AR")).filter(c -> target.ar() == null)
                .ifPresent(c -> vars.put("AR_" + key, c.commandLine()));
        return vars;
    }

    /** {@code aarch64-linux-gnu-} of {@code aarch64-linux-gnu-gcc}, with the program's directory. */
    public static Optional<String> gccPrefix(String program) {
        String name = ToolCommand.of(program).programName();
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || !name.substring(dash + 1).matches("gcc|cc|clang")) {
            return Optional.empty();
        }
        String dir = program.substring(0, program.length() - name.length());
        return Optional.of(dir + name.substring(0, dash + 1));
    }

    private static Optional<ToolCommand> first(String... candidates) {
        for (String candidate : candidates) {
            Optional<ToolCommand> parsed = ToolCommand.parse(candidate);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }
}
