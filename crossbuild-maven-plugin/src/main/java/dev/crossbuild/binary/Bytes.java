package dev.crossbuild.binary;

import java.util.Locale;

/** Unsigned integers from byte arrays the caller has read in full; values come back as non-negative where they fit. */
final class Bytes {

    private Bytes() {
    }

    static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xff;
        int b1 = b[at + 1] & 0xff;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    /** A 32-bit field as a long, so that 0xFFFFFFFF is 4294967295 and never -1. */
    static long u32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (b[at + i] & 0xff) << shift;
        }
        return value;
    }

    /** A 64-bit field; above 2^63 it is negative, which every range check refuses. */
    static long u64(byte[] b, int at, boolean little) {
        long first = u32(b, at, little);
        long second = u32(b, at + 4, little);
        return little ? second << 32 | first : first << 32 | second;
    }

    static String hex(int value) {
        return "0x" + Integer.toHexString(value).toUpperCase(Locale.ROOT);
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }

    /** A file offset or size for a message: unsigned, so a 64-bit field never prints as a negative number. */
    static String unsigned(long value) {
        return Long.toUnsignedString(value);
    }

    static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
