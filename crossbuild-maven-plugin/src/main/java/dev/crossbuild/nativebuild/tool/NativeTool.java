package dev.crossbuild.nativebuild.tool;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The build tools a {@code <nativeBuild>} can use; each has its {@link ToolDriver}. */
public enum NativeTool {
    MAKE,
    MESON,
    CMAKE,
    COMMAND;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ToolDriver driver() {
        return ToolDriver.of(this);
    }

    public static Optional<NativeTool> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.configName().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
