package dev.crossbuild.nativebuild.tool;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.tools.TargetTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One native build of one target as a driver sees it: everything decided, and the two things a driver may
 * ask of the builder.
 *
 * @param triple      the target triple
 * @param cross       whether the target is another machine than the host
 * @param sources     the source directory ({@code <directory>}); for {@code command} maybe null
 * @param output      the out-of-tree output directory
 * @param crossFile   where the machine file (meson cross or native file, cmake toolchain file) is written, or null
 * @param args        the build's arguments, placeholders expanded
 * @param tools       the target's compilers as the tool resolver decided
 * @param reconfigure whether the configuration changed since the last build (or no build succeeded yet)
 * @param excluded    the project's build directory, never copied or watched
 * @param launcher    the compile cache in front of each compiler ({@code sccache}, {@code ccache}), or empty
 */
public record ToolRun(TargetTriple triple, boolean cross, Path sources, Path output, Path crossFile,
        List<String> args, TargetTools tools, boolean reconfigure, Path excluded, Steps steps,
        Optional<String> launcher) {

    /** What the builder does for a driver. */
    public interface Steps {

        /** Runs one command in the target's environment, its output streamed with the build's prefix. */
        void run(List<String> command, Path directory) throws CrossbuildException;

        /** Empties the output directory and writes the cross file beside it, for a configure from scratch. */
        void fresh() throws CrossbuildException;
    }
}
