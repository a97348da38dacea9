package dev.crossbuild.nativebuild;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The output directories of a target's native builds, recorded by {@code build-native} in
 * {@code target/crossbuild/targets/<id>/native-outputs.json} for {@code cargo-build} (as
 * {@code CROSSBUILD_NATIVE_<ID>_DIR}) and {@code package-arch}. The record says what it was built for (format,
 * triple, build ids); a reader refuses a record that does not match the configuration it runs with.
 *
 * <p>A skipped {@code build-native} keeps the outputs of its last run: they are used only while they match.
 *
 * @param format  {@link #FORMAT} when written by this version
 * @param outputs build id to output directory, in build order
 */
public record NativeOutputs(int format, String targetId, String triple, Map<String, String> outputs) {

    public static final int FORMAT = 2;

    public NativeOutputs {
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    /** {@code CROSSBUILD_NATIVE_<ID>_DIR}: the build id upper-cased, '-' and '.' as '_'. */
    public static String variableName(String buildId) {
        return "CROSSBUILD_NATIVE_" + buildId.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_') + "_DIR";
    }

    public static void write(WorkLayout layout, TargetSpec target, Map<String, String> outputDirectories)
            throws MachineException {
        Json.write(layout.nativeRecord(target.id()), new NativeOutputs(FORMAT, target.id(), target.triple().value(),
                outputDirectories));
    }

    public static Optional<NativeOutputs> read(WorkLayout layout, String targetId) throws MachineException {
        Path file = layout.nativeRecord(targetId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.read(file, NativeOutputs.class));
        } catch (MachineException unreadable) {
            return Optional.of(new NativeOutputs(0, targetId, null, Map.of()));
        }
    }

    /**
     * The output directories of the target's native builds, checked against what is configured now.
     *
     * @param buildIds ids of the native builds that apply to the target, in order; none means no outputs
     * @throws ProjectException when there is no record, or it was made for another triple, format or set of
     *                          builds: the outputs are stale, and {@code build-native} must run again
     */
    public static Map<String, String> current(WorkLayout layout, TargetSpec target, List<String> buildIds)
            throws ProjectException, MachineException {
        if (buildIds.isEmpty()) {
            return Map.of();
        }
        Optional<NativeOutputs> record = read(layout, target.id());
        String fix = "; run build-native again (mvn package runs it), or list it before cargo-build in the same"
                + " <execution>";
        String who = "target `" + target.id() + "`";
        if (record.isEmpty()) {
            throw new ProjectException(who + " has native builds (" + String.join(", ", buildIds)
                    + ") but build-native has not recorded their outputs in " + layout.nativeRecord(target.id()) + fix);
        }
        NativeOutputs found = record.get();
        String stale = found.format() != FORMAT ? "a record of format " + found.format() + " (this plugin writes "
                + FORMAT + ")"
                : !target.triple().value().equals(found.triple()) ? "outputs built for " + found.triple()
                        + ", but the target is now " + target.triple()
                : !List.copyOf(found.outputs().keySet()).equals(buildIds) ? "outputs of the native builds "
                        + found.outputs().keySet() + ", but " + buildIds + " are configured"
                : null;
        if (stale != null) {
            throw new ProjectException(who + ": " + layout.nativeRecord(target.id()) + " holds "
                    + stale + fix);
        }
        return found.outputs();
    }

    /** The variables for cargo: one {@code CROSSBUILD_NATIVE_<ID>_DIR} per output directory. */
    public static Map<String, String> variables(Map<String, String> outputs) {
        Map<String, String> vars = new LinkedHashMap<>();
        outputs.forEach((id, dir) -> vars.put(variableName(id), dir));
        return vars;
    }
}
