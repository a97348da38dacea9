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
        Map<String, String> vars = new LinkedHashMap<>();
        if (target.rustflags() != null && !target.rustflags().isBlank()) {
            vars.put("CARGO_TARGET_" + target.triple().cargoEnvKey() + "_RUSTFLAGS", target.rustflags().trim());
        }
        vars.putAll(ToolResolver.configuredVariables(target));
        return vars;
    }
}
