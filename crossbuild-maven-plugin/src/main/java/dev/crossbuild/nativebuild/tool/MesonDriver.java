package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.Executables;
import dev.crossbuild.tools.TargetTools;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code meson setup} (again only when the configuration changed) and {@code meson compile}. */
final class MesonDriver implements ToolDriver {

    @Override
    public List<String> programs(List<String> args) {
        return List.of("meson", "ninja");
    }

    @Override
    public void adjustEnvironment(Map<String, String> env, Map<String, String> added, TargetTools configured,
            boolean cross) {
        if (cross) {
            // in a cross build meson takes CC & co. for the build machine and would test-run a cross compiler's
            // output; the target's compilers are in the cross file instead
            List.of("CC", "CXX", "AR", "STRIP", "LD").forEach(env::remove);
            // meson puts a ccache or sccache it finds on PATH in front of compilers it finds by itself, and each
            // compile then starts a cache server; naming the build machine's compilers keeps it out
            buildMachineCompiler(env, added, "CC_FOR_BUILD", "cc", "gcc", "clang");
            buildMachineCompiler(env, added, "CXX_FOR_BUILD", "c++", "g++", "clang++");
        } else {
            HostCompilers.put(added, configured);
        }
    }

    private static void buildMachineCompiler(Map<String, String> env, Map<String, String> added, String variable,
            String... candidates) {
        if (env.containsKey(variable) || added.containsKey(variable)) {
            return;
        }
        for (String candidate : candidates) {
            if (Executables.find(candidate, env).isPresent()) {
                added.put(variable, candidate);
                return;
            }
        }
    }

    @Override
    public Optional<CrossFile> crossFile(TargetTriple triple, TargetTools tools, Optional<String> launcher,
            List<String> compileArgs, List<String> linkArgs) {
        // meson takes a compiler list with the cache in front: c = ['sccache', 'aarch64-linux-gnu-gcc']
        TargetTools wrapped = launcher.map(tools::behind).orElse(tools);
        return Optional.of(new CrossFile(".cross.ini", CrossFiles.mesonCrossFile(triple, wrapped, compileArgs,
                linkArgs)));
    }

    /**
     * A host build gets a native file too: its flag arrays keep a path with a space one argument, and naming the
     * compilers in it stops meson from putting a ccache or sccache it finds on PATH in front of them by itself
     * (so {@code -Dcrossbuild.compilerCache=none} means none).
     */
    @Override
    public Optional<CrossFile> nativeFile(TargetTools tools, Optional<String> launcher, List<String> compileArgs,
            List<String> linkArgs) {
        TargetTools wrapped = launcher.map(tools::behind).orElse(tools);
        return Optional.of(new CrossFile(".native.ini", CrossFiles.mesonNativeFile(wrapped, compileArgs,
                linkArgs)));
    }

    @Override
    public boolean flagsInMachineFile() {
        return true;
    }

    /** meson test runs each test through the cross file's {@code exe_wrapper} (the runner). */
    @Override
    public Optional<TestRun> tests(java.nio.file.Path output) {
        return Optional.of(new TestRun(List.of("meson", "test", "-C", output.toString(), "--print-errorlogs"),
                output.resolve("meson-logs").resolve("testlog.junit.xml")));
    }

    @Override
    public void build(ToolRun run) throws CrossbuildException {
        if (run.reconfigure() || !Files.isRegularFile(run.output().resolve("meson-private").resolve("coredata.dat"))) {
            run.steps().fresh();
            List<String> setup = new ArrayList<>(List.of("meson", "setup"));
            if (run.crossFile() != null) {
                setup.addAll(List.of(run.cross() ? "--cross-file" : "--native-file", run.crossFile().toString()));
            }
            setup.addAll(run.args());
            setup.addAll(List.of(run.output().toString(), run.sources().toAbsolutePath().toString()));
            run.steps().run(setup, run.output().getParent());
        }
        run.steps().run(List.of("meson", "compile", "-C", run.output().toString()), run.output().getParent());
    }
}
