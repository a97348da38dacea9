package dev.crossbuild.cargo;

import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.reproducible.ReproducibleBuild;
import dev.crossbuild.tools.CompilerCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run {@code cargo build} for every target of one project.
 *
 * @param layout            where cargo's target dirs and the records go
 * @param selection         the profile and features
 * @param extraEnvironment  variables for cargo beside the target's own (native build directories)
 * @param githubAnnotations also print diagnostics as GitHub Actions workflow commands
 * @param reproducible      what makes the binaries independent of time and place (or nothing)
 * @param cache             the compile cache rustc runs behind ({@code sccache}), or none
 * @param group             build targets that can share a cargo invocation in one ({@link CargoGroup})
 */
public record CargoOptions(Path manifest, CargoSelection selection, WorkLayout layout, boolean offline,
        boolean locked, List<String> extraArgs, Map<String, String> extraEnvironment, Duration timeout,
        boolean githubAnnotations, ReproducibleBuild reproducible, CompilerCache cache, boolean group) {

    public CargoOptions {
        extraArgs = extraArgs == null ? List.of() : extraArgs.stream().filter(a -> a != null && !a.isBlank()).toList();
        extraEnvironment = extraEnvironment == null ? Map.of() : Map.copyOf(extraEnvironment);
        reproducible = reproducible == null ? ReproducibleBuild.OFF : reproducible;
        cache = cache == null ? CompilerCache.NONE : cache;
    }

    public String profile() {
        return selection.profile();
    }

    public CargoOptions withExtraEnvironment(Map<String, String> variables) {
        return new CargoOptions(manifest, selection, layout, offline, locked, extraArgs, variables, timeout,
                githubAnnotations, reproducible, cache, group);
    }
}
