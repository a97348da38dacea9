package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.LinuxPlatforms;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.tools.ToolCommand;
import dev.crossbuild.tools.ToolResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strips the binaries a Linux package holds with the target's own strip, as Debian's {@code dh_strip} does (the
 * archives keep them as built): a program loses its symbols and debug information ({@code --strip-all}), a shared
 * library what it does not need to be linked and loaded ({@code --strip-unneeded}), both the {@code .comment} and
 * {@code .note} sections. lintian counts an unstripped binary as an error ({@code unstripped-binary-or-object}).
 *
 * <p>The strip, first found on the target's PATH: the one beside the target's gcc-style {@code <cc>} or
 * {@code <linker>} ({@code aarch64-linux-gnu-gcc} → {@code aarch64-linux-gnu-strip}), the one of the triple's GNU
 * tuple (Debian's {@code binutils-aarch64-linux-gnu}), the host's {@code strip} for the host's own triple, then
 * {@code llvm-strip} (any architecture).
 */
public final class BinaryStrip {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> LLVM = List.of("llvm-strip", "llvm-strip-19", "llvm-strip-18", "llvm-strip-17",
            "llvm-strip-16", "llvm-strip-15", "llvm-strip-14");

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final ToolResolver resolver;

    public BinaryStrip(ProcessRunner runner, TargetEnvironments environments, ToolResolver resolver) {
        this.runner = runner;
        this.environments = environments;
        this.resolver = resolver;
    }

    /** A strip found for a target, with the environment it runs in. */
    record Tool(Path program, Map<String, String> environment) {
    }

    /** The names tried for a target, in order. */
    List<String> candidates(TargetSpec target, Map<String, String> env) {
        Set<String> names = new LinkedHashSet<>();
        resolver.resolve(target, env).strip().map(ToolCommand::program).ifPresent(names::add);
        Optional.ofNullable(target.linker()).flatMap(l -> ToolCommand.parse(l)).flatMap(l -> ToolResolver
                .gccPrefix(l.program())).ifPresent(p -> names.add(p + "strip"));
        LinuxPlatforms.gnuTuple(target.triple()).ifPresent(t -> names.add(t + "-strip"));
        if (resolver.isHost(target)) {
            names.add("strip");
        }
        names.addAll(LLVM);
        return new ArrayList<>(names);
    }

    /**
     * @return the target's strip
     * @throws MachineException naming every program tried and the fix, when none is found
     */
    Tool find(TargetSpec target) throws CrossbuildException {
        Map<String, String> env = environments.baseEnvironment(target);
        List<String> tried = candidates(target, env);
        for (String name : tried) {
            Optional<Path> found = Executables.find(name, env);
            if (found.isPresent()) {
                return new Tool(found.get(), env);
            }
        }
        throw new MachineException("target `" + target.id() + "` (" + target.triple() + "): no strip program for its"
                + " Linux packages: none of " + String.join(", ", tried.stream().filter(n -> !n.startsWith("llvm-strip-")).toList())
                + " (or another llvm-strip) is on the PATH; install the target's binutils ("
                + LinuxPlatforms.gnuTuple(target.triple()).map(t -> "binutils-" + t.replace('_', '-'))
                        .orElse("binutils") + " on Debian) or llvm, or keep the binaries as built with"
                + " <linuxPackage><strip>false</strip>");
    }

    /**
     * Writes the stripped copy of {@code binary} to {@code output}.
     *
     * @param library a shared library ({@code --strip-unneeded}) rather than a program ({@code --strip-all})
     */
    void strip(Tool tool, Path binary, boolean library, Path output) throws CrossbuildException {
        try {
            Files.createDirectories(output.getParent());
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new MachineException("could not prepare " + output + ": " + e.getMessage(), e);
        }
        List<String> command = List.of(tool.program().toString(), library ? "--strip-unneeded" : "--strip-all",
                "--remove-section=.comment", "--remove-section=.note", "-o", output.toString(), binary.toString());
        ProcessRunner.CapturedOutput out = runner.capture(ProcessSpec.of(command, output.getParent(),
                tool.environment()).withTimeout(TIMEOUT));
        if (!out.result().succeeded() || !Files.isRegularFile(output)) {
            throw new MachineException("could not strip " + binary + " for its Linux packages: "
                    + out.result().describe() + (out.stderr().isBlank() ? "" : "\n" + out.stderr().strip())
                    + "\nkeep the binaries as built with <linuxPackage><strip>false</strip>");
        }
    }
}
