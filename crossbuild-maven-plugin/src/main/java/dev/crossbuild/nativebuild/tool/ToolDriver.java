package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.tools.TargetTools;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one build tool (make, meson, cmake, a command) does differently from the others. */
public interface ToolDriver {

    /** The programs the build needs on PATH, given its arguments (a command's program is its first). */
    List<String> programs(List<String> args);

    /** Whether the program to run is the build's first argument ({@code command}). */
    default boolean programIsFirstArgument() {
        return false;
    }

    /**
     * Whether the tool's version (its first program's {@code --version}) is part of the configuration; a
     * command's program is never asked (a build script would just run), its file is fingerprinted instead.
     */
    default boolean asksVersion() {
        return true;
    }

    /**
     * Changes the environment for this tool: {@code env} is what the process gets, {@code added} what the
     * reproduction script repeats. By default a host build gets the target's own compilers as {@code CC},
     * {@code CXX} and {@code AR}, which meson, cmake and most build scripts read.
     */
    default void adjustEnvironment(Map<String, String> env, Map<String, String> added, TargetTools configured,
            boolean cross) {
        if (!cross) {
            HostCompilers.put(added, configured);
        }
    }

    /**
     * Whether the tool takes compile and link flags from its machine file (a meson cross or native file
     * array) rather than from {@code CFLAGS} and {@code LDFLAGS}.
     */
    default boolean flagsInMachineFile() {
        return false;
    }

    /**
     * The machine file of a host build, when the tool has one: its file-name suffix and its text.
     *
     * @param tools the host's compilers with their defaults ({@code CC} or {@code cc})
     */
    default Optional<CrossFile> nativeFile(TargetTools tools, Optional<String> launcher, List<String> compileArgs,
            List<String> linkArgs) {
        return Optional.empty();
    }

    /**
     * The cross file for another target: its file-name suffix and its text.
     *
     * @param launcher    a compile cache to put in front of the compilers, or empty
     * @param compileArgs flags for every compile (reproducibility), which a cross build takes from here only
     * @param linkArgs    flags for every link
     */
    default Optional<CrossFile> crossFile(TargetTriple triple, TargetTools tools, Optional<String> launcher,
            List<String> compileArgs, List<String> linkArgs) {
        return Optional.empty();
    }

    /**
     * The command that runs the build's own tests in its output directory and where it leaves their JUnit XML;
     * empty for tools without a test runner of their own (make, command).
     */
    default Optional<TestRun> tests(java.nio.file.Path output) {
        return Optional.empty();
    }

    /** A test command and the JUnit XML file it writes. */
    record TestRun(List<String> command, java.nio.file.Path junit) {
    }

    /** Runs the build. */
    void build(ToolRun run) throws CrossbuildException;

    /**
     * A file written beside the output directory that tells the tool which machine it builds for and with what:
     * a meson cross or native file, a cmake toolchain file.
     */
    record CrossFile(String suffix, String text) {
    }

    static ToolDriver of(NativeTool tool) {
        return switch (tool) {
            case MAKE -> new MakeDriver();
            case MESON -> new MesonDriver();
            case CMAKE -> new CmakeDriver();
            case COMMAND -> new CommandDriver();
        };
    }
}
