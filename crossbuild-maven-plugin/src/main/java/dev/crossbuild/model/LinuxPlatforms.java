package dev.crossbuild.model;

import java.util.Optional;

/**
 * How Debian names a Linux target's CPU: its package architecture ({@code arm64}, as {@code libc6:arm64} and
 * cargo-deb spell it), its multiarch folder ({@code /lib/aarch64-linux-gnu}) and its cross toolchain's GNU
 * tuple ({@code /usr/aarch64-linux-gnu}, {@code aarch64-linux-gnu-gcc}).
 */
public final class LinuxPlatforms {

    private LinuxPlatforms() {
    }

    /** The CPU family with its variants folded: riscv64gc → riscv64, powerpc64le → powerpc64. */
    static String cpu(TargetTriple target) {
        String family = target.archFamily();
        if (family.startsWith("riscv64")) {
            return "riscv64";
        }
        if (family.startsWith("powerpc64")) {
            return "powerpc64";
        }
        return family;
    }

    public static Optional<String> debianArch(TargetTriple target) {
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            case "x86" -> "i386";
            case "arm" -> target.env().endsWith("hf") ? "armhf" : "armel";
            case "riscv64" -> "riscv64";
            case "powerpc64" -> arch.endsWith("le") ? "ppc64el" : "ppc64";
            case "s390x" -> "s390x";
            case "loongarch64" -> "loong64";
            default -> null;
        });
    }

    /** The multiarch tuple of the folders a {@code libc6:<arch>} package installs into. */
    public static Optional<String> multiarchTuple(TargetTriple target) {
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "x86" -> "i386-linux-gnu";
            case "arm" -> target.env().endsWith("hf") ? "arm-linux-gnueabihf" : "arm-linux-gnueabi";
            case "riscv64" -> "riscv64-linux-gnu";
            case "powerpc64" -> arch.endsWith("le") ? "powerpc64le-linux-gnu" : "powerpc64-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            default -> null;
        });
    }

    /** The GNU tuple of Debian's cross toolchain and its sysroot ({@code i686-linux-gnu} for x86). */
    public static Optional<String> gnuTuple(TargetTriple target) {
        if (target.archFamily().equals("x86")) {
            return Optional.of("i686-linux-gnu");
        }
        return multiarchTuple(target);
    }

    /**
     * The file name of the dynamic loader a dynamically linked program of a Linux target names as its
     * interpreter: glibc's ({@code ld-linux-x86-64.so.2}) or, on a musl target, musl's ({@code ld-musl-x86_64.so.1}).
     */
    public static Optional<String> dynamicLoader(TargetTriple target) {
        if (!target.isLinux()) {
            return Optional.empty();
        }
        if (!PlatformKeys.isMusl(target)) {
            return Runners.glibcLoader(target);
        }
        return Optional.ofNullable(switch (cpu(target)) {
            case "x86_64" -> "ld-musl-x86_64.so.1";
            case "aarch64" -> "ld-musl-aarch64.so.1";
            case "x86" -> "ld-musl-i386.so.1";
            case "arm" -> target.env().endsWith("hf") ? "ld-musl-armhf.so.1" : "ld-musl-arm.so.1";
            case "riscv64" -> "ld-musl-riscv64.so.1";
            case "powerpc64" -> target.arch().endsWith("le") ? "ld-musl-powerpc64le.so.1" : "ld-musl-powerpc64.so.1";
            case "s390x" -> "ld-musl-s390x.so.1";
            default -> null;
        });
    }
}
