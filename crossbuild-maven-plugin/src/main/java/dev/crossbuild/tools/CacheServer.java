package dev.crossbuild.tools;

import dev.crossbuild.core.MachineException;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * sccache's server, started detached before anything compiles behind sccache: a server the first compile
 * started itself would be a process the build left behind, and be stopped with the build. Started this way it
 * outlives the build, as sccache means it to, and later builds reuse it.
 */
public final class CacheServer {

    private CacheServer() {
    }

    /** Starts the server in the target's environment ({@code SCCACHE_*} included); nothing for other caches. */
    public static void start(ProcessRunner runner, CompilerCache cache, Map<String, String> env, Path directory)
            throws MachineException {
        if (cache != CompilerCache.SCCACHE) {
            return;
        }
        try {
            // exits at once, also when a server of this environment already runs
            runner.startDetached(ProcessSpec.of(List.of("sccache", "--start-server"), directory, env)
                    .withTimeout(Duration.ofMinutes(1)));
        } catch (ToolNotFoundException missing) {
            // validate-toolchain names the fix; the compile itself fails with sccache missing
        }
    }
}
