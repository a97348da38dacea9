package dev.crossbuild.toolchain;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.TextTable;
import dev.crossbuild.core.Version;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeBuilder;
import dev.crossbuild.nativebuild.NativeTool;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessRunner.CapturedOutput;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.toolchain.ToolchainReport.TargetCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks, for every selected target, everything a build needs before any compiling starts, and
 * reports all problems of all targets at once, each with its fix.
 */
public final class ToolchainValidator {

    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);
    private static final String RUSTUP_PAGE = "https://rustup.rs";

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final BuildLog log;
    private final Path projectDirectory;

    public ToolchainValidator(ProcessRunner runner, TargetEnvironments environments, BuildLog log,
            Path projectDirectory) {
        this.runner = runner;
        this.environments = environments;
        this.log = log;
        this.projectDirectory = projectDirectory;
    }

    public ToolchainReport validate(List<TargetSpec> targets, Path manifest, boolean installTargets)
            throws CrossbuildException {
        return validate(targets, manifest, installTargets, List.of());
    }

    /** Also checks the tools of the native builds that apply to each target, in the target's environment. */
    public ToolchainReport validate(List<TargetSpec> targets, Path manifest, boolean installTargets,
            List<NativeBuildSpec> nativeBuilds) throws CrossbuildException {
        List<TargetCheck> checks = new ArrayList<>();
        Map<TargetSpec, Version> cargoVersions = new LinkedHashMap<>();
        for (TargetSpec target : targets) {
            Map<String, String> env;
            try {
                // runs the target's <vcvars> script: every check below sees the environment the build will see
                env = environments.baseEnvironment(target);
            } catch (ProjectException scriptFailed) {
                checks.add(new TargetCheck(target.id(), target.triple().value(), target.toolchain(), null, null, null,
                        false, Map.of(), List.of(scriptFailed.getMessage()), List.of()));
                continue;
            }
            TargetCheck check = checkTarget(target, env, installTargets, cargoVersions);
            checkNativeBuilds(target, env, nativeBuilds, check.tools(), check.problems());
            checks.add(check);
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!Files.isRegularFile(manifest)) {
            problems.add("<manifestPath> " + manifest + " does not exist; put the crate's Cargo.toml there or point"
                    + " <manifestPath> (-Dcrossbuild.manifestPath) at it");
        }
        checkLockFile(manifest, cargoVersions, problems, warnings);
        ToolchainReport report = new ToolchainReport(checks, problems, warnings);
        logTable(report);
        return report;
    }

    private TargetCheck checkTarget(TargetSpec target, Map<String, String> env, boolean installTargets,
            Map<TargetSpec, Version> cargoVersions) throws MachineException {
        String who = "target `" + target.id() + "`";
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> tools = new LinkedHashMap<>();
        String cargoVersion = null;
        String rustcVersion = null;
        String sysroot = null;
        boolean std = false;

        boolean toolchainOk = true;
        if (target.toolchain() != null) {
            toolchainOk = checkRustupToolchain(target, env, who, problems);
        }
        if (toolchainOk) {
            Optional<CapturedOutput> cargo = query(RustCommands.cargo(target, "--version"), env);
            if (cargo.isEmpty()) {
                problems.add(who + ": cargo was not found on PATH; install Rust from " + RUSTUP_PAGE
                        + " (or put cargo on PATH)");
            } else if (!cargo.get().result().succeeded()) {
                problems.add(who + ": `" + cargo.get().result().spec().commandLine() + "` failed: "
                        + firstLine(cargo.get().stderr()));
            } else {
                cargoVersion = cargo.get().stdout().trim();
                Version.find(cargoVersion).ifPresent(v -> cargoVersions.put(target, v));
            }
            Optional<CapturedOutput> rustc = query(RustCommands.rustc(target, "--version"), env);
            if (rustc.isEmpty() || !rustc.get().result().succeeded()) {
                if (cargoVersion != null) {
                    problems.add(who + ": rustc was not found or does not run beside cargo; install Rust from "
                            + RUSTUP_PAGE);
                }
            } else {
                rustcVersion = rustc.get().stdout().trim();
                std = checkTriple(target, env, who, rustcVersion, problems);
                if (std) {
                    sysroot = query(RustCommands.rustc(target, "--print", "sysroot"), env)
                            .map(o -> o.stdout().trim()).orElse(null);
                    std = sysroot != null && checkStandardLibrary(target, env, who, Path.of(sysroot),
                            installTargets, problems);
                }
            }
        }
        checkTool(who, "linker", target.linker(), env, tools, problems);
        checkTool(who, "cc", target.cc(), env, tools, problems);
        checkTool(who, "cxx", target.cxx(), env, tools, problems);
        checkTool(who, "ar", target.ar(), env, tools, problems);
        checkTool(who, "runner", target.runner(), env, tools, problems);
        checkVcvars(target, who, problems);
        if (target.rustflags() != null && (env.containsKey("RUSTFLAGS") || env.containsKey("CARGO_ENCODED_RUSTFLAGS"))) {
            warnings.add(who + ": RUSTFLAGS is set in the environment and takes precedence over <rustflags>, which"
                    + " cargo will ignore; unset RUSTFLAGS");
        }
        return new TargetCheck(target.id(), target.triple().value(), target.toolchain(), cargoVersion, rustcVersion,
                sysroot, std, tools, problems, warnings);
    }

    private void checkNativeBuilds(TargetSpec target, Map<String, String> env, List<NativeBuildSpec> builds,
            Map<String, String> tools, List<String> problems) {
        String who = "target `" + target.id() + "`";
        boolean needsCompiler = false;
        for (NativeBuildSpec build : builds) {
            if (!build.appliesTo(target)) {
                continue;
            }
            needsCompiler |= build.tool() != NativeTool.COMMAND;
            for (String program : build.tool().programs()) {
                if (tools.containsKey(program)) {
                    continue;
                }
                Optional<Path> found = Executables.find(program, env);
                tools.put(program, found.map(Path::toString).orElse("missing"));
                if (found.isEmpty()) {
                    problems.add(who + ": " + build.describe() + " needs `" + program + "`, which is not on PATH; "
                            + KnownTools.installHint(program).replace("set the element", "change <tool>"));
                }
            }
        }
        if (!needsCompiler || target.cc() != null) {
            return; // a configured <cc> was checked with the other tools
        }
        String cc = NativeBuilder.tools(target, env).cc();
        if (cc == null && target.triple().equals(HostPlatform.current())) {
            String inherited = Executables.lookup(env, "CC", false);
            cc = inherited != null && !inherited.isBlank() ? inherited : "cc";
        }
        if (cc == null) {
            problems.add(who + " has native builds but no C compiler for " + target.triple() + "; set <cc> (e.g. "
                    + "<cc>aarch64-linux-gnu-gcc</cc>) or a <vcvars> script that exports CC");
            return;
        }
        String program = cc.trim().split("\\s+")[0];
        Optional<Path> found = Executables.find(program, env);
        tools.put("cc", found.map(Path::toString).orElse("missing"));
        if (found.isEmpty()) {
            problems.add(who + ": the C compiler `" + program + "` of its native builds is not on PATH; "
                    + (program.equals("cc") ? "install one (Debian/Ubuntu: `apt-get install build-essential`) or set"
                            + " <cc>" : program.equals("cl") ? "run the build inside Visual Studio's environment:"
                            + " set <vcvars>auto</vcvars> (or a vcvars script) on the target" : KnownTools.installHint(
                            program)));
        }
    }

    private boolean checkRustupToolchain(TargetSpec target, Map<String, String> env, String who,
            List<String> problems) throws MachineException {
        String toolchain = target.toolchain();
        Optional<CapturedOutput> list = query(List.of("rustup", "toolchain", "list"), env);
        if (list.isEmpty()) {
            problems.add(who + ": <toolchain>" + toolchain + "</toolchain> needs rustup, which is not on PATH;"
                    + " install rustup from " + RUSTUP_PAGE + " or remove <toolchain>");
            return false;
        }
        boolean installed = list.get().stdout().lines()
                .map(line -> line.trim().split("\\s+")[0])
                .anyMatch(name -> name.equals(toolchain) || name.startsWith(toolchain + "-"));
        if (!installed) {
            problems.add(who + ": rustup toolchain `" + toolchain + "` (<toolchain>) is not installed; run `rustup"
                    + " toolchain install " + toolchain + "` (or `rustup toolchain link " + toolchain
                    + " <dir>` for a toolchain installed elsewhere)");
            return false;
        }
        return true;
    }

    private boolean checkTriple(TargetSpec target, Map<String, String> env, String who, String rustcVersion,
            List<String> problems) throws MachineException {
        Optional<CapturedOutput> list = query(RustCommands.rustc(target, "--print", "target-list"), env);
        if (list.isEmpty() || !list.get().result().succeeded()) {
            problems.add(who + ": `rustc --print target-list` failed; check the Rust installation");
            return false;
        }
        Set<String> known = new TreeSet<>(Arrays.asList(list.get().stdout().trim().split("\\s+")));
        String triple = target.triple().value();
        if (known.contains(triple)) {
            return true;
        }
        String hint = Suggestions.nearest(triple, known).map(s -> "; did you mean `" + s + "`?").orElse(
                "; see `rustc --print target-list`");
        problems.add(who + ": <triple>" + triple + "</triple> is not a target " + rustcVersion + " knows" + hint);
        return false;
    }

    private boolean checkStandardLibrary(TargetSpec target, Map<String, String> env, String who, Path sysroot,
            boolean installTargets, List<String> problems) throws MachineException {
        String triple = target.triple().value();
        Path lib = sysroot.resolve("lib").resolve("rustlib").resolve(triple).resolve("lib");
        if (Files.isDirectory(lib)) {
            return true;
        }
        boolean rustupManaged = sysroot.getParent() != null && sysroot.getParent().getFileName() != null
                && sysroot.getParent().getFileName().toString().equals("toolchains");
        String toolchainArg = target.toolchain() == null ? "" : " --toolchain " + target.toolchain();
        if (rustupManaged && installTargets) {
            log.info("[" + target.id() + "] installing the standard library: rustup target add " + triple
                    + toolchainArg);
            List<String> command = new ArrayList<>(List.of("rustup", "target", "add", triple));
            if (target.toolchain() != null) {
                command.addAll(List.of("--toolchain", target.toolchain()));
            }
            var result = runner.run(ProcessSpec.of(command, projectDirectory, env),
                    line -> log.info("[" + target.id() + "] " + line), line -> log.info("[" + target.id() + "] " + line));
            if (result.succeeded() && Files.isDirectory(lib)) {
                return true;
            }
            problems.add(who + ": `rustup target add " + triple + toolchainArg + "` failed:\n" + result.describe());
            return false;
        }
        String fix = rustupManaged
                ? "run `rustup target add " + triple + toolchainArg + "` (or build with -Dcrossbuild.installTargets=true)"
                : "this toolchain is not managed by rustup (sysroot " + sysroot + "); install the standard library"
                        + " for " + triple + " from the same source, e.g. Debian's package "
                        + KnownTools.debianStdPackage(target.triple());
        problems.add(who + ": the Rust standard library for " + triple + " is not installed"
                + (target.toolchain() == null ? "" : " in toolchain `" + target.toolchain() + "`") + "; " + fix);
        return false;
    }

    private void checkTool(String who, String element, String configured, Map<String, String> env,
            Map<String, String> tools, List<String> problems) {
        if (configured == null || configured.isBlank()) {
            return;
        }
        String program = configured.trim().split("\\s+")[0];
        Optional<Path> found = Executables.find(program, env);
        if (found.isPresent()) {
            tools.put(element, found.get().toString());
        } else {
            tools.put(element, "missing");
            problems.add(who + ": <" + element + ">" + configured + "</" + element + ">: `" + program
                    + "` is not on PATH; " + KnownTools.installHint(program));
        }
    }

    private void checkVcvars(TargetSpec target, String who, List<String> problems) {
        String vcvars = target.vcvars();
        if (vcvars == null || vcvars.isBlank() || vcvars.equals("auto")
                || !(vcvars.contains("/") || vcvars.contains("\\"))) {
            return;
        }
        Path script = projectDirectory.resolve(vcvars);
        if (!Files.isRegularFile(script)) {
            problems.add(who + ": <vcvars>" + vcvars + "</vcvars> does not exist (looked at " + script
                    + "); fix the path, give a bare Visual Studio script name, or use `auto`");
        }
    }

    private void checkLockFile(Path manifest, Map<TargetSpec, Version> cargoVersions, List<String> problems,
            List<String> warnings) throws MachineException {
        if (cargoVersions.isEmpty()) {
            return;
        }
        Version oldest = cargoVersions.values().stream().min(Version::compareTo).orElseThrow();
        boolean mixed = cargoVersions.values().stream().distinct().count() > 1;
        Optional<CargoLock> lock;
        try {
            lock = CargoLock.find(manifest);
        } catch (IOException e) {
            throw new MachineException("could not read the Cargo.lock of " + manifest + ": " + e.getMessage(), e);
        }
        List<TargetSpec> oldTargetSpecs = cargoVersions.entrySet().stream()
                .filter(e -> e.getValue().equals(oldest)).map(Map.Entry::getKey).toList();
        List<String> oldTargets = oldTargetSpecs.stream().map(TargetSpec::id).toList();
        String oldToolchain = oldTargetSpecs.get(0).toolchain();
        if (lock.isEmpty()) {
            if (mixed) {
                warnings.add("there is no Cargo.lock and the targets use cargo " + oldest + " to "
                        + cargoVersions.values().stream().max(Version::compareTo).orElseThrow()
                        + "; the first cargo to run writes it, maybe in a format the older ones cannot read. Create"
                        + " it with the oldest: `cargo " + (oldToolchain == null ? "" : "+" + oldToolchain + " ")
                        + "generate-lockfile`");
            }
            return;
        }
        if (oldest.isOlderThan(lock.get().oldestReader())) {
            problems.add(lock.get().file() + " has lock file format `version = " + lock.get().version()
                    + "`, which cargo " + oldest + " of target(s) " + String.join(", ", oldTargets)
                    + " cannot read (it needs cargo " + lock.get().oldestReader() + " or newer); rewrite it with the"
                    + " oldest cargo: `cargo " + (oldToolchain == null ? "" : "+" + oldToolchain + " ")
                    + "generate-lockfile`, or change that line to `version = 3`");
        }
    }

    private Optional<CapturedOutput> query(List<String> command, Map<String, String> env) throws MachineException {
        try {
            return Optional.of(runner.capture(ProcessSpec.of(command, projectDirectory, env)
                    .withTimeout(QUERY_TIMEOUT)));
        } catch (ToolNotFoundException missing) {
            return Optional.empty();
        }
    }

    private void logTable(ToolchainReport report) {
        TextTable table = new TextTable("target", "triple", "toolchain", "cargo", "rustc", "std", "tools", "result");
        for (TargetCheck t : report.targets()) {
            table.row(t.id(), t.triple(), t.toolchain() == null ? "(default)" : t.toolchain(),
                    Version.find(t.cargoVersion()).map(Version::toString).orElse("-"),
                    Version.find(t.rustcVersion()).map(Version::toString).orElse("-"),
                    t.standardLibrary() ? "ok" : "missing",
                    t.tools().isEmpty() ? "-" : String.join(",", t.tools().entrySet().stream()
                            .map(e -> e.getKey() + (e.getValue().equals("missing") ? " missing" : " ok")).toList()),
                    t.ok() ? "OK" : "FAILED");
        }
        table.lines().forEach(log::info);
        report.targets().forEach(t -> t.warnings().forEach(log::warn));
        report.warnings().forEach(log::warn);
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)");
    }
}
