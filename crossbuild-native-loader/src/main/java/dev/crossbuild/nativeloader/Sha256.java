package dev.crossbuild.nativeloader;

/**
 * SHA-256 (FIPS 180-4) on its own, without {@code MessageDigest}: the loader runs before the JIT, in a JVM
 * that has not yet set up its security providers, and getting a {@code MessageDigest} there costs tens of
 * milliseconds of class loading, more than hashing the index and extracting a library. The round
 * functions are written out (no {@code Integer.rotateRight} calls) and the rounds unrolled by eight with the
 * working variables renamed instead of moved, because the interpreter pays for every call and every move.
 */
final class Sha256 {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    /**
     * From this size on, the JDK's {@code MessageDigest}: its set-up (tens of milliseconds in a cold JVM)
     * pays off once the JIT's SHA instructions beat this class's interpreted and C1-compiled rounds, at
     * about 13 ms per MiB in a cold JVM.
     */
    static final long LARGE = 4L << 20;

    /** The JDK's digest for a large input, else null (this class's own rounds). */
    private java.security.MessageDigest jdk;

    /** A digest for an input of {@code size} bytes (negative: unknown, taken as small). */
    static Sha256 forSize(long size) {
        Sha256 sha = new Sha256();
        if (size >= LARGE) {
            try {
                sha.jdk = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                // every Java platform has SHA-256; this class's own rounds otherwise
            }
        }
        return sha;
    }

    private final int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19};
    private final int[] w = new int[64];
    private final byte[] block = new byte[64];
    private int filled;
    private long length;

    void update(byte[] bytes, int offset, int count) {
        if (jdk != null) {
            jdk.update(bytes, offset, count);
            return;
        }
        length += count;
        int end = offset + count;
        if (filled > 0) {
            int n = Math.min(64 - filled, count);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            if (filled < 64) {
                return;
            }
            compress(block, 0);
            filled = 0;
        }
        while (end - offset >= 64) {
            compress(bytes, offset);
            offset += 64;
        }
        if (offset < end) {
            System.arraycopy(bytes, offset, block, 0, end - offset);
            filled = end - offset;
        }
    }

    /** The digest as lowercase hex; the object is used up. */
    String hex() {
        if (jdk != null) {
            return NativeLibraries.hex(jdk.digest());
        }
        long bits = length * 8;
        byte[] pad = new byte[(filled < 56 ? 56 - filled : 120 - filled) + 8];
        pad[0] = (byte) 0x80;
        for (int i = 0; i < 8; i++) {
            pad[pad.length - 1 - i] = (byte) (bits >>> (8 * i));
        }
        update(pad, 0, pad.length);
        char[] out = new char[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                out[i * 8 + j] = Character.forDigit((h[i] >>> (28 - 4 * j)) & 0xf, 16);
            }
        }
        return new String(out);
    }

    static String hex(byte[] bytes) {
        Sha256 sha = new Sha256();
        sha.update(bytes, 0, bytes.length);
        return sha.hex();
    }

    private void compress(byte[] in, int off) {
        int[] w = this.w;
        for (int i = 0; i < 16; i++) {
            int j = off + 4 * i;
            w[i] = (in[j] << 24) | ((in[j + 1] & 0xff) << 16) | ((in[j + 2] & 0xff) << 8) | (in[j + 3] & 0xff);
        }
        for (int i = 16; i < 64; i++) {
            int x = w[i - 15];
            int y = w[i - 2];
            int s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
            int s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int[] s = this.h;
        int a = s[0];
        int b = s[1];
        int c = s[2];
        int d = s[3];
        int e = s[4];
        int f = s[5];
        int g = s[6];
        int h = s[7];
        int t1;
        for (int i = 0; i < 64; i += 8) {
            t1 = h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i + 0] + w[i + 0];
            d += t1;
            h = t1 + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c));
            t1 = g + (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) + ((d & e) ^ (~d & f)) + K[i + 1] + w[i + 1];
            c += t1;
            g = t1 + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) ^ (h & b) ^ (a & b));
            t1 = f + (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) + ((c & d) ^ (~c & e)) + K[i + 2] + w[i + 2];
            b += t1;
            f = t1 + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) ^ (g & a) ^ (h & a));
            t1 = e + (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) + ((b & c) ^ (~b & d)) + K[i + 3] + w[i + 3];
            a += t1;
            e = t1 + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) ^ (f & h) ^ (g & h));
            t1 = d + (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) + ((a & b) ^ (~a & c)) + K[i + 4] + w[i + 4];
            h += t1;
            d = t1 + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) ^ (e & g) ^ (f & g));
            t1 = c + (((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7))) + ((h & a) ^ (~h & b)) + K[i + 5] + w[i + 5];
            g += t1;
            c = t1 + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) ^ (d & f) ^ (e & f));
            t1 = b + (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) + ((g & h) ^ (~g & a)) + K[i + 6] + w[i + 6];
            f += t1;
            b = t1 + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) ^ (c & e) ^ (d & e));
            t1 = a + (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) + ((f & g) ^ (~f & h)) + K[i + 7] + w[i + 7];
            e += t1;
            a = t1 + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) ^ (b & d) ^ (c & d));
        }
        int[] hh = this.h;
        hh[0] += a;
        hh[1] += b;
        hh[2] += c;
        hh[3] += d;
        hh[4] += e;
        hh[5] += f;
        hh[6] += g;
        hh[7] += h;
    }
}
