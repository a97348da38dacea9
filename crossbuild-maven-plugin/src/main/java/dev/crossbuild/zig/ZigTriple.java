package dev.crossbuild.zig;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetTriple;
import java.util.Map;

/**
 * A Rust target triple as zig's {@code -target} spells it: {@code aarch64-unknown-linux-gnu} with glibc 2.17 is
 * {@code aarch64-linux-gnu.2.17}, {@code *-apple-darwin} is {@code *-macos} ({@code *-macos.11.0} with
 * {@code <macosMin>11.0</macosMin>}: the oldest macOS the linked binary loads on), {@code *-pc-windows-gnullvm} is
 * {@code *-windows-gnu}, {@code *-unknown-linux-musl} is {@code *-linux-musl}.
 */
public final class ZigTriple {

    private static final Map<String, String> ARCHES = Map.of("i686", "x86", "i586", "x86", "riscv64gc", "riscv64",
            "armv7", "arm", "arm", "arm", "thumbv7em", "thumb", "thumbv7m", "thumb", "thumbv6m", "thumb");

    private ZigTriple() {
    }

    /**
     * @param glibc the target's {@code <glibc>} floor, or null: appended to a {@code *-linux-gnu*} target
     * @throws ProjectException for a triple zig cannot link (MSVC, WebAssembly, an unknown system)
     */
    public static String of(TargetTriple triple, String glibc) throws ProjectException {
        return of(triple, glibc, null);
    }

    /**
     * @param macosMin the target's {@code <macosMin>}, or null: the minimum version of a macOS target (zig's own
     *                 default is newer: 11.7 for arm64 with zig 0.11)
     */
    public static String of(TargetTriple triple, String glibc, String macosMin) throws ProjectException {
        String arch = ARCHES.getOrDefault(triple.arch(), triple.arch());
        String who = "<triple>" + triple + "</triple> with <linker>zig</linker>: ";
        if (triple.isMsvc()) {
            throw new ProjectException(who + "zig cannot link against the MSVC runtime; use the `-gnullvm` triple ("
                    + triple.arch() + "-pc-windows-gnullvm) or Visual Studio's linker (<vcvars>auto</vcvars>)");
        }
        String zig;
        if (triple.isLinux()) {
            String env = triple.env().isEmpty() ? "gnu" : triple.env();
            boolean gnu = env.startsWith("gnu");
            zig = arch + "-linux-" + env + (gnu && glibc != null ? "." + glibc : "");
        } else if (triple.isApple() && !triple.os().equals("ios")) {
            // zig wants at least two numbers: 11 is 11.0
            zig = arch + "-macos" + (macosMin == null ? "" : "." + macosMin + (macosMin.contains(".") ? "" : ".0"));
        } else if (triple.isWindows() && (triple.env().equals("gnu") || triple.env().equals("gnullvm"))) {
            zig = arch + "-windows-gnu";
        } else if (triple.isBareMetal()) {
            // thumbv7em-none-eabihf parses as vendor `none`, system `eabihf`
            String abi = triple.vendor().equals("none") ? triple.os() : triple.env();
            zig = arch + "-freestanding-" + (abi.isEmpty() ? "none" : abi);
        } else {
            throw new ProjectException(who + "the plugin knows no zig target for it; set <linker> to a linker for"
                    + " that system, or to a script that runs `zig cc -target <zig target>`");
        }
        return zig;
    }

    /** Whether the target's glibc floor can be built with zig: a {@code *-linux-gnu*} triple. */
    public static boolean pinsGlibc(TargetTriple triple) {
        return triple.isLinux() && (triple.env().isEmpty() || triple.env().startsWith("gnu"));
    }
}
