package dev.crossbuild.cargo;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads cargo's {@code --message-format=json} lines. */
public final class CargoMessages {

    private static final Set<String> PACKAGED_KINDS = Set.of("bin", "cdylib", "dylib", "staticlib");

    private CargoMessages() {
    }

    /** A compiler diagnostic: its level, one-line message, primary location and rendered text. */
    public record Diagnostic(String level, String message, String file, int line, int column, String rendered) {

        public String headline() {
            String where = file == null ? "" : " at " + file + ":" + line + ":" + column;
            return level + ": " + message + where;
        }
    }

    public static Optional<JsonObject> parse(String line) {
        if (!line.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonElement element = JsonParser.parseString(line);
            return element.isJsonObject() ? Optional.of(element.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /**
     * Whether a line of cargo's JSON may be a diagnostic or an artifact worth packaging, judged from its text
     * without parsing it: the {@code compiler-artifact} lines of dependencies, build scripts and proc-macros
     * (most lines of a build, all of a no-op) and the {@code build-script-executed} lines are not.
     */
    public static boolean mayMatter(String line) {
        if (!line.startsWith("{\"reason\":\"")) {
            return true;
        }
        if (line.startsWith("{\"reason\":\"compiler-artifact\"")) {
            // the target's kinds: the first "kind" array of the line (a build script's crate type is "bin" too)
            int start = line.indexOf("\"kind\":[");
            int end = start < 0 ? -1 : line.indexOf(']', start);
            if (end < 0) {
                return true;
            }
            String kinds = line.substring(start, end);
            return PACKAGED_KINDS.stream().anyMatch(kind -> kinds.contains("\"" + kind + "\""));
        }
        return !line.startsWith("{\"reason\":\"build-script-executed\"");
    }

    public static String reason(JsonObject message) {
        return string(message, "reason");
    }

    /** The files worth packaging from a {@code compiler-artifact} message; none for libraries of rlib kind. */
    public static List<CargoArtifact> artifacts(JsonObject message) {
        List<CargoArtifact> artifacts = new ArrayList<>();
        JsonObject target = message.getAsJsonObject("target");
        if (target == null) {
            return artifacts;
        }
        String name = string(target, "name");
        for (JsonElement kindElement : array(target, "kind")) {
            String kind = kindElement.getAsString();
            if (!PACKAGED_KINDS.contains(kind)) {
                continue;
            }
            if (kind.equals("bin")) {
                String executable = string(message, "executable");
                if (executable != null) {
                    artifacts.add(new CargoArtifact(kind, name, executable));
                }
                continue;
            }
            for (JsonElement file : array(message, "filenames")) {
                String path = file.getAsString();
                if (matchesKind(kind, path)) {
                    artifacts.add(new CargoArtifact(kind, name, path));
                }
            }
        }
        return artifacts;
    }

    private static boolean matchesKind(String kind, String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("staticlib")) {
            boolean importLibrary = lower.endsWith(".dll.a") || lower.endsWith(".dll.lib");
            return !importLibrary && (lower.endsWith(".a") || lower.endsWith(".lib"));
        }
        // cdylib/dylib: the library itself and, on Windows, its import library; a wasm cdylib is a .wasm module
        return lower.endsWith(".so") || lower.endsWith(".dylib") || lower.endsWith(".dll") || lower.endsWith(".wasm")
                || lower.endsWith(".dll.a") || lower.endsWith(".dll.lib");
    }

    /** A {@code compiler-message}'s diagnostic with its primary span, relative to {@code workspaceRoot}. */
    public static Optional<Diagnostic> diagnostic(JsonObject message, Path workspaceRoot) {
        JsonObject inner = message.getAsJsonObject("message");
        if (inner == null) {
            return Optional.empty();
        }
        String file = null;
        int line = 0;
        int column = 0;
        for (JsonElement spanElement : array(inner, "spans")) {
            JsonObject span = spanElement.getAsJsonObject();
            if (span.has("is_primary") && span.get("is_primary").getAsBoolean()) {
                file = string(span, "file_name");
                line = span.get("line_start").getAsInt();
                column = span.get("column_start").getAsInt();
                break;
            }
        }
        if (file != null && workspaceRoot != null && !Path.of(file).isAbsolute()) {
            file = workspaceRoot.resolve(file).normalize().toString();
        }
        String code = null;
        if (inner.has("code") && inner.get("code").isJsonObject()) {
            code = string(inner.getAsJsonObject("code"), "code");
        }
        String level = string(inner, "level");
        String text = string(inner, "message");
        return Optional.of(new Diagnostic(code == null ? level : level + "[" + code + "]", text, file, line, column,
                string(inner, "rendered")));
    }

    static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static JsonArray array(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonArray() ? value.getAsJsonArray() : new JsonArray();
    }
}
