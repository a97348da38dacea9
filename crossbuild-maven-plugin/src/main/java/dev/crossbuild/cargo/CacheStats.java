package dev.crossbuild.cargo;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import dev.crossbuild.tools.CacheServer;
import dev.crossbuild.tools.CompilerCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * sccache around cargo: starts its server once, detached (so no build waits for it, and it is never stopped
 * as a stray), and reads its hits and misses before and after each target for the summary.
 */
final class CacheStats {

    private final ProcessRunner runner;
    private final CompilerCache cache;
    private final BuildLog log;
    private boolean started;
    private Map<String, String> env;
    private Path directory;
    private long[] before;

    CacheStats(ProcessRunner runner, CompilerCache cache, BuildLog log) {
        this.runner = runner;
        this.cache = cache;
        this.log = log;
    }

    void before(Map<String, String> env, Path directory) throws MachineException {
        if (cache != CompilerCache.SCCACHE) {
            return;
        }
        this.env = env;
        this.directory = directory;
        if (!started) {
            started = true;
            CacheServer.start(runner, cache, env, directory);
        }
        before = stats();
    }

    /** {@code , sccache 12 hits 3 misses} for the summary, or nothing. */
    String after(String targetId) throws MachineException {
        if (cache != CompilerCache.SCCACHE || before == null) {
            return "";
        }
        long[] now = stats();
        if (now == null) {
            return "";
        }
        long hits = now[0] - before[0];
        long misses = now[1] - before[1];
        log.info("[" + targetId + "] sccache: " + hits + " hits, " + misses + " misses");
        return " (sccache " + hits + " hits, " + misses + " misses)";
    }

    private long[] stats() throws MachineException {
        try {
            var out = runner.capture(ProcessSpec.of(List.of("sccache", "--show-stats", "--stats-format=json"),
                    directory, env).withTimeout(Duration.ofMinutes(1)));
            if (!out.result().succeeded()) {
                return null;
            }
            JsonObject stats = JsonParser.parseString(out.stdout()).getAsJsonObject().getAsJsonObject("stats");
            return new long[] {sum(stats.getAsJsonObject("cache_hits")), sum(stats.getAsJsonObject("cache_misses"))};
        } catch (ToolNotFoundException | RuntimeException unreadable) {
            return null;
        }
    }

    private static long sum(JsonObject counted) {
        long total = 0;
        if (counted != null && counted.has("counts")) {
            for (Map.Entry<String, JsonElement> entry : counted.getAsJsonObject("counts").entrySet()) {
                total += entry.getValue().getAsLong();
            }
        }
        return total;
    }
}
