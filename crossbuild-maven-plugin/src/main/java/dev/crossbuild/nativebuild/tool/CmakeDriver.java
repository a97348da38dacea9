package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.tools.TargetTools;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code cmake -S -B} (again only when the configuration changed) and {@code cmake --build}. */
final class CmakeDriver implements ToolDriver {

    @Override
    public List<String> programs(List<String> args) {
        return List.of("cmake");
    }

    @Override
    public Optional<CrossFile> crossFile(TargetTriple triple, TargetTools tools, Optional<String> launcher,
            List<String> compileArgs, List<String> linkArgs) {
        // cmake initializes its flags from CFLAGS, CXXFLAGS and LDFLAGS in cross builds too
        return Optional.of(new CrossFile(".toolchain.cmake", CrossFiles.cmakeToolchainFile(triple, tools)));
    }

    /** ctest runs each test through the toolchain file's {@code CMAKE_CROSSCOMPILING_EMULATOR} (the runner). */
    @Override
    public Optional<TestRun> tests(java.nio.file.Path output) {
        java.nio.file.Path junit = output.resolve("ctest-junit.xml");
        return Optional.of(new TestRun(List.of("ctest", "--test-dir", output.toString(), "--output-on-failure",
                "--output-junit", junit.toString()), junit));
    }

    @Override
    public void build(ToolRun run) throws CrossbuildException {
        if (run.reconfigure() || !Files.isRegularFile(run.output().resolve("CMakeCache.txt"))) {
            run.steps().fresh();
            List<String> configure = new ArrayList<>(List.of("cmake", "-S",
                    run.sources().toAbsolutePath().toString(), "-B", run.output().toString()));
            if (run.crossFile() != null) {
                configure.add("-DCMAKE_TOOLCHAIN_FILE=" + run.crossFile());
            }
            run.launcher().ifPresent(cache -> {
                configure.add("-DCMAKE_C_COMPILER_LAUNCHER=" + cache);
                configure.add("-DCMAKE_CXX_COMPILER_LAUNCHER=" + cache);
            });
            configure.addAll(run.args());
            run.steps().run(configure, run.output().getParent());
        }
        run.steps().run(List.of("cmake", "--build", run.output().toString()), run.output().getParent());
    }
}
