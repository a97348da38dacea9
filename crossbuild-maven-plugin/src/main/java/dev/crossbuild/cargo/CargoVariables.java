package dev.crossbuild.cargo;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.tools.ToolResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-target variables cargo and the cc crate read. Using cargo's per-target names keeps a
 * target's flags and linker out of build scripts and proc-macros, which are built for the host.
 */
public final class CargoVariables {

    private CargoVariables() {
    }

    public static Map<String, String> forTarget(TargetSpec target) {
        // the target's rustflags travel as a --config array (CargoRustflags): the variable is split at spaces
        Map<String, String> vars = new LinkedHashMap<>(ToolResolver.configuredVariables(target));
        return vars;
    }
}
