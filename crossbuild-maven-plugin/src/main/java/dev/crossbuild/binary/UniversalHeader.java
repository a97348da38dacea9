package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.u64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fat header of a universal Mach-O file (big-endian, 0xCAFEBABE or 0xCAFEBABF for 64-bit offsets) and its
 * slices, each checked to lie inside the file.
 */
final class UniversalHeader {

    /** Above this a 0xCAFEBABE file is a Java class file (the number is its major version), not a universal binary. */
    private static final int MAX_ARCHES = 44;

    /**
     * One architecture's slice: a thin Mach-O file, or an ar archive of Mach-O objects (a universal static
     * library, as lipo makes them).
     */
    record Slice(int cpuType, ByteSource bytes, boolean archive) {
    }

    private UniversalHeader() {
    }

    /** Whether the data starts with a fat magic number and an architecture count no class file has. */
    static boolean isUniversal(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        long magic = u32(head, 0, false);
        return (magic == 0xCAFEBABEL || magic == 0xCAFEBABFL) && u32(head, 4, false) <= MAX_ARCHES;
    }

    static List<Slice> slices(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] head = source.read(0, 8, "universal Mach-O header");
        boolean fat64 = u32(head, 0, false) == 0xCAFEBABFL;
        long count = u32(head, 4, false);
        if (count == 0) {
            throw source.malformed("the universal Mach-O header lists no architectures");
        }
        int entrySize = fat64 ? 32 : 20;
        byte[] entries = source.read(8, count * entrySize, "universal Mach-O architecture table");
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = i * entrySize;
            int cpuType = (int) u32(entries, at, false);
            long offset = fat64 ? u64(entries, at + 8, false) : u32(entries, at + 8, false);
            long size = fat64 ? u64(entries, at + 16, false) : u32(entries, at + 12, false);
            String part = "slice " + (i + 1) + " (" + Machines.mach(cpuType) + ")";
            source.requireRange(offset, size, "universal Mach-O " + part);
            ByteSource bytes = source.slice(offset, size, part);
            byte[] magic = bytes.readUpTo(0, 8);
            boolean archive = BinaryHeaders.isArchive(magic);
            if (!archive && !MachOHeader.isMachO(magic)) {
                throw bytes.malformed("is neither a Mach-O file nor an ar archive");
            }
            slices.add(new Slice(cpuType, bytes, archive));
        }
        return slices;
    }
}
