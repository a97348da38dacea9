package dev.crossbuild.model;

import java.util.List;
import java.util.Map;

/**
 * One configured target of the matrix, immutable. Optional strings are {@code null} when not set.
 *
 * @param id         unique id, also the artifact classifier
 * @param triple     the Rust target triple
 * @param toolchain  rustup toolchain name ({@code cargo +toolchain}), or null for the default one
 * @param rustflags  flags passed as {@code CARGO_TARGET_<TRIPLE>_RUSTFLAGS}
 * @param vcvars     environment-setup script: a path, a bare Visual Studio script name, or {@code auto}
 * @param properties free values used by placeholders in native build arguments
 * @param testArgs   arguments for every test binary of this target ({@code cargo test -- <args>})
 * @param allowedLibraries libraries the target's machines provide although they are not system libraries
 * @param glibc      the oldest glibc the binaries must run on ({@code 2.17}), or null for no limit
 * @param macosMin   the oldest macOS the binaries must run on ({@code 11.0}), or null for no limit
 * @param buildStd   build the standard library from the toolchain's library sources ({@code cargo -Zbuild-std})
 * @param platform   the platform key of the target's native JAR that the pom sets ({@code <platform>}) instead of the
 *                   triple's, or null
 */
public record TargetSpec(
        String id,
        TargetTriple triple,
        String toolchain,
        String rustflags,
        String linker,
        String cc,
        String cxx,
        String ar,
        String runner,
        Map<String, String> env,
        String vcvars,
        List<String> vcvarsArgs,
        Map<String, String> properties,
        List<String> testArgs,
        List<String> allowedLibraries,
        String glibc,
        String macosMin,
        boolean buildStd,
        String platform) {

    /** The {@code <linker>} value that makes the plugin's zig wrapper the target's linker and C compiler. */
    public static final String ZIG = "zig";

    public TargetSpec {
        allowedLibraries = allowedLibraries == null ? List.of() : List.copyOf(allowedLibraries);
        testArgs = testArgs == null ? List.of() : List.copyOf(testArgs);
        env = env == null ? Map.of() : Map.copyOf(env);
        vcvarsArgs = vcvarsArgs == null ? List.of() : List.copyOf(vcvarsArgs);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A target whose native JAR has its triple's platform key (no {@code <platform>}). */
    public TargetSpec(String id, TargetTriple triple, String toolchain, String rustflags, String linker, String cc,
            String cxx, String ar, String runner, Map<String, String> env, String vcvars, List<String> vcvarsArgs,
            Map<String, String> properties, List<String> testArgs, List<String> allowedLibraries, String glibc,
            String macosMin, boolean buildStd) {
        this(id, triple, toolchain, rustflags, linker, cc, cxx, ar, runner, env, vcvars, vcvarsArgs, properties,
                testArgs, allowedLibraries, glibc, macosMin, buildStd, null);
    }

    /** A target whose standard library is installed (no {@code <buildStd>}). */
    public TargetSpec(String id, TargetTriple triple, String toolchain, String rustflags, String linker, String cc,
            String cxx, String ar, String runner, Map<String, String> env, String vcvars, List<String> vcvarsArgs,
            Map<String, String> properties, List<String> testArgs, List<String> allowedLibraries, String glibc,
            String macosMin) {
        this(id, triple, toolchain, rustflags, linker, cc, cxx, ar, runner, env, vcvars, vcvarsArgs, properties,
                testArgs, allowedLibraries, glibc, macosMin, false);
    }

    /** Whether the pom says {@code <linker>zig</linker>}: zig links and compiles C for this target. */
    public boolean zigLinker() {
        return linker != null && linker.trim().equals(ZIG);
    }

    /** The same target with other C compiler, C++ compiler and archiver (the zig wrappers). */
    public TargetSpec withCompilers(String newCc, String newCxx, String newAr) {
        return new TargetSpec(id, triple, toolchain, rustflags, linker, newCc, newCxx, newAr, runner, env, vcvars,
                vcvarsArgs, properties, testArgs, allowedLibraries, glibc, macosMin, buildStd, platform);
    }

    /** A target without test arguments. */
    public TargetSpec(String id, TargetTriple triple, String toolchain, String rustflags, String linker, String cc,
            String cxx, String ar, String runner, Map<String, String> env, String vcvars, List<String> vcvarsArgs,
            Map<String, String> properties) {
        this(id, triple, toolchain, rustflags, linker, cc, cxx, ar, runner, env, vcvars, vcvarsArgs, properties,
                List.of(), List.of(), null, null);
    }

    /** The runner command line, or empty when there is none or it is {@code none} ("built, not run"). */
    public java.util.Optional<String> runnerCommand() {
        return runner == null || runner.isBlank() || runner.trim().equals(Runners.NONE) ? java.util.Optional.empty()
                : java.util.Optional.of(runner.trim());
    }

    /** Whether the tests run in the plugin's own WASI runtime ({@link Runners#WASI}), which is no program on PATH. */
    public boolean runsInBuiltInWasi() {
        return runnerCommand().filter(Runners::isBuiltInWasi).isPresent();
    }

    /** The runner as a program to find on PATH and check: none for the plugin's own WASI runtime. */
    public java.util.Optional<String> runnerProgram() {
        return runnerCommand().filter(r -> !Runners.isBuiltInWasi(r));
    }

    /** Whether the pom says {@code <runner>none</runner>}: built, never run. */
    public boolean runnerDisabled() {
        return runner != null && runner.trim().equals(Runners.NONE);
    }

    /** The same target with another runner. */
    public TargetSpec withRunner(String newRunner) {
        return new TargetSpec(id, triple, toolchain, rustflags, linker, cc, cxx, ar, newRunner, env, vcvars, vcvarsArgs,
                properties, testArgs, allowedLibraries, glibc, macosMin, buildStd, platform);
    }

    /** The target the plugin builds when no {@code <targets>} are configured. */
    public static TargetSpec host(TargetTriple hostTriple) {
        return new TargetSpec(hostTriple.value(), hostTriple, null, null, null, null, null, null, null,
                Map.of(), null, List.of(), Map.of());
    }
}
