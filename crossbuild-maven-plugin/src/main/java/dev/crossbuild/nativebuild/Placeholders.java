package dev.crossbuild.nativebuild;

import dev.crossbuild.core.ProjectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code @{name}} placeholders in native build arguments per target. {@code @{name:-default}} gives
 * a default for a name some targets leave out (e.g. a make variable only the ARM64 target sets); an
 * argument that expands to nothing is dropped. The {@code @} keeps them apart from Maven's own
 * {@code ${…}}, which Maven fills before the plugin sees the value.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("@\\{([A-Za-z0-9_.-]+)(:-([^}]*))?}");

    private final Map<String, String> values;
    private final String where;

    /**
     * @param values the names and their values for one target
     * @param where  how errors name the configuration, e.g. "target `x`: native build `y`"
     */
    public Placeholders(Map<String, String> values, String where) {
        this.values = Map.copyOf(values);
        this.where = where;
    }

    public String expand(String text) throws ProjectException {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            if (value == null) {
                value = m.group(3);
            }
            if (value == null) {
                throw new ProjectException(where + ": unknown placeholder @{" + name + "} in `" + text + "`; known"
                        + " here: " + String.join(", ", new TreeSet<>(values.keySet()).stream().map(n -> "@{" + n + "}")
                                .toList()) + ". Add <properties><" + name + ">…</" + name + "></properties> to the"
                        + " target, or write @{" + name + ":-} for an empty default");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every argument expanded; arguments that were only placeholders and came out empty are left out. */
    public List<String> expandAll(List<String> args) throws ProjectException {
        List<String> result = new ArrayList<>();
        for (String arg : args) {
            String expanded = expand(arg);
            if (!expanded.isEmpty() || arg.isEmpty()) {
                result.add(expanded);
            }
        }
        return result;
    }
}
