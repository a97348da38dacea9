package dev.crossbuild.packaging;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.tools.TargetTools;
import dev.crossbuild.tools.ToolCommand;
import dev.crossbuild.tools.ToolResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a library to bundle where the target's build got it from: first the target's native build outputs
 * (a {@code .so} or {@code .dll} a native build made), then its compilers' own search path
 * ({@code x86_64-w64-mingw32-g++-posix -print-file-name=libstdc++-6.dll}), in the target's environment.
 */
public final class CompilerLibraryLocator implements LibraryLocator {

    private final ProcessRunner runner;
    private final TargetEnvironments environments;
    private final ToolResolver resolver;
    private final WorkLayout layout;

    public CompilerLibraryLocator(ProcessRunner runner, TargetEnvironments environments, ToolResolver resolver,
            WorkLayout layout) {
        this.runner = runner;
        this.environments = environments;
        this.resolver = resolver;
        this.layout = layout;
    }

    @Override
    public Optional<Path> find(TargetSpec target, String library) throws CrossbuildException {
        Optional<NativeOutputs> outputs = NativeOutputs.read(layout, target.id());
        for (String dir : outputs.map(o -> o.outputs().values()).orElse(List.of())) {
            Optional<Path> built = search(Path.of(dir), library);
            if (built.isPresent()) {
                return built;
            }
        }
        Map<String, String> env = environments.baseEnvironment(target);
        TargetTools tools = resolver.resolveWithDefaults(target, env);
        List<ToolCommand> compilers = new ArrayList<>();
        tools.cxx().ifPresent(compilers::add);
        tools.cc().ifPresent(compilers::add);
        tools.linker().ifPresent(compilers::add);
        for (ToolCommand compiler : compilers) {
            List<String> command = new ArrayList<>(compiler.words());
            command.add("-print-file-name=" + library);
            try {
                var out = runner.capture(ProcessSpec.of(command, layout.buildDirectory(), env)
                        .withTimeout(Duration.ofMinutes(1)));
                String answer = out.stdout().trim();
                // a compiler that does not know the file prints its bare name back
                if (out.result().succeeded() && answer.contains("/") && Files.isRegularFile(Path.of(answer))) {
                    return Optional.of(Path.of(answer).toAbsolutePath().normalize());
                }
            } catch (ToolNotFoundException notThere) {
                // the next compiler may know it
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> search(Path dir, String library) throws CrossbuildException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().equals(library)).filter(Files::isRegularFile)
                    .sorted().findFirst();
        } catch (IOException e) {
            throw new dev.crossbuild.core.MachineException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
