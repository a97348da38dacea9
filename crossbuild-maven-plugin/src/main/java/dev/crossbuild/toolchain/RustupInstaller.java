package dev.crossbuild.toolchain;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Installs a missing standard library with {@code rustup target add} ({@code -Dcrossbuild.installTargets}). */
public final class RustupInstaller {

    private final ProcessRunner runner;
    private final BuildLog log;
    private final Path directory;

    public RustupInstaller(ProcessRunner runner, BuildLog log, Path directory) {
        this.runner = runner;
        this.log = log;
        this.directory = directory;
    }

    /** @return the problem when it failed, empty when the standard library is now installed */
    public Optional<String> install(TargetSpec target, Map<String, String> env, Path libraryDirectory)
            throws MachineException {
        String triple = target.triple().value();
        List<String> command = new ArrayList<>(List.of("rustup", "target", "add", triple));
        if (target.toolchain() != null) {
            command.addAll(List.of("--toolchain", target.toolchain()));
        }
        String prefix = "[" + target.id() + "] ";
        log.info(prefix + "installing the standard library: " + String.join(" ", command));
        ProcessResult result = runner.run(ProcessSpec.of(command, directory, env), line -> log.info(prefix + line),
                line -> log.info(prefix + line));
        if (result.succeeded() && java.nio.file.Files.isDirectory(libraryDirectory)) {
            return Optional.empty();
        }
        return Optional.of("target `" + target.id() + "`: `" + String.join(" ", command) + "` failed:\n"
                + result.describe());
    }
}
