package dev.crossbuild.cargo;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.reproducible.ReproducibleBuild;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A target's rustflags as cargo's {@code --config target.<triple>.rustflags=[…]}: a TOML array keeps every
 * flag one argument, where {@code CARGO_TARGET_<T>_RUSTFLAGS} is split at every space, so a remap of a
 * project directory like {@code /home/Jane Doe/app} broke the build ({@code --remap-path-prefix must contain
 * '='}). Per-target rustflags still never reach build scripts and proc-macros, which are built for the host.
 * cargo 1.63 is the first to read {@code --config KEY=VALUE}, and concatenates its arrays with the ones of
 * {@code .cargo/config.toml}, as it did with the variable.
 */
public final class CargoRustflags {

    private CargoRustflags() {
    }

    /** The target's own {@code <rustflags>}, split at whitespace as cargo split them, then the plugin's. */
    public static List<String> of(TargetSpec target, ReproducibleBuild reproducible) {
        List<String> flags = new ArrayList<>();
        if (target.rustflags() != null && !target.rustflags().isBlank()) {
            flags.addAll(Arrays.asList(target.rustflags().trim().split("\\s+")));
        }
        flags.addAll(reproducible.rustflags(target.triple()));
        flags.addAll(BuildStd.rustflags(target));
        return flags;
    }

    /** The {@code --config} arguments for the targets of one cargo command: one per target with flags. */
    public static List<String> configArguments(List<TargetSpec> targets, ReproducibleBuild reproducible) {
        List<String> args = new ArrayList<>();
        for (TargetSpec target : targets) {
            List<String> flags = of(target, reproducible);
            if (!flags.isEmpty()) {
                args.add("--config");
                args.add(configValue(target.triple().value(), flags));
            }
        }
        return args;
    }

    /** {@code target."<triple>".rustflags = ["…", …]} in TOML: the key quoted, each flag a basic string. */
    static String configValue(String triple, List<String> flags) {
        return targetConfig(triple, "rustflags", flags);
    }

    /** {@code target."<triple>".<key> = ["…", …]} in TOML, for cargo's {@code --config}. */
    public static String targetConfig(String triple, String key, List<String> values) {
        return "target." + tomlString(triple) + "." + key + "=["
                + values.stream().map(CargoRustflags::tomlString).collect(Collectors.joining(", ")) + "]";
    }

    static String tomlString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
