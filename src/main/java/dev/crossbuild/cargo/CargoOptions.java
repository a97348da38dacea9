package dev.crossbuild.cargo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run {@code cargo build} for every target of one project.
 *
 * @param buildDirectory    the project's build directory; cargo's target dir is made per target below it
 * @param extraEnvironment  variables for cargo beside the target's own (native build directories)
 * @param githubAnnotations also print diagnostics as GitHub Actions workflow commands
 */
public record CargoOptions(Path manifest, String profile, Path buildDirectory, boolean offline, boolean locked,
        List<String> features, boolean allFeatures, boolean noDefaultFeatures, List<String> extraArgs,
        Map<String, String> extraEnvironment, Duration timeout, boolean githubAnnotations) {

    public CargoOptions {
        features = features == null ? List.of() : List.copyOf(features);
        extraArgs = extraArgs == null ? List.of() : List.copyOf(extraArgs);
        extraEnvironment = extraEnvironment == null ? Map.of() : Map.copyOf(extraEnvironment);
    }

    public CargoOptions withExtraEnvironment(Map<String, String> variables) {
        return new CargoOptions(manifest, profile, buildDirectory, offline, locked, features, allFeatures,
                noDefaultFeatures, extraArgs, variables, timeout, githubAnnotations);
    }
}
