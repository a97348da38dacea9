package dev.crossbuild.nativeloader;

/**
 * SHA-256 (FIPS 180-4) on its own, without {@code MessageDigest}: the loader runs before the JIT, in a JVM
 * that has not yet set up its security providers, and getting a {@code MessageDigest} there costs tens of
 * milliseconds of class loading, more than hashing the index and extracting a library. The round
 * functions are written out (no {@code Integer.rotateRight} calls) because the interpreter pays for each call.
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

    private final int[] h = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19};
    private final int[] w = new int[64];
    private final byte[] block = new byte[64];
    private int filled;
    private long length;

    void update(byte[] bytes, int offset, int count) {
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

    private void compress(byte[] b, int off) {
        int[] w = this.w;
        for (int i = 0; i < 16; i++) {
            int j = off + 4 * i;
            w[i] = (b[j] << 24) | ((b[j + 1] & 0xff) << 16) | ((b[j + 2] & 0xff) << 8) | (b[j + 3] & 0xff);
        }
        for (int i = 16; i < 64; i++) {
            int x = w[i - 15];
            int y = w[i - 2];
            int s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
            int s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        int a = h[0];
        int bb = h[1];
        int c = h[2];
        int d = h[3];
        int e = h[4];
        int f = h[5];
        int g = h[6];
        int hh = h[7];
        for (int i = 0; i < 64; i++) {
            int t1 = hh + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
                    + ((e & f) ^ (~e & g)) + K[i] + w[i];
            int t2 = (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
                    + ((a & bb) ^ (a & c) ^ (bb & c));
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = bb;
            bb = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += bb;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
