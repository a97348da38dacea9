package dev.crossbuild.cargo;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.toolchain.ToolchainFacts;
import dev.crossbuild.toolchain.ToolchainProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of every cargo command of a target ({@code build} and {@code test} alike): the target's
 * base environment (its script applied), cargo's per-target variables, and the native build outputs.
 *
 * @param env        the complete environment of the process
 * @param added      what the plugin set on top of the base environment (for reproduction scripts)
 * @param configArgs cargo's {@code --config} arguments: each target's rustflags ({@link CargoRustflags}), and
 *                   the standard library's vendored sources of a build from source ({@link BuildStd})
 */
public record CargoEnvironment(Map<String, String> env, Map<String, String> added, List<String> configArgs) {

    public static CargoEnvironment of(TargetEnvironments environments, TargetSpec target, CargoOptions options)
            throws CrossbuildException {
        return of(environments, List.of(target), options);
    }

    /**
     * The environment of one cargo command for several targets ({@link CargoGroup}): their base environments
     * are the same but for each target's own tool variables, and cargo's variables are named per triple.
     */
    public static CargoEnvironment of(TargetEnvironments environments, List<TargetSpec> members,
            CargoOptions options) throws CrossbuildException {
        Map<String, String> env = new TreeMap<>();
        Map<String, String> added = new LinkedHashMap<>();
        for (TargetSpec target : members) {
            environments.baseEnvironment(target).forEach(env::putIfAbsent);
            added.putAll(CargoVariables.forTarget(target));
            added.putAll(options.reproducible().cargoVariables(target));
            if (!CargoRustflags.of(target, options.reproducible()).isEmpty()) {
                // the --config array is the target's rustflags; an inherited variable would be appended to it
                env.remove("CARGO_TARGET_" + target.triple().cargoEnvKey() + "_RUSTFLAGS");
            }
        }
        // the target dir is decided here, never by an inherited variable (PLATFORM-NOTES: CARGO_TARGET_DIR)
        env.remove("CARGO_TARGET_DIR");
        env.remove("CARGO_BUILD_TARGET_DIR");
        added.putAll(options.cache().cargoVariables());
        List<String> configArgs = new ArrayList<>(CargoRustflags.configArguments(members, options.reproducible()));
        var fromSource = members.stream().filter(TargetSpec::buildStd).findFirst();
        if (fromSource.isPresent()) {
            // the facts validate-toolchain found (its cache), else asked once: the sysroot holds the sources
            ToolchainFacts facts = new ToolchainProbe(new ProcessRunner(), options.manifest().toAbsolutePath()
                    .getParent(), options.layout().toolchainCache()).probe(fromSource.get(), env);
            added.putAll(BuildStd.environment(facts));
            configArgs.addAll(BuildStd.sourceConfig(facts));
        }
        added.putAll(options.extraEnvironment());
        env.putAll(added);
        return new CargoEnvironment(env, added, configArgs);
    }

    /** The options with the target's current native build outputs as {@code CROSSBUILD_NATIVE_<ID>_DIR}. */
    public static CargoOptions withNativeOutputs(CargoOptions options, TargetSpec target,
            List<NativeBuildSpec> nativeBuilds, BuildLog log) throws CrossbuildException {
        Map<String, String> extra = new LinkedHashMap<>(options.extraEnvironment());
        List<String> ids = nativeBuilds.stream().filter(b -> b.appliesTo(target)).map(NativeBuildSpec::id).toList();
        Map<String, String> nativeVariables = NativeOutputs.variables(NativeOutputs.current(options.layout(), target,
                ids));
        nativeVariables.forEach((name, dir) -> log.info("[" + target.id() + "] " + name + "=" + dir));
        extra.putAll(nativeVariables);
        return options.withExtraEnvironment(extra);
    }
}
