package dev.crossbuild.env;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an environment-setup script changed: variables it set or changed, entries it put in front of
 * (or after) PATH-like lists, and variables it removed. Applied onto a base environment rather than
 * replacing it, so the user's own PATH entries survive on Windows and, under wine (whose PATH is a
 * Windows one), the host's tools stay reachable.
 *
 * @param values    new or changed variables that are not PATH-like lists, with their new value
 * @param prepended for PATH-like variables: entries the script put in front of the list
 * @param appended  for PATH-like variables: entries the script added after the existing ones
 * @param removed   variables the script unset
 * @param separator the list separator of the shell the script ran in, kept for lists the base lacks
 */
public record EnvironmentChange(Map<String, String> values, Map<String, List<String>> prepended,
        Map<String, List<String>> appended, List<String> removed, String separator) {

    /** Lists whose entries are de-duplicated and merged (PLATFORM-NOTES, capture recipe item 5). */
    private static final Set<String> PATH_LIKE = Set.of("PATH", "INCLUDE", "LIB", "LIBPATH", "EXTERNAL_INCLUDE",
            "LD_LIBRARY_PATH", "LIBRARY_PATH", "DYLD_LIBRARY_PATH", "PKG_CONFIG_PATH", "CPATH", "C_INCLUDE_PATH",
            "CPLUS_INCLUDE_PATH", "MANPATH", "PYTHONPATH");

    public EnvironmentChange {
        values = Map.copyOf(values);
        prepended = Map.copyOf(prepended);
        appended = Map.copyOf(appended);
        removed = List.copyOf(removed);
    }

    public static boolean isPathLike(String name) {
        return PATH_LIKE.contains(name.toUpperCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return values.isEmpty() && prepended.isEmpty() && appended.isEmpty() && removed.isEmpty();
    }

    /** Names of every variable the change touches (for logs: names only, never values). */
    public Set<String> names() {
        Set<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(values.keySet());
        all.addAll(prepended.keySet());
        all.addAll(appended.keySet());
        all.addAll(removed);
        return all;
    }

    /**
     * The difference between two snapshots taken in the same shell before and after the script ran.
     *
     * @param ignoreCase whether names are case-insensitive (cmd: {@code Path} is {@code PATH}, JDK-8245431)
     * @param separator  the list separator the snapshots use ({@code ;} for cmd, {@code :} for sh)
     */
    public static EnvironmentChange between(Map<String, String> before, Map<String, String> after,
            boolean ignoreCase, String separator) {
        Map<String, String> old = normalize(before, ignoreCase);
        Map<String, String> now = normalize(after, ignoreCase);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> prepended = new LinkedHashMap<>();
        Map<String, List<String>> appended = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            String previous = old.get(name);
            if (value.equals(previous)) {
                continue;
            }
            if (isPathLike(name)) {
                List<String> oldEntries = split(previous == null ? "" : previous, separator);
                List<String> newEntries = dedupe(split(value, separator), ignoreCase);
                List<String> front = new ArrayList<>();
                List<String> back = new ArrayList<>();
                Set<String> known = keys(oldEntries, ignoreCase);
                boolean passedOld = false;
                for (String item : newEntries) {
                    if (known.contains(key(item, ignoreCase))) {
                        passedOld = true;
                    } else if (passedOld) {
                        back.add(item);
                    } else {
                        front.add(item);
                    }
                }
                if (!front.isEmpty()) {
                    prepended.put(name, front);
                }
                if (!back.isEmpty()) {
                    appended.put(name, back);
                }
                if (previous != null && front.isEmpty() && back.isEmpty()
                        && newEntries.size() < dedupe(oldEntries, ignoreCase).size()) {
                    values.put(name, String.join(separator, newEntries)); // the script shortened the list
                }
            } else {
                values.put(name, value);
            }
        }
        for (String name : old.keySet()) {
            if (!now.containsKey(name)) {
                removed.add(name);
            }
        }
        return new EnvironmentChange(values, prepended, appended, removed, separator);
    }

    /**
     * This change applied onto a base environment.
     *
     * @param ignoreCase whether the base environment's names are case-insensitive (Windows)
     * @param baseSeparator the base environment's list separator
     */
    public Map<String, String> applyTo(Map<String, String> base, boolean ignoreCase, String baseSeparator) {
        Map<String, String> result = ignoreCase ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new TreeMap<>();
        result.putAll(base);
        removed.forEach(result::remove);
        values.forEach((name, value) -> put(result, name, value, ignoreCase));
        Set<String> lists = new LinkedHashSet<>(prepended.keySet());
        lists.addAll(appended.keySet());
        for (String name : lists) {
            String current = result.get(name);
            // a list the base already has keeps the base's separator; a new one keeps the script's (under
            // wine: PATH stays a host list, a new INCLUDE stays a Windows list)
            String joiner = current == null ? separator : baseSeparator;
            List<String> merged = new ArrayList<>(prepended.getOrDefault(name, List.of()));
            merged.addAll(split(current == null ? "" : current, joiner));
            merged.addAll(appended.getOrDefault(name, List.of()));
            put(result, name, String.join(joiner, dedupe(merged, ignoreCase)), ignoreCase);
        }
        return ignoreCase ? new TreeMap<>(result) : result;
    }

    private static void put(Map<String, String> env, String name, String value, boolean ignoreCase) {
        if (ignoreCase) {
            // keep the base's spelling of the name (Path stays Path)
            String existing = env.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
            env.remove(existing);
            env.put(existing, value);
        } else {
            env.put(name, value);
        }
    }

    private static Map<String, String> normalize(Map<String, String> env, boolean ignoreCase) {
        Map<String, String> result = ignoreCase ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER) : new TreeMap<>();
        result.putAll(env);
        return result;
    }

    static List<String> split(String value, String separator) {
        List<String> entries = new ArrayList<>();
        for (String item : value.split(Pattern.quote(separator))) {
            if (!item.isEmpty()) {
                entries.add(item);
            }
        }
        return entries;
    }

    static List<String> dedupe(List<String> entries, boolean ignoreCase) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> result = new ArrayList<>();
        for (String item : entries) {
            if (!item.isEmpty() && seen.add(key(item, ignoreCase))) {
                result.add(item);
            }
        }
        return result;
    }

    private static Set<String> keys(List<String> entries, boolean ignoreCase) {
        Set<String> keys = new LinkedHashSet<>();
        entries.forEach(e -> keys.add(key(e, ignoreCase)));
        return keys;
    }

    private static String key(String entry, boolean ignoreCase) {
        return ignoreCase ? entry.toLowerCase(Locale.ROOT) : entry;
    }
}
