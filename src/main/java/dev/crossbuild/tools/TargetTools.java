package dev.crossbuild.tools;

import java.util.Optional;

/**
 * The tools one target builds with, as decided by {@link ToolResolver}; each empty when the target has none
 * (the build tool's own default then applies).
 */
public record TargetTools(Optional<ToolCommand> cc, Optional<ToolCommand> cxx, Optional<ToolCommand> ar,
        Optional<ToolCommand> strip, Optional<ToolCommand> linker, Optional<ToolCommand> runner) {

    /** The command line of a tool, or null: the form the cross and toolchain files take. */
    public static String line(Optional<ToolCommand> tool) {
        return tool.map(ToolCommand::commandLine).orElse(null);
    }
}
