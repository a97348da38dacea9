package dev.crossbuild.nativebuild;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The output directories of a target's native builds, kept in
 * {@code target/crossbuild/<id>/native-outputs.json} by {@code build-native} and handed to cargo
 * (and later native builds) as {@code CROSSBUILD_NATIVE_<ID>_DIR}.
 */
public final class NativeOutputs {

    public static final String FILE_NAME = "native-outputs.json";

    private NativeOutputs() {
    }

    /** {@code CROSSBUILD_NATIVE_<ID>_DIR}: the build id upper-cased, '-' and '.' as '_'. */
    public static String variableName(String buildId) {
        return "CROSSBUILD_NATIVE_" + buildId.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_') + "_DIR";
    }

    /** Build id to output directory, as recorded for one target; empty when nothing was built. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> read(Path targetWorkDirectory) throws MachineException {
        Path file = targetWorkDirectory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, String> dirs = Json.read(file, LinkedHashMap.class);
        return dirs == null ? Map.of() : dirs;
    }

    public static void write(Path targetWorkDirectory, Map<String, String> outputDirectories)
            throws MachineException {
        Json.write(targetWorkDirectory.resolve(FILE_NAME), new LinkedHashMap<>(outputDirectories));
    }

    /** The variables for cargo: one {@code CROSSBUILD_NATIVE_<ID>_DIR} per recorded native build. */
    public static Map<String, String> variables(Path targetWorkDirectory) throws MachineException {
        Map<String, String> vars = new LinkedHashMap<>();
        read(targetWorkDirectory).forEach((id, dir) -> vars.put(variableName(id), dir));
        return vars;
    }
}
