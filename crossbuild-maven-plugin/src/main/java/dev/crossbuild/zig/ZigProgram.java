package dev.crossbuild.zig;

import dev.crossbuild.core.ProjectException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The zig the wrappers run: {@code zig} found on PATH when they run, or the one the pom names with {@code <zig>}
 * ({@code -Dcrossbuild.zig}): the zig executable, or the folder holding it (a release archive unpacked, the npm
 * package's folder).
 *
 * @param command    what the wrappers and {@code validate-toolchain} run: {@code zig}, or an absolute path
 * @param configured whether the pom named it (messages then speak of {@code <zig>}, not of PATH)
 */
public record ZigProgram(String command, boolean configured) {

    /** The element and property that name it. */
    public static final String ELEMENT = "<zig> (-Dcrossbuild.zig)";

    /** zig from PATH. */
    public static final ZigProgram ON_PATH = new ZigProgram("zig", false);

    /**
     * @param value the pom's {@code <zig>}, or null/blank for zig on PATH
     * @param base  the project's folder, against which a relative path is read
     * @throws ProjectException when the value names no executable zig
     */
    public static ZigProgram of(String value, Path base) throws ProjectException {
        if (value == null || value.isBlank()) {
            return ON_PATH;
        }
        String fix = "; point " + ELEMENT + " at the zig executable or the folder holding it, or leave it empty to"
                + " use zig from PATH";
        Path path;
        try {
            path = base.resolve(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ProjectException(ELEMENT + " `" + value.trim() + "` is not a path" + fix);
        }
        if (Files.isDirectory(path)) {
            Path inside = path.resolve(isWindows() ? "zig.exe" : "zig");
            if (!Files.isRegularFile(inside)) {
                throw new ProjectException(ELEMENT + " " + path + " is a folder without " + inside.getFileName()
                        + fix);
            }
            path = inside;
        }
        if (!Files.exists(path)) {
            throw new ProjectException(ELEMENT + " " + path + " does not exist" + fix);
        }
        if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new ProjectException(ELEMENT + " " + path + " is not an executable file" + fix);
        }
        return new ZigProgram(path.toString(), true);
    }

    /** How messages name it: {@code zig on PATH} or {@code <zig> (-Dcrossbuild.zig) /opt/zig/zig}. */
    public String describe() {
        return configured ? ELEMENT + " " + command : "zig on PATH";
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
