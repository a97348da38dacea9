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
}
