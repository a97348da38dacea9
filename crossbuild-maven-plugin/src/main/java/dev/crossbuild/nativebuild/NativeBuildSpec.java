package dev.crossbuild.nativebuild;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.tool.NativeTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code <nativeBuild>}, immutable.
 *
 * @param id        unique id; names the output directory and {@code CROSSBUILD_NATIVE_<ID>_DIR}
 * @param directory the source directory (for {@code command}: the inputs to watch), or null
 * @param args      arguments, with placeholders such as {@code @{triple}} still in them
 * @param env       variables for this build, placeholders allowed in values
 * @param targets   ids of the targets this build applies to; empty means every target
 * @param test      whether {@code cargo-test} also runs this build's own tests (ctest, meson test)
 */
public record NativeBuildSpec(String id, NativeTool tool, Path directory, List<String> args, Map<String, String> env,
        List<String> targets, boolean test) {

    /** A build whose tests are not run. */
    public NativeBuildSpec(String id, NativeTool tool, Path directory, List<String> args, Map<String, String> env,
            List<String> targets) {
        this(id, tool, directory, args, env, targets, false);
    }

    public NativeBuildSpec {
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public boolean appliesTo(TargetSpec target) {
        return targets.isEmpty() || targets.contains(target.id());
    }

    /** How messages name this build: {@code native build `tray` (<tool>make</tool>)}. */
    public String describe() {
        return "native build `" + id + "` (<tool>" + tool.configName() + "</tool>)";
    }
}
