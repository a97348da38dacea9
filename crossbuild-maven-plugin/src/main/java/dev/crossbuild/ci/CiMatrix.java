package dev.crossbuild.ci;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The selected targets as a GitHub Actions matrix: {@code {"include":[{"id","triple","runner",
 * "archive"}, …]}}, on one line so it fits a step output
 * ({@code strategy.matrix: ${{ fromJSON(needs.matrix.outputs.matrix) }}}).
 *
 * @param include one entry per target
 */
public record CiMatrix(List<Entry> include) {

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * @param archive the archive extension of the target, {@code zip} or {@code tar.gz}
     */
    public record Entry(String id, String triple, String runner, String archive) {
    }

    public CiMatrix {
        include = List.copyOf(include);
    }

    /** A runner override for an id no target has is a typo: say so rather than ignore it. */
    public static void checkOverrides(List<TargetSpec> configured, Map<String, String> runnerOverrides)
            throws ProjectException {
        if (runnerOverrides == null) {
            return;
        }
        List<String> known = configured.stream().map(TargetSpec::id).toList();
        List<String> unknown = runnerOverrides.keySet().stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ProjectException("<ciRunners> names " + String.join(", ", unknown.stream()
                    .map(id -> "<" + id + ">").toList()) + ", which is not a configured target id; known ids: "
                    + String.join(", ", known));
        }
    }

    /**
     * @param runnerOverrides target id to runner label, replacing the suggested one (a self-hosted
     *                        runner, a larger runner); ids of targets not selected are ignored
     */
    public static CiMatrix of(List<TargetSpec> targets, Map<String, String> runnerOverrides) {
        return of(targets, runnerOverrides, null);
    }

    /** The same, every archive in the one format chosen ({@code zip}, {@code tar.gz}), or null for each target's. */
    public static CiMatrix of(List<TargetSpec> targets, Map<String, String> runnerOverrides, String archiveExtension) {
        Map<String, String> overrides = runnerOverrides == null ? Map.of() : runnerOverrides;
        List<Entry> entries = new ArrayList<>();
        for (TargetSpec target : targets) {
            String override = overrides.get(target.id());
            String runner = override == null || override.isBlank() ? GithubRunners.forTarget(target.triple())
                    : override.trim();
            entries.add(new Entry(target.id(), target.triple().value(), runner, archiveExtension != null ? archiveExtension
                    : target.triple().archiveExtension()));
        }
        return new CiMatrix(entries);
    }

    public String toJson() {
        return COMPACT.toJson(this);
    }

    /** Writes the JSON (one line) to a file, through a temporary file moved into place. */
    public void write(Path file) throws MachineException {
        Json.writeAtomically(file, toJson() + "\n");
    }
}
