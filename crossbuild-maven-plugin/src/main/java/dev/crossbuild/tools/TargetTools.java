package dev.crossbuild.tools;

import java.util.Optional;

/**
 * The tools one target builds with, as decided by {@link ToolResolver}; each empty when the target has none
 * (the build tool's own default then applies).
 */
public record TargetTools(Optional<ToolCommand> cc, Optional<ToolCommand> cxx, Optional<ToolCommand> ar,
        Optional<ToolCommand> strip, Optional<ToolCommand> linker, Optional<ToolCommand> runner) {

    /** The C and C++ compilers behind a launcher ({@code sccache aarch64-linux-gnu-gcc}); the rest unchanged. */
    public TargetTools behind(String launcher) {
        return new TargetTools(cc.map(c -> c.behind(launcher)), cxx.map(c -> c.behind(launcher)), ar, strip, linker,
                runner);
    }
}
