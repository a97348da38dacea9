package dev.crossbuild.binary;

import java.util.Optional;

/**
 * The ABI an ARM ELF file declares in its header's {@code e_flags}: the EABI version (the top byte; 5 for every
 * current toolchain) and, for a linked file, how floating-point arguments are passed: in FPU registers
 * ({@code EF_ARM_ABI_FLOAT_HARD}, 0x400: {@code *-eabihf} targets) or in integer registers
 * ({@code EF_ARM_ABI_FLOAT_SOFT}, 0x200: {@code *-eabi}). Linkers (GNU ld, lld) set the float flag from the
 * objects' build attributes; objects themselves usually leave it unset.
 *
 * @param version  the EABI version, 0 for the old GNU ABI
 * @param floatAbi the declared float calling convention
 */
public record ArmEabi(int version, FloatAbi floatAbi) {

    private static final int EM_ARM = 40;
    private static final int EF_ARM_ABI_FLOAT_SOFT = 0x200;
    private static final int EF_ARM_ABI_FLOAT_HARD = 0x400;

    /** How a binary passes floating-point arguments, as its header says. */
    public enum FloatAbi {
        HARD("hard-float"),
        SOFT("soft-float"),
        UNSTATED("float ABI not stated");

        private final String displayName;

        FloatAbi(String displayName) {
            this.displayName = displayName;
        }

        public String displayName() {
            return displayName;
        }
    }

    /** The ABI of a 32-bit ARM ELF file, or empty for any other machine. */
    static Optional<ArmEabi> of(int machine, boolean is64, int flags) {
        if (machine != EM_ARM || is64) {
            return Optional.empty();
        }
        FloatAbi floatAbi = (flags & EF_ARM_ABI_FLOAT_HARD) != 0 ? FloatAbi.HARD
                : (flags & EF_ARM_ABI_FLOAT_SOFT) != 0 ? FloatAbi.SOFT : FloatAbi.UNSTATED;
        return Optional.of(new ArmEabi(flags >>> 24, floatAbi));
    }

    /** {@code EABI5 hard-float}, as readelf words it. */
    public String describe() {
        return (version == 0 ? "GNU (non-EABI)" : "EABI" + version) + " " + floatAbi.displayName();
    }
}
