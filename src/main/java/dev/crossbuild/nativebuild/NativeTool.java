package dev.crossbuild.nativebuild;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The build tools a {@code <nativeBuild>} can use. */
public enum NativeTool {
    MAKE("make"),
    MESON("meson", "ninja"),
    CMAKE("cmake"),
    COMMAND();

    private final List<String> programs;

    NativeTool(String... programs) {
        this.programs = List.of(programs);
    }

    /** The programs this tool needs on PATH (the command tool's program is its first argument). */
    public List<String> programs() {
        return programs;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NativeTool> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.configName().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
