package dev.crossbuild.binary;

import static dev.crossbuild.binary.BinaryNeedsReader.guard;
import static dev.crossbuild.binary.BinaryNeedsReader.string;
import static dev.crossbuild.binary.BinaryNeedsReader.u32;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Mach-O: {@code LC_LOAD_DYLIB}, {@code LC_LOAD_WEAK_DYLIB}, {@code LC_RPATH} and the minimum OS version. */
final class MachONeeds {

    private static final long LC_LOAD_DYLIB = 0xc;
    private static final long LC_LOAD_WEAK_DYLIB = 0x80000018L;
    private static final long LC_REEXPORT_DYLIB = 0x8000001fL;
    private static final long LC_RPATH = 0x8000001cL;
    private static final long LC_VERSION_MIN_MACOSX = 0x24;
    private static final long LC_BUILD_VERSION = 0x32;

    private MachONeeds() {
    }

    static Optional<BinaryNeeds> read(ByteSource source, long base) throws IOException {
        byte[] head = source.read(base, 32);
        if (head.length < 28) {
            return Optional.empty();
        }
        long magic = u32(head, 0, true);
        boolean little;
        boolean is64;
        if (magic == 0xFEEDFACEL || magic == 0xFEEDFACFL) {
            little = true;
            is64 = magic == 0xFEEDFACFL;
        } else if (magic == 0xCEFAEDFEL || magic == 0xCFFAEDFEL) {
            little = false;
            is64 = magic == 0xCFFAEDFEL;
        } else {
            return Optional.empty();
        }
        int commands = (int) u32(head, 16, little);
        guard(commands);
        long at = base + (is64 ? 32 : 28);
        List<String> libraries = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String minimum = null;
        for (int i = 0; i < commands; i++) {
            byte[] lc = source.read(at, 24);
            if (lc.length < 8) {
                break;
            }
            long cmd = u32(lc, 0, little);
            long size = u32(lc, 4, little);
            if (cmd == LC_LOAD_DYLIB || cmd == LC_LOAD_WEAK_DYLIB || cmd == LC_REEXPORT_DYLIB) {
                libraries.add(string(source, at + u32(lc, 8, little)));
            } else if (cmd == LC_RPATH) {
                paths.add(string(source, at + u32(lc, 8, little)));
            } else if (cmd == LC_BUILD_VERSION && lc.length >= 16) {
                minimum = version(u32(lc, 12, little));
            } else if (cmd == LC_VERSION_MIN_MACOSX && lc.length >= 12 && minimum == null) {
                minimum = version(u32(lc, 8, little));
            }
            if (size < 8) {
                break;
            }
            at += size;
        }
        return Optional.of(new BinaryNeeds(ObjectFormat.MACH_O, libraries, paths, Map.of(), null, minimum));
    }

    /** {@code xxxx.yy.zz} in nibbles: {@code 0x000b0000} is 11.0. */
    static String version(long encoded) {
        long major = encoded >> 16;
        long minor = (encoded >> 8) & 0xff;
        long patch = encoded & 0xff;
        return major + "." + minor + (patch == 0 ? "" : "." + patch);
    }
}
