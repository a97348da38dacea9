package dev.crossbuild.model;

import java.util.Locale;

/** The host's target triple, as a pure function of the JVM's {@code os.name} and {@code os.arch}. */
public final class HostPlatform {

    private HostPlatform() {
    }

    public static TargetTriple current() {
        return guess(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    public static TargetTriple guess(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "arm" -> "armv7";
            case "riscv64" -> "riscv64gc";
            case "ppc64le" -> "powerpc64le";
            case "s390x" -> "s390x";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        if (os.startsWith("windows")) {
            return TargetTriple.parse(arch + "-pc-windows-msvc");
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return TargetTriple.parse(arch + "-apple-darwin");
        }
        if (os.startsWith("freebsd")) {
            return TargetTriple.parse(arch + "-unknown-freebsd");
        }
        String env = arch.equals("armv7") ? "gnueabihf" : "gnu";
        return TargetTriple.parse(arch + "-unknown-linux-" + env);
    }
}
