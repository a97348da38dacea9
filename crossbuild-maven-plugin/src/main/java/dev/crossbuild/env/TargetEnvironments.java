package dev.crossbuild.env;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetSpec;
import java.util.Map;

/** Gives each target the base environment of all its processes: native builds, cargo and tool checks. */
public interface TargetEnvironments {

    Map<String, String> baseEnvironment(TargetSpec target) throws CrossbuildException;

    /** The inherited environment with the target's own {@code <env>} on top. */
    static TargetEnvironments inherited(Map<String, String> inherited) {
        return target -> {
            Map<String, String> env = new java.util.TreeMap<>(inherited);
            env.putAll(target.env());
            return env;
        };
    }
}
