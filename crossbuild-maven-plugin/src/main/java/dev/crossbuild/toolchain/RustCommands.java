package dev.crossbuild.toolchain;

import dev.crossbuild.model.TargetSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command lines for cargo and rustc of a target's toolchain ({@code cargo +toolchain …}). */
public final class RustCommands {

    private RustCommands() {
    }

    public static List<String> cargo(TargetSpec target, String... args) {
        return tool("cargo", target.toolchain(), Arrays.asList(args));
    }

    public static List<String> cargo(TargetSpec target, List<String> args) {
        return tool("cargo", target.toolchain(), args);
    }

    public static List<String> rustc(TargetSpec target, String... args) {
        return tool("rustc", target.toolchain(), Arrays.asList(args));
    }

    private static List<String> tool(String name, String toolchain, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(name);
        if (toolchain != null && !toolchain.isBlank()) {
            command.add("+" + toolchain);
        }
        command.addAll(args);
        return command;
    }
}
