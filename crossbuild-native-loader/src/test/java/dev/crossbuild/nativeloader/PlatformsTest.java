package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Platform detection as a pure function: os.name, os.arch, sun.arch.data.model, /proc/self/maps. */
class PlatformsTest {

    private static final String GLIBC_MAPS = ""
            + "7f1c2a000000-7f1c2a022000 r--p 00000000 fe:00 1234 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
            + "7f1c2a400000-7f1c2a401000 r--p 00000000 fe:00 1235 /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n";
    private static final String MUSL_MAPS = ""
            + "7f3e5b000000-7f3e5b014000 r--p 00000000 00:2f 4567 /lib/ld-musl-x86_64.so.1\n"
            + "7f3e5b014000-7f3e5b05d000 r-xp 00014000 00:2f 4567 /lib/ld-musl-x86_64.so.1\n";
    private static final String MUSL_ARM_MAPS =
            "ffff9a000000-ffff9a0a0000 r-xp 00000000 00:2f 77 /lib/ld-musl-aarch64.so.1\n";
    /** a glibc process that merely has a file whose name holds the text mapped */
    private static final String GLIBC_WITH_LOOKALIKE = GLIBC_MAPS
            + "7f1c2b000000-7f1c2b001000 r--p 00000000 fe:00 99 /home/u/notes-about-old-ld-musl-x86_64.txt\n";

    private static final String[][] TABLE = {
        // os.name, os.arch, sun.arch.data.model, maps, key
        {"Linux", "amd64", "64", GLIBC_MAPS, "linux-x86_64"},
        {"Linux", "amd64", "64", MUSL_MAPS, "linux-x86_64-musl"},
        {"Linux", "amd64", "64", null, "linux-x86_64"},
        {"Linux", "amd64", "64", GLIBC_WITH_LOOKALIKE, "linux-x86_64"},
        {"Linux", "aarch64", "64", GLIBC_MAPS, "linux-aarch_64"},
        {"Linux", "aarch64", "64", MUSL_ARM_MAPS, "linux-aarch_64-musl"},
        {"Linux", "i386", "32", GLIBC_MAPS, "linux-x86_32"},
        {"Linux", "x86", "32", GLIBC_MAPS, "linux-x86_32"},
        // a 32-bit JVM whose os.arch names the 64-bit kernel's architecture
        {"Linux", "amd64", "32", GLIBC_MAPS, "linux-x86_32"},
        {"Linux", "aarch64", "32", GLIBC_MAPS, "linux-arm_32"},
        {"Linux", "arm", "32", GLIBC_MAPS, "linux-arm_32"},
        {"Linux", "ppc64le", "64", null, "linux-ppcle_64"},
        {"Linux", "s390x", "64", null, "linux-s390_64"},
        {"Linux", "riscv64", "64", null, "linux-riscv64"},
        {"Linux", "loongarch64", "64", null, "linux-loongarch_64"},
        {"Windows 11", "amd64", "64", null, "windows-x86_64"},
        {"Windows Server 2022", "amd64", "64", null, "windows-x86_64"},
        // a 32-bit JVM on 64-bit Windows reports x86
        {"Windows 10", "x86", "32", null, "windows-x86_32"},
        {"Windows 10", "amd64", "32", null, "windows-x86_32"},
        {"Windows 11", "aarch64", "64", null, "windows-aarch_64"},
        // musl means nothing outside Linux
        {"Windows 11", "amd64", "64", MUSL_MAPS, "windows-x86_64"},
        {"Mac OS X", "x86_64", "64", null, "osx-x86_64"},
        {"Mac OS X", "aarch64", "64", null, "osx-aarch_64"},
        {"Darwin", "arm64", "64", null, "osx-aarch_64"},
        {"FreeBSD", "amd64", "64", null, "freebsd-x86_64"},
        {"Linux", "amd64", null, GLIBC_MAPS, "linux-x86_64"},
        {"Plan 9", "mips", "32", null, "unknown-mips_32"},
    };

    @Test
    void detectsTheKeysOfOsMavenPlugin() {
        for (String[] row : TABLE) {
            assertEquals(row[4], Platforms.detect(row[0], row[1], row[2], row[3]),
                    row[0] + " / " + row[1] + " / " + row[2] + " / " + (row[3] == null ? "no maps" : "maps"));
        }
    }

    @Test
    void theLoaderMappedDecidesMuslNotAMention() {
        assertTrue(Platforms.mapsMusl(MUSL_MAPS));
        assertTrue(Platforms.mapsMusl("ld-musl-armhf.so.1"));
        assertFalse(Platforms.mapsMusl(GLIBC_MAPS));
        assertFalse(Platforms.mapsMusl(GLIBC_WITH_LOOKALIKE));
        assertFalse(Platforms.mapsMusl(""));
    }

