package dev.crossbuild.binary;

import java.util.Map;
import java.util.Optional;

/** Machine codes of ELF ({@code e_machine}), PE/COFF ({@code Machine}) and Mach-O ({@code cputype}). */
final class Machines {

    private static final Map<Integer, String> COFF = Map.of(
            0x14c, "x86",
            0x8664, "x86_64",
            0xAA64, "aarch64",
            0x1c0, "arm",
            0x1c4, "arm",
            0xA641, "arm64ec",
            0x5032, "riscv32",
            0x5064, "riscv64",
            0x6264, "loongarch64");

    private static final Map<Integer, String> MACH = Map.of(
            7, "x86",
            0x01000007, "x86_64",
            12, "arm",
            0x0100000c, "aarch64",
            0x0200000c, "arm64_32",
            18, "powerpc",
            0x01000012, "powerpc64");

    private Machines() {
    }

    static String elf(int machine, boolean is64, boolean little) {
        return switch (machine) {
            case 3 -> "x86";
            case 62 -> "x86_64";
            case 183 -> little ? "aarch64" : "aarch64_be";
            case 40 -> little ? "arm" : "armeb";
            case 243 -> is64 ? "riscv64" : "riscv32";
            case 258 -> "loongarch64";
            case 20 -> "powerpc";
            case 21 -> little ? "powerpc64le" : "powerpc64";
            case 22 -> is64 ? "s390x" : "s390";
            case 8 -> (is64 ? "mips64" : "mips") + (little ? "el" : "");
            case 43 -> "sparc64";
            case 2 -> "sparc";
            default -> "ELF machine " + Bytes.hex(machine);
        };
    }

    static String coff(int machine) {
        return knownCoff(machine).orElse("PE machine " + Bytes.hex(machine));
    }

    static Optional<String> knownCoff(int machine) {
        return Optional.ofNullable(COFF.get(machine));
    }

    static String mach(int cpuType) {
        String arch = MACH.get(cpuType);
        return arch != null ? arch : "Mach-O cputype " + Bytes.hex(cpuType);
    }
}
