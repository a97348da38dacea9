package dev.crossbuild.cargo;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
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
        TargetTriple triple = target.triple();
        String cargoKey = "CARGO_TARGET_" + triple.cargoEnvKey() + "_";
        String ccKey = triple.ccEnvKey();
        Map<String, String> vars = new LinkedHashMap<>();
        putIfSet(vars, cargoKey + "LINKER", target.linker());
        putIfSet(vars, cargoKey + "RUSTFLAGS", target.rustflags());
        putIfSet(vars, cargoKey + "RUNNER", target.runner());
        putIfSet(vars, "CC_" + ccKey, target.cc());
        putIfSet(vars, "CXX_" + ccKey, target.cxx());
        putIfSet(vars, "AR_" + ccKey, target.ar());
        return vars;
    }

    private static void putIfSet(Map<String, String> vars, String key, String value) {
        if (value != null && !value.isBlank()) {
            vars.put(key, value.trim());
        }
    }
}