    @Test
    void thisJvmHasAKnownKey() {
        String key = Platforms.current();
        assertTrue(Platforms.knownKeys().contains(key), key);
        assertEquals(key, NativeLibraries.platform());
        System.setProperty(NativeLibraries.PLATFORM_PROPERTY, "windows-aarch_64");
        try {
            assertEquals("windows-aarch_64", NativeLibraries.platform());
        } finally {
            System.clearProperty(NativeLibraries.PLATFORM_PROPERTY);
        }
    }

    /** The keys of the issue, which the plugin's PlatformKeys gives for the same triples. */
    @Test
    void everyKeyOfTheIssueIsKnown() {
        for (String key : new String[] {"linux-x86_64", "linux-aarch_64", "linux-x86_32", "linux-x86_64-musl",
            "windows-x86_64", "windows-x86_32", "windows-aarch_64", "osx-x86_64", "osx-aarch_64"}) {
            assertTrue(Platforms.knownKeys().contains(key), key);
        }
    }

    /** An ELF header with one PT_LOAD and, when given, a PT_INTERP naming {@code interp}. */
    private static byte[] elf(boolean wide, boolean big, String interp) {
        byte[] b = new byte[512];
        b[0] = 0x7f;
        b[1] = 'E';
        b[2] = 'L';
        b[3] = 'F';
        b[4] = (byte) (wide ? 2 : 1);
        b[5] = (byte) (big ? 2 : 1);
        int phoff = 64;
        int entry = wide ? 56 : 32;
        put(b, wide ? 0x20 : 0x1c, wide ? 8 : 4, phoff, big);
        put(b, wide ? 0x36 : 0x2a, 2, entry, big);
        put(b, wide ? 0x38 : 0x2c, 2, interp == null ? 1 : 2, big);
        put(b, phoff, 4, 1, big); // PT_LOAD
        if (interp != null) {
            int at = phoff + entry;
            int offset = 300;
            put(b, at, 4, 3, big); // PT_INTERP
            put(b, wide ? at + 8 : at + 4, wide ? 8 : 4, offset, big);
            put(b, wide ? at + 32 : at + 16, wide ? 8 : 4, interp.length() + 1, big);
            for (int i = 0; i < interp.length(); i++) {
                b[offset + i] = (byte) interp.charAt(i);
            }
        }
        return b;
    }

    private static void put(byte[] b, int at, int size, long value, boolean big) {
        for (int i = 0; i < size; i++) {
            b[at + (big ? size - 1 - i : i)] = (byte) (value >>> (8 * i));
        }
    }

    @Test
    void theDynamicLoaderIsTheElfInterpreterOfTheProgram() throws Exception {
        Object[][] rows = {
            {elf(true, false, "/lib/ld-musl-x86_64.so.1"), "/lib/ld-musl-x86_64.so.1", true},
            {elf(true, false, "/lib64/ld-linux-x86-64.so.2"), "/lib64/ld-linux-x86-64.so.2", false},
            {elf(false, true, "/lib/ld-musl-armhf.so.1"), "/lib/ld-musl-armhf.so.1", true},
            {elf(false, false, "/lib/ld-linux.so.2"), "/lib/ld-linux.so.2", false},
            // a static program names no loader; a text file is no ELF; a header cut short is not read past
            {elf(true, false, null), null, false},
            {"#!/bin/sh\necho not an ELF file at all, but long enough to be one...............\n".getBytes("UTF-8"),
                null, false},
            {java.util.Arrays.copyOf(elf(true, false, "/lib/ld-musl-x86_64.so.1"), 200), null, false},
        };
        for (Object[] row : rows) {
            String interp = Platforms.interpreter((byte[]) row[0]);
            assertEquals(row[1], interp);
            assertEquals(row[2], interp != null && Platforms.mapsMusl(interp), String.valueOf(row[1]));
        }
        if (Fixture.linux()) {
            // this JVM's own program asks for the loader that is mapped in it
            byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(
                    java.nio.file.Paths.get("/proc/self/exe")), 4096);
            String interp = Platforms.interpreter(head);
            String maps = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/self/maps")),
                    "UTF-8");
            assertTrue(interp != null && maps.contains(interp.substring(interp.lastIndexOf('/'))), interp);
            assertEquals(Platforms.mapsMusl(maps), Platforms.mapsMusl(interp));
        }
    }
}
