package dev.crossbuild.toolchain;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.tools.CompilerCache;
import dev.crossbuild.tools.KnownTools;
import dev.crossbuild.tools.TargetTools;
import dev.crossbuild.tools.ToolCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks of {@code validate-toolchain} as pure functions: facts in, problems out, each naming its target,
 * the pom element and the fix.
 */
public final class ToolchainChecks {

    static final String RUSTUP_PAGE = "https://rustup.rs";

    private ToolchainChecks() {
    }

    /** {@code stable} is {@code stable-x86_64-unknown-linux-gnu} in rustup's list. */
    static boolean sameToolchain(String listed, String wanted) {
        return listed.equals(wanted) || listed.startsWith(wanted + "-");
    }

    /** The rustup toolchain, cargo and rustc of a target; empty when all of them are there. */
    public static List<String> rust(TargetSpec target, ToolchainFacts facts) {
        String who = who(target);
        List<String> problems = new ArrayList<>();
        String toolchain = target.toolchain();
        if (toolchain != null) {
            if (facts.rustupToolchains() == null) {
                return List.of(who + ": <toolchain>" + toolchain + "</toolchain> needs rustup, which is not on PATH;"
                        + " install rustup from " + RUSTUP_PAGE + " or remove <toolchain>");
            }
            if (facts.rustupToolchains().stream().noneMatch(name -> sameToolchain(name, toolchain))) {
                return List.of(who + ": rustup toolchain `" + toolchain + "` (<toolchain>) is not installed; run"
                        + " `rustup toolchain install " + toolchain + "` (or `rustup toolchain link " + toolchain
                        + " <dir>` for a toolchain installed elsewhere)");
            }
        }
        if (facts.cargoError() != null) {
            problems.add(who + ": " + facts.cargoError());
        } else if (facts.cargoVersion() == null) {
            problems.add(who + ": cargo was not found on PATH; install Rust from " + RUSTUP_PAGE
                    + " (or put cargo on PATH)");
        }
        if (facts.rustcVersion() == null && facts.cargoVersion() != null) {
            problems.add(who + ": rustc was not found or does not run beside cargo; install Rust from " + RUSTUP_PAGE);
        }
        return problems;
    }

    /** Whether rustc knows the triple, with the nearest known one as a suggestion. */
    public static Optional<String> triple(TargetSpec target, ToolchainFacts facts) {
        if (facts.rustcVersion() == null) {
            return Optional.empty();
        }
        if (facts.targetList() == null) {
            return Optional.of(who(target) + ": `rustc --print target-list` failed; check the Rust installation");
        }
        String triple = target.triple().value();
        if (facts.targetList().contains(triple)) {
            return Optional.empty();
        }
        String hint = Suggestions.nearest(triple, facts.targetList()).map(s -> "; did you mean `" + s + "`?")
                .orElse("; see `rustc --print target-list`");
        return Optional.of(who(target) + ": <triple>" + triple + "</triple> is not a target " + facts.rustcVersion()
                + " knows" + hint);
    }

    /** Whether rustup could install the missing standard library ({@code rustup target add}). */
    public static boolean installable(ToolchainFacts facts) {
        return facts.rustupManaged();
    }

    /** The problem of a missing standard library, with the fix that fits how the toolchain was installed. */
    public static String missingStandardLibrary(TargetSpec target, ToolchainFacts facts) {
        String triple = target.triple().value();
        String toolchainArg = target.toolchain() == null ? "" : " --toolchain " + target.toolchain();
        String fix = facts.rustupManaged()
                ? "run `rustup target add " + triple + toolchainArg + "` (or build with -Dcrossbuild.installTargets=true)"
                : "this toolchain is not managed by rustup (sysroot " + facts.sysroot() + "); install the standard"
                        + " library for " + triple + " from the same source, e.g. Debian's package "
                        + KnownTools.debianStdPackage(target.triple());
        return who(target) + ": the Rust standard library for " + triple + " is not installed"
                + (target.toolchain() == null ? "" : " in toolchain `" + target.toolchain() + "`") + "; " + fix;
    }

