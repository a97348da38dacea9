package dev.crossbuild.ci;

import dev.crossbuild.model.TargetTriple;

/**
 * The GitHub-hosted runner label that suits a target: one whose OS is the target's and, where
 * GitHub offers it, whose CPU is the target's too, so the build is native and its tests can run.
 * Targets without a matching runner build on Linux x64, cross-compiling.
 */
public final class GithubRunners {

    public static final String LINUX_X64 = "ubuntu-latest";
    public static final String LINUX_ARM64 = "ubuntu-24.04-arm";
    public static final String WINDOWS_X64 = "windows-latest";
    public static final String WINDOWS_ARM64 = "windows-11-arm";
    public static final String MACOS_ARM64 = "macos-latest";
    /**
     * The Intel macOS runner. {@code macos-13} was retired on 2025-12-04 (actions/runner-images 13046);
     * {@code macos-15-intel} is GitHub's last x86_64 image.
     */
    public static final String MACOS_X64 = "macos-15-intel";

    private GithubRunners() {
    }

    public static String forTarget(TargetTriple triple) {
        String arch = triple.archFamily();
        if (triple.isWindows()) {
            // x86 and 32-bit ARM are built with the x64-hosted tools; ARM64 (and ARM64EC) natively
            return arch.equals("aarch64") || arch.equals("arm64ec") ? WINDOWS_ARM64 : WINDOWS_X64;
        }
        if (triple.isApple() || triple.os().equals("tvos") || triple.os().equals("watchos")
                || triple.os().equals("visionos")) {
            return triple.os().equals("darwin") && arch.equals("x86_64") ? MACOS_X64 : MACOS_ARM64;
        }
        // Android (aarch64-linux-android) needs the NDK of the x64 images, whichever way the triple parses
        boolean android = triple.os().equals("android") || triple.env().startsWith("android");
        if (triple.isLinux() && !android && arch.equals("aarch64")) {
            return LINUX_ARM64;
        }
        return LINUX_X64;
    }
}
