package dev.crossbuild.toolchain;

import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessRunner.CapturedOutput;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks rustup, cargo and rustc what a target's toolchain is: one {@link ToolchainFacts} per toolchain and
 * environment, queried once for the life of the probe, however many targets share it.
 */
public final class ToolchainProbe {

    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);

    private final ProcessRunner runner;
    private final Path directory;
    private final ToolchainFactsCache cache;
    private final Map<String, ToolchainFacts> known = new ConcurrentHashMap<>();

    public ToolchainProbe(ProcessRunner runner, Path directory) {
        this(runner, directory, null);
    }

    /** @param cacheDirectory where facts are kept between builds, or null to ask every time */
    public ToolchainProbe(ProcessRunner runner, Path directory, Path cacheDirectory) {
        this.runner = runner;
        this.directory = directory;
        this.cache = cacheDirectory == null ? null : new ToolchainFactsCache(cacheDirectory);
    }

    /**
     * What the answers of rustup, cargo and rustc depend on in an environment, as a short hex text: it changes with
     * the resolved programs, rustup's settings and its toolchains (a {@code rustup update}).
     */
    public static String toolchainStamp(TargetSpec target, Map<String, String> env) {
        return ToolchainFactsCache.key(target, env);
    }

    public ToolchainFacts probe(TargetSpec target, Map<String, String> env) throws MachineException {
        return probe(target, env, null);
    }

    /** The facts, from this probe's memory, the disk cache (saying so on {@code reused}) or the tools. */
    public ToolchainFacts probe(TargetSpec target, Map<String, String> env, Runnable reused) throws MachineException {
        String key = ToolchainFactsCache.key(target, env);
        ToolchainFacts facts = known.get(key);
        if (facts != null) {
            return facts;
        }
        Optional<ToolchainFacts> cached = cache == null ? Optional.empty() : cache.read(key);
        if (cached.isPresent() && cached.get().cargoVersion() != null && cached.get().rustcVersion() != null) {
            facts = cached.get();
            if (reused != null) {
                reused.run();
            }
        } else {
            facts = query(target, env);
            if (cache != null && facts.cargoVersion() != null && facts.rustcVersion() != null) {
                cache.write(key, facts);
            }
        }
        known.putIfAbsent(key, facts);
        return known.get(key);
    }

    private ToolchainFacts query(TargetSpec target, Map<String, String> env) throws MachineException {
        List<String> rustupToolchains = null;
        if (target.toolchain() != null) {
            Optional<CapturedOutput> list = run(List.of("rustup", "toolchain", "list"), env);
            if (list.isPresent()) {
                rustupToolchains = list.get().stdout().lines().map(String::trim).filter(l -> !l.isEmpty())
                        .map(l -> l.split("\\s+")[0]).toList();
                if (rustupToolchains.stream().noneMatch(name -> ToolchainChecks.sameToolchain(name,
                        target.toolchain()))) {
                    return new ToolchainFacts(target.toolchain(), rustupToolchains, null, null, null, null, null);
                }
            } else {
                return new ToolchainFacts(target.toolchain(), null, null, null, null, null, null);
            }
        }
        String cargoVersion = null;
        String cargoError = null;
        Optional<CapturedOutput> cargo = run(RustCommands.cargo(target, "--version"), env);
        if (cargo.isPresent() && cargo.get().result().succeeded()) {
            cargoVersion = cargo.get().stdout().trim();
        } else if (cargo.isPresent()) {
            cargoError = "`" + cargo.get().result().spec().commandLine() + "` failed: " + firstLine(
                    cargo.get().stderr());
        }
        Optional<CapturedOutput> rustc = run(RustCommands.rustc(target, "--version"), env);
        String rustcVersion = rustc.filter(r -> r.result().succeeded()).map(r -> r.stdout().trim()).orElse(null);
        String sysroot = null;
        Set<String> targetList = null;
        if (rustcVersion != null) {
            Optional<CapturedOutput> list = run(RustCommands.rustc(target, "--print", "target-list"), env);
            if (list.isPresent() && list.get().result().succeeded()) {
                targetList = new TreeSet<>(Arrays.asList(list.get().stdout().trim().split("\\s+")));
            }
            sysroot = run(RustCommands.rustc(target, "--print", "sysroot"), env)
                    .filter(r -> r.result().succeeded()).map(o -> o.stdout().trim()).orElse(null);
        }
        return new ToolchainFacts(target.toolchain(), rustupToolchains, cargoVersion, cargoError, rustcVersion,
                sysroot, targetList);
    }

    private Optional<CapturedOutput> run(List<String> command, Map<String, String> env) throws MachineException {
        try {
            return Optional.of(runner.capture(ProcessSpec.of(command, directory, env).withTimeout(QUERY_TIMEOUT)));
        } catch (ToolNotFoundException missing) {
            return Optional.empty();
        }
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().orElse("(no output)");
    }
}
