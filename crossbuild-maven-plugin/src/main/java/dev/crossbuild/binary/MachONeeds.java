package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.u64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mach-O: {@code LC_LOAD_DYLIB}, {@code LC_LOAD_WEAK_DYLIB}, {@code LC_RPATH} and the minimum OS version. Each
 * load command must fit in the space the header gives them, each name must end inside its command, and each
 * segment's file range must lie in the file (the last one ends the file, so a file cut short is found).
 */
final class MachONeeds {

    private static final long LC_LOAD_DYLIB = 0xc;
    private static final long LC_LOAD_WEAK_DYLIB = 0x80000018L;
    private static final long LC_REEXPORT_DYLIB = 0x8000001fL;
    private static final long LC_RPATH = 0x8000001cL;
    private static final long LC_VERSION_MIN_MACOSX = 0x24;
    private static final long LC_BUILD_VERSION = 0x32;
    private static final long LC_SEGMENT = 0x1;
    private static final long LC_SEGMENT_64 = 0x19;
    /** The fixed parts of the commands read here: dylib_command, rpath_command, build_version, version_min. */
    private static final int DYLIB_COMMAND = 24;
    private static final int RPATH_COMMAND = 12;
    private static final int BUILD_VERSION_COMMAND = 24;
    private static final int VERSION_MIN_COMMAND = 16;
    private static final int SEGMENT_COMMAND = 56;
    private static final int SEGMENT_64_COMMAND = 72;

    private MachONeeds() {
    }

    /** Only for sources that start with a thin Mach-O magic number. */
    static BinaryNeeds read(ByteSource source) throws IOException, MalformedBinaryException {
        MachOHeader header = MachOHeader.read(source);
        boolean little = header.little();
        List<String> libraries = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String[] minimum = new String[1];
        header.forEachCommand(source, (i, cmd, at, size) -> {
            if (cmd == LC_LOAD_DYLIB || cmd == LC_LOAD_WEAK_DYLIB || cmd == LC_REEXPORT_DYLIB) {
                libraries.add(name(source, at, size, DYLIB_COMMAND, little, i, "dylib name"));
            } else if (cmd == LC_RPATH) {
                paths.add(name(source, at, size, RPATH_COMMAND, little, i, "rpath"));
            } else if (cmd == LC_BUILD_VERSION) {
                minimum[0] = version(u32(MachOHeader.command(source, at, size, BUILD_VERSION_COMMAND, i), 12,
                        little));
            } else if (cmd == LC_VERSION_MIN_MACOSX && minimum[0] == null) {
                minimum[0] = version(u32(MachOHeader.command(source, at, size, VERSION_MIN_COMMAND, i), 8, little));
            } else if (cmd == LC_SEGMENT_64) {
                byte[] segment = MachOHeader.command(source, at, size, SEGMENT_64_COMMAND, i);
                source.requireRange(u64(segment, 40, little), u64(segment, 48, little), segmentName(segment));
            } else if (cmd == LC_SEGMENT) {
                byte[] segment = MachOHeader.command(source, at, size, SEGMENT_COMMAND, i);
                source.requireRange(u32(segment, 32, little), u32(segment, 36, little), segmentName(segment));
            }
        });
        return new BinaryNeeds(ObjectFormat.MACH_O, libraries, paths, Map.of(), null, minimum[0]);
    }

    private static String segmentName(byte[] segment) {
        String name = new String(segment, 8, 16, StandardCharsets.ISO_8859_1);
        int end = name.indexOf('\0');
        return "Mach-O segment `" + (end < 0 ? name : name.substring(0, end)) + "`";
    }


    /** An {@code lc_str}: a NUL-terminated string at an offset from the command's start, inside the command. */
    private static String name(ByteSource source, long at, long size, int fixed, boolean little, long index,
            String kind) throws IOException, MalformedBinaryException {
        byte[] command = MachOHeader.command(source, at, size, fixed, index);
        long offset = u32(command, 8, little);
        String what = kind + " of Mach-O load command " + index;
        if (offset < fixed || offset >= size) {
            throw source.malformed(what + " at offset " + offset + " is outside its " + size + "-byte command");
        }
        return source.string(at + offset, at + size, what);
    }

    /** {@code xxxx.yy.zz} in nibbles: {@code 0x000b0000} is 11.0. */
    static String version(long encoded) {
        long major = encoded >> 16;
        long minor = (encoded >> 8) & 0xff;
        long patch = encoded & 0xff;
        return major + "." + minor + (patch == 0 ? "" : "." + patch);
    }
}
