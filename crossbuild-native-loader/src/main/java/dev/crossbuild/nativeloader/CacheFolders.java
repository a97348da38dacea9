package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where extracted libraries go: the per-user cache of the OS, then fallbacks for a cache folder that cannot
 * be written or executed from. The choice of folders is a pure function of the OS, the environment and the
 * system properties; {@link #noexec} is a pure function of {@code /proc/self/mountinfo}'s text.
 */
final class CacheFolders {

    /** The folder under a cache root that holds this loader's files. */
    static final String SUBFOLDER = "crossbuild-native";

    /** The system property that sets the cache root (no fallback then). */
    static final String DIR_PROPERTY = "crossbuild.native.dir";

    private CacheFolders() {
    }

    /**
     * The cache roots to try, in order; the libraries of {@code <name>} go to {@code <root>/<name>/<hash>/}.
     * With {@code crossbuild.native.dir} set, that folder alone. Otherwise the OS's per-user cache
     * ({@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux and other Unixes, {@code ~/Library/Caches} on
     * macOS, {@code %LOCALAPPDATA%} on Windows, each with {@code /crossbuild-native}), then
     * {@code ~/.crossbuild-native}, then {@code <java.io.tmpdir>/crossbuild-native-<user.name>}.
     *
     * @param os the OS part of the platform key ({@code linux}, {@code osx}, {@code windows}, …)
     * @return each root, in order, with why it is tried (for the message when none works); a map of the
     *         JDK's, not a class of this loader's, since each class it loads costs a cold JVM
     */
    static Map<Path, String> candidates(String os, Properties props) {
        String forced = props.getProperty(DIR_PROPERTY);
        // the environment only when it is read: its map costs a cold JVM a few classes
        return candidates(os, forced != null && !forced.trim().isEmpty() ? java.util.Collections.<String, String>emptyMap()
                : System.getenv(), props);
    }

    static Map<Path, String> candidates(String os, Map<String, String> env, Properties props) {
        Map<Path, String> list = new LinkedHashMap<Path, String>();
        String forced = props.getProperty(DIR_PROPERTY);
        if (forced != null && !forced.trim().isEmpty()) {
            list.putIfAbsent(Paths.get(forced.trim()).toAbsolutePath(), "-D" + DIR_PROPERTY);
            return list;
        }
        String home = props.getProperty("user.home");
        Path homePath = usable(home) ? Paths.get(home) : null;
        if (os.equals("windows")) {
            String local = env.get("LOCALAPPDATA");
            if (usable(local) && Paths.get(local).isAbsolute()) {
                list.putIfAbsent(Paths.get(local, SUBFOLDER), "%LOCALAPPDATA%");
            } else if (homePath != null) {
                list.putIfAbsent(homePath.resolve("AppData").resolve("Local").resolve(SUBFOLDER),
                        "the user's local application data");
            }
        } else if (os.equals("osx")) {
            if (homePath != null) {
                list.putIfAbsent(homePath.resolve("Library").resolve("Caches").resolve(SUBFOLDER),
                        "~/Library/Caches");
            }
        } else {
            String xdg = env.get("XDG_CACHE_HOME");
            // the XDG spec: a relative path is invalid and is ignored
            if (usable(xdg) && Paths.get(xdg).isAbsolute()) {
                list.putIfAbsent(Paths.get(xdg, SUBFOLDER), "$XDG_CACHE_HOME");
            } else if (homePath != null) {
                list.putIfAbsent(homePath.resolve(".cache").resolve(SUBFOLDER), "~/.cache");
            }
        }
        if (homePath != null) {
            list.putIfAbsent(homePath.resolve("." + SUBFOLDER), "fallback in the home folder");
        }
        String tmp = props.getProperty("java.io.tmpdir");
        if (usable(tmp)) {
            String user = safeName(props.getProperty("user.name", "user"));
            list.putIfAbsent(Paths.get(tmp).resolve(SUBFOLDER + "-" + user), "fallback in java.io.tmpdir");
        }
        // one folder once, whatever way it was reached
        Set<Path> seen = new HashSet<Path>();
        Map<Path, String> unique = new LinkedHashMap<Path, String>();
        for (Map.Entry<Path, String> c : list.entrySet()) {
            if (seen.add(c.getKey().toAbsolutePath().normalize())) {
                unique.put(c.getKey(), c.getValue());
            }
        }
        return unique;
    }

    /** The user's name as a file name: letters, digits and {@code ._-} as they are, any other character {@code _}. */
    private static String safeName(String user) {
        char[] out = user.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-')) {
                out[i] = '_';
            }
        }
        return new String(out);
    }

    private static boolean usable(String value) {
        return value != null && !value.trim().isEmpty() && !value.equals("?");
    }

    /**
     * Whether the file system holding {@code path} (a real path, links resolved) is mounted {@code noexec},
     * from the text of {@code /proc/self/mountinfo}: the mount whose mount point is the longest prefix of the
     * path wins, and of two on one mount point the later one (it is mounted over the earlier).
     */
    static boolean noexec(String mountinfo, String path) {
        String best = null;
        boolean bestNoexec = false;
        int from = 0;
        // by hand, not split: a cold JVM interprets every substring and list a split makes
        while (from < mountinfo.length()) {
            int end = mountinfo.indexOf('\n', from);
            if (end < 0) {
                end = mountinfo.length();
            }
            // 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
            int start = from;
            for (int field = 0; field < 4 && start >= 0; field++) {
                start = mountinfo.indexOf(' ', start);
                start = start < 0 || start >= end ? -1 : start + 1;
            }
            int pointEnd = start < 0 ? -1 : mountinfo.indexOf(' ', start);
            int optionsEnd = pointEnd < 0 || pointEnd >= end ? -1 : mountinfo.indexOf(' ', pointEnd + 1);
            if (optionsEnd < 0 || optionsEnd > end) {
                optionsEnd = end;
            }
            if (pointEnd > 0 && pointEnd < end) {
                String point = unescape(mountinfo.substring(start, pointEnd));
                if (contains(point, path) && (best == null || point.length() >= best.length())) {
                    best = point;
                    bestNoexec = hasOption(mountinfo, pointEnd + 1, optionsEnd, "noexec");
                }
            }
            from = end + 1;
        }
        return bestNoexec;
    }

    /** Whether the comma-separated options in {@code text[from, to)} include {@code option}. */
    private static boolean hasOption(String text, int from, int to, String option) {
        int at = from;
        while (at < to) {
            int comma = text.indexOf(',', at);
            if (comma < 0 || comma > to) {
                comma = to;
            }
            if (comma - at == option.length() && text.startsWith(option, at)) {
                return true;
            }
            at = comma + 1;
        }
        return false;
    }

    private static boolean contains(String point, String path) {
        if (point.equals("/")) {
            return path.startsWith("/");
        }
        return path.equals(point) || path.startsWith(point + "/");
    }

    /** mountinfo writes space, tab, newline and backslash as {@code \040}, {@code \011}, {@code \012}, {@code \134}. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a folder (a path without links) cannot hold libraries the JVM loads: on Linux, a
     * {@code noexec} mount; false where {@code /proc/self/mountinfo} cannot be read.
     */
    static boolean noexec(Path folder) {
        byte[] buffer = new byte[16 * 1024];
        int size = 0;
        // java.io, not Files.readAllBytes: no channel classes to load for it in a cold JVM
        try (java.io.InputStream in = new java.io.FileInputStream("/proc/self/mountinfo")) {
            int n;
            while ((n = in.read(buffer, size, buffer.length - size)) >= 0) {
                size += n;
                if (size == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        // the folder's path has no links: PrivateFolders resolved the root's and refuses any below
        return noexec(NativeIndex.utf8(buffer, 0, size), folder.toAbsolutePath().toString());
    }
}
