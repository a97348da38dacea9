package dev.crossbuild.model;

import dev.crossbuild.core.ProjectException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the configured targets and picks the ones selected for this build. */
public final class TargetMatrix {

    /** Maven classifiers: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    private static final Pattern CLASSIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private TargetMatrix() {
    }

    /**
     * @param configured the targets from {@code <targets>}; empty means the host target
     * @param selection  the value of {@code crossbuild.targets}: comma-separated ids, blank for all
     * @param host       the host triple
     * @return the selected targets in configuration order
     * @throws ProjectException listing every problem found, each with its fix
     */
    public static List<TargetSpec> select(List<TargetSpec> configured, String selection, TargetTriple host)
            throws ProjectException {
        List<TargetSpec> all = configured.isEmpty() ? List.of(TargetSpec.host(host)) : configured;
        List<String> problems = new ArrayList<>();
        Map<String, TargetSpec> byId = new LinkedHashMap<>();
        for (TargetSpec target : all) {
            if (target.id() == null || target.id().isBlank()) {
                problems.add("<targets><target> for triple `" + target.triple()
                        + "` has no <id>; add <id>, a unique name that becomes the artifact classifier");
                continue;
            }
            if (!CLASSIFIER.matcher(target.id()).matches()) {
                problems.add("<target><id>" + target.id() + "</id> cannot be an artifact classifier; use only"
                        + " letters, digits, '.', '_' and '-', starting with a letter or digit");
            }
            if (byId.putIfAbsent(target.id(), target) != null) {
                problems.add("<target><id>" + target.id() + "</id> is declared twice in <targets>; target ids"
                        + " must be unique, rename or remove one (in a child pom, check what the parent already"
                        + " declares)");
            }
        }
        Set<String> wanted = parseSelection(selection);
        for (String id : wanted) {
            if (!byId.containsKey(id)) {
                problems.add("-Dcrossbuild.targets selects `" + id + "`, which is not a configured target; known"
                        + " ids: " + String.join(", ", byId.keySet()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProjectException(problems.size() == 1 ? problems.get(0)
                    : "the target matrix has " + problems.size() + " problems:\n  - "
                            + String.join("\n  - ", problems));
        }
        if (wanted.isEmpty()) {
            return List.copyOf(byId.values());
        }
        return byId.values().stream().filter(t -> wanted.contains(t.id())).toList();
    }

    static Set<String> parseSelection(String selection) {
        Set<String> ids = new LinkedHashSet<>();
        if (selection != null) {
            Arrays.stream(selection.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        return ids;
    }
}
