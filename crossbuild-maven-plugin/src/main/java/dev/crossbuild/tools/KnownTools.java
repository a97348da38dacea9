package dev.crossbuild.tools;

import dev.crossbuild.model.TargetTriple;
import java.util.Map;

/** How to install the cross tools people commonly configure, for the fix in an error message. */
public final class KnownTools {

    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("aarch64-linux-gnu-gcc", "gcc-aarch64-linux-gnu"),
            Map.entry("aarch64-linux-gnu-g++", "g++-aarch64-linux-gnu"),
            Map.entry("aarch64-linux-gnu-ar", "binutils-aarch64-linux-gnu"),
            Map.entry("arm-linux-gnueabihf-gcc", "gcc-arm-linux-gnueabihf"),
            Map.entry("x86_64-linux-gnu-gcc", "gcc-x86-64-linux-gnu"),
            Map.entry("i686-linux-gnu-gcc", "gcc-i686-linux-gnu"),
            Map.entry("riscv64-linux-gnu-gcc", "gcc-riscv64-linux-gnu"),
            Map.entry("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64"),
            Map.entry("x86_64-w64-mingw32-g++", "g++-mingw-w64-x86-64"),
            Map.entry("x86_64-w64-mingw32-ar", "binutils-mingw-w64-x86-64"),
            Map.entry("i686-w64-mingw32-gcc", "gcc-mingw-w64-i686"),
            Map.entry("musl-gcc", "musl-tools"),
            Map.entry("clang", "clang"),
            Map.entry("clang-cl", "clang"),
            Map.entry("lld", "lld"),
            Map.entry("lld-link", "lld"),
            Map.entry("qemu-aarch64", "qemu-user"),
            Map.entry("qemu-arm", "qemu-user"),
            Map.entry("qemu-riscv64", "qemu-user"),
            Map.entry("wine", "wine"),
            Map.entry("wine64", "wine64"),
            Map.entry("make", "make"),
            Map.entry("meson", "meson"),
            Map.entry("ninja", "ninja-build"),
            Map.entry("cmake", "cmake"));

    private KnownTools() {
    }

    /** "install it (Debian/Ubuntu: apt-get install X)" or a generic hint. */
    public static String installHint(String tool) {
        String name = tool.contains("/") ? tool.substring(tool.lastIndexOf('/') + 1) : tool;
        String pkg = DEBIAN_PACKAGES.get(name);
        if (pkg != null) {
            return "install it (Debian/Ubuntu: `apt-get install " + pkg + "`) or set the element to a tool that is"
                    + " on PATH";
        }
        return "install it, put it on PATH, or set the element to its full path";
    }

    /** The Debian package holding the Rust standard library of a triple, for Debian's own rustc. */
    public static String debianStdPackage(TargetTriple triple) {
        if (triple.isWindows() && triple.env().equals("gnu")) {
            return "libstd-rust-dev-windows";
        }
        if (triple.os().equals("wasi") || triple.arch().startsWith("wasm")) {
            return "libstd-rust-dev-wasm32";
        }
        String debArch = switch (triple.arch()) {
            case "aarch64" -> "arm64";
            case "x86_64" -> "amd64";
            case "i686", "i586" -> "i386";
            case "armv7" -> "armhf";
            case "riscv64gc" -> "riscv64";
            case "powerpc64le" -> "ppc64el";
            default -> triple.arch();
        };
        return "libstd-rust-dev:" + debArch + " (after `dpkg --add-architecture " + debArch + "`)";
    }
}
