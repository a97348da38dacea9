package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loader's own SHA-256 against the JDK's, at every length around the block and padding edges. */
class Sha256Test {

    @Test
    void knownDigests() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void agreesWithTheJdkAtEveryLengthAndChunking() throws Exception {
        Random random = new Random(29);
        int[] lengths = {1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65536, 65537, 1 << 20};
        for (int length : lengths) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String expected = NativeLibraries.hex(MessageDigest.getInstance("SHA-256").digest(data));
            assertEquals(expected, Sha256.hex(data), "length " + length);
            // in uneven pieces, as a stream is read
            Sha256 sha = new Sha256();
            int at = 0;
            while (at < length) {
                int n = Math.min(length - at, 1 + random.nextInt(200));
                sha.update(data, at, n);
                at += n;
            }
            assertEquals(expected, sha.hex(), "length " + length + " in pieces");
        }
    }

    @Test
    void aLargeInputUsesTheJdksDigestWithTheSameResult() throws Exception {
        byte[] data = new byte[(int) Sha256.LARGE + 123];
        new Random(4).nextBytes(data);
        String expected = NativeLibraries.hex(MessageDigest.getInstance("SHA-256").digest(data));
        Sha256 own = Sha256.forSize(Sha256.LARGE - 1);
        Sha256 jdk = Sha256.forSize(Sha256.LARGE);
        for (int at = 0; at < data.length; at += 65536) {
            own.update(data, at, Math.min(65536, data.length - at));
            jdk.update(data, at, Math.min(65536, data.length - at));
        }
        assertEquals(expected, own.hex());
        assertEquals(expected, jdk.hex());
    }
}