    /** A {@code <buildStd>} target whose toolchain has no library sources to build the standard library from. */
    public static String missingLibrarySources(TargetSpec target, ToolchainFacts facts) {
        String toolchain = target.toolchain() == null ? "" : " --toolchain " + target.toolchain();
        return who(target) + ": <buildStd>true</buildStd> builds the standard library from the toolchain's sources,"
                + " which are not in " + (facts.sysroot() == null ? "its sysroot" : Path.of(facts.sysroot())
                        .resolve(ToolchainFacts.LIBRARY_SOURCES) + " (no Cargo.lock)") + "; install them (`rustup"
                + " component add rust-src" + toolchain + "`) or name in"
                + " <toolchain> a toolchain whose sources are installed (a nightly one with rust-src, or Debian's"
                + " rustc-web with rust-web-src)";
    }

    /**
     * A WebAssembly target without {@code <linker>} links with {@code rust-lld}: rustup's toolchains carry it in
     * their sysroot ({@code lib/rustlib/<host>/bin}), Debian's rustc takes it from PATH, where the {@code lld}
     * package puts it (without that package, {@code /usr/bin/rust-lld} is a dangling link).
     */
    public static Optional<String> wasmLinker(TargetSpec target, String sysroot, Function<String, Optional<Path>> find) {
        if (!target.triple().isWasm() || target.linker() != null) {
            return Optional.empty();
        }
        if (sysroot != null) {
            Path rustlib = Path.of(sysroot, "lib", "rustlib");
            try (var hosts = Files.list(rustlib)) {
                if (hosts.anyMatch(h -> Files.isExecutable(h.resolve("bin").resolve("rust-lld")))) {
                    return Optional.empty();
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // no rustlib folder to look in: PATH decides
            }
        }
        if (find.apply("rust-lld").isPresent()) {
            return Optional.empty();
        }
        return Optional.of(who(target) + ": rustc links WebAssembly with `rust-lld`, which is neither in the"
                + " toolchain's sysroot" + (sysroot == null ? "" : " (" + sysroot + ")") + " nor on PATH; install it"
                + " (Debian/Ubuntu: `apt-get install lld`; rustup toolchains carry their own) or set <linker> to a"
                + " wasm-ld");
    }

    /**
     * The target's configured tools ({@code <linker>}, {@code <cc>}, {@code <cxx>}, {@code <ar>},
     * {@code <runner>}), each looked up with {@code find}.
     *
     * @return element name to the resolved path or {@code missing}, and the problems
     */
    public static Result tools(TargetSpec target, Function<String, Optional<Path>> find) {
        Map<String, String> tools = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> configured = new LinkedHashMap<>();
        if (!target.zigLinker()) {
            configured.put("linker", target.linker()); // zig has its own check (ZigCheck)
        }
        configured.put("cc", target.cc());
        configured.put("cxx", target.cxx());
        configured.put("ar", target.ar());
        configured.put("runner", target.runnerProgram().orElse(null));
        configured.forEach((element, value) -> ToolCommand.parse(value).ifPresent(tool -> {
            Optional<Path> found = find.apply(tool.program());
            tools.put(element, found.map(Path::toString).orElse("missing"));
            if (found.isEmpty()) {
                problems.add(who(target) + ": <" + element + ">" + value + "</" + element + ">: `" + tool.program()
                        + "` is not on PATH; " + KnownTools.installHint(tool.program()));
            }
        }));
        return new Result(tools, problems);
    }

    /**
     * The programs of the native builds that apply to the target, and its C compiler when a build compiles
     * C (the resolved one: {@code <cc>}, the script's, MSVC's {@code cl}, the host's {@code cc}).
     */
    public static Result nativeBuilds(TargetSpec target, List<NativeBuildSpec> builds, TargetTools tools,
            Function<String, Optional<Path>> find) {
        String who = who(target);
        Map<String, String> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        boolean needsCompiler = false;
        for (NativeBuildSpec build : builds) {
            if (!build.appliesTo(target)) {
                continue;
            }
            needsCompiler |= !build.tool().driver().programIsFirstArgument();
            if (build.tool().driver().programIsFirstArgument()) {
                continue;
            }
            for (String program : build.tool().driver().programs(build.args())) {
                if (found.containsKey(program)) {
                    continue;
                }
                Optional<Path> path = find.apply(program);
                found.put(program, path.map(Path::toString).orElse("missing"));
                if (path.isEmpty()) {
                    problems.add(who + ": " + build.describe() + " needs `" + program + "`, which is not on PATH; "
                            + KnownTools.installHint(program).replace("set the element", "change <tool>"));
                }
            }
        }
        if (!needsCompiler || target.cc() != null) {
            return new Result(found, problems); // a configured <cc> is checked with the other tools
        }
        if (tools.cc().isEmpty()) {
            problems.add(who + " has native builds but no C compiler for " + target.triple() + "; set <cc> (e.g. "
                    + "<cc>aarch64-linux-gnu-gcc</cc>) or a <vcvars> script that exports CC");
            return new Result(found, problems);
        }
        String program = tools.cc().get().program();
        Optional<Path> cc = find.apply(program);
        found.put("cc", cc.map(Path::toString).orElse("missing"));
        if (cc.isEmpty()) {
            problems.add(who + ": the C compiler `" + program + "` of its native builds is not on PATH; "
                    + (program.equals("cc") ? "install one (Debian/Ubuntu: `apt-get install build-essential`) or set"
                            + " <cc>" : program.equals("cl") ? "run the build inside Visual Studio's environment:"
                            + " set <vcvars>auto</vcvars> (or a vcvars script) on the target"
                            : KnownTools.installHint(program)));
        }
        return new Result(found, problems);
    }

    /** A {@code <vcvars>} path that does not exist (bare script names and {@code auto} are looked up later). */
    public static Optional<String> vcvars(TargetSpec target, Path projectDirectory) {
        String vcvars = target.vcvars();
        if (vcvars == null || vcvars.isBlank() || vcvars.equals("auto")
                || !(vcvars.contains("/") || vcvars.contains("\\"))) {
            return Optional.empty();
        }
        Path script = projectDirectory.resolve(vcvars);
        if (Files.isRegularFile(script)) {
            return Optional.empty();
        }
        return Optional.of(who(target) + ": <vcvars>" + vcvars + "</vcvars> does not exist (looked at " + script
                + "); fix the path, give a bare Visual Studio script name, or use `auto`");
    }

    /** The compile cache's program must be on the target's PATH. */
    public static Optional<String> compilerCache(TargetSpec target, CompilerCache cache,
            Function<String, Optional<Path>> find) {
        return cache.launcher().filter(program -> find.apply(program).isEmpty()).map(program -> who(target)
                + ": -Dcrossbuild.compilerCache=" + program + " but `" + program + "` is not on PATH; install it"
                + " (Debian/Ubuntu: `apt-get install " + program + "`) or use -Dcrossbuild.compilerCache=none");
    }

    /** RUSTFLAGS in the environment wins over {@code <rustflags>}, silently: say so. */
    public static Optional<String> rustflagsWarning(TargetSpec target, Map<String, String> env) {
        if (target.rustflags() != null && (env.containsKey("RUSTFLAGS") || env.containsKey("CARGO_ENCODED_RUSTFLAGS"))) {
            return Optional.of(who(target) + ": RUSTFLAGS is set in the environment and takes precedence over"
                    + " <rustflags>, which cargo will ignore; unset RUSTFLAGS");
        }
        return Optional.empty();
    }

    /** Tools found (element or program to path) and the problems of one check. */
    public record Result(Map<String, String> tools, List<String> problems) {
    }

    private static String who(TargetSpec target) {
        return "target `" + target.id() + "`";
    }
}
