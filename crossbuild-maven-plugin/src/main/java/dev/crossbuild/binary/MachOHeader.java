package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u32;

import java.io.IOException;

/**
 * The header of a thin Mach-O file, checked against the file: the load commands it announces fit inside it,
 * and there are no more commands than their space can hold.
 *
 * @param commandsAt   where the load commands start (the header's size)
 * @param commandBytes {@code sizeofcmds}
 */
record MachOHeader(boolean little, boolean is64, int cpuType, int fileType, long commands, long commandsAt,
        long commandBytes) {

    /** Whether the data starts with a thin Mach-O magic number, in either byte order. */
    static boolean isMachO(byte[] head) {
        if (head.length < 4) {
            return false;
        }
        long magic = u32(head, 0, false);
        return magic == 0xFEEDFACEL || magic == 0xFEEDFACFL || magic == 0xCEFAEDFEL || magic == 0xCFFAEDFEL;
    }

    static MachOHeader read(ByteSource source) throws IOException, MalformedBinaryException {
        long magic = u32(source.read(0, 4, "Mach-O header"), 0, false);
        boolean little = magic == 0xCEFAEDFEL || magic == 0xCFFAEDFEL;
        boolean is64 = magic == 0xFEEDFACFL || magic == 0xCFFAEDFEL;
        int headerSize = is64 ? 32 : 28;
        if (source.size() < headerSize) {
            throw source.malformed("truncated Mach-O header (" + source.size() + " bytes)");
        }
        byte[] h = source.read(0, headerSize, "Mach-O header");
        long commands = u32(h, 16, little);
        long commandBytes = u32(h, 20, little);
        source.requireRange(headerSize, commandBytes, "Mach-O load commands");
        // every load command takes at least 8 bytes (its cmd and cmdsize)
        if (commands > commandBytes / 8) {
            throw source.malformed("the Mach-O header lists " + commands + " load commands in " + commandBytes
                    + " bytes (each needs at least 8)");
        }
        return new MachOHeader(little, is64, (int) u32(h, 4, little), (int) u32(h, 12, little), commands, headerSize,
                commandBytes);
    }

    /** One load command: its index, its type, where it starts and its size (at least 8, inside the commands). */
    interface CommandVisitor {
        void visit(long index, long cmd, long at, long size) throws IOException, MalformedBinaryException;
    }

    /** Visits every load command in order, each checked to start and end inside the load commands. */
    void forEachCommand(ByteSource source, CommandVisitor visitor) throws IOException, MalformedBinaryException {
        long at = commandsAt;
        long end = commandsAt + commandBytes;
        for (long i = 0; i < commands; i++) {
            if (end - at < 8) {
                throw source.malformed("Mach-O load command " + i + " of " + commands + " starts past the"
                        + " load commands' " + commandBytes + " bytes");
            }
            byte[] prefix = source.read(at, 8, "Mach-O load command " + i);
            long cmd = u32(prefix, 0, little);
            long size = u32(prefix, 4, little);
            if (size < 8 || size > end - at) {
                throw source.malformed("Mach-O load command " + i + " has a size of " + size + " bytes, which does not"
                        + " fit the load commands (" + (end - at) + " bytes left)");
            }
            visitor.visit(i, cmd, at, size);
            at += size;
        }
    }

    /** The fixed part of a command, which its size must cover. */
    static byte[] command(ByteSource source, long at, long size, int fixed, long index)
            throws IOException, MalformedBinaryException {
        if (size < fixed) {
            throw source.malformed("Mach-O load command " + index + " of " + size + " bytes is shorter than its"
                    + " " + fixed + "-byte structure");
        }
        return source.read(at, fixed, "Mach-O load command " + index);
    }

    BinaryKind kind() {
        return switch (fileType) {
            case 1 -> BinaryKind.OBJECT;
            case 2 -> BinaryKind.EXECUTABLE;
            case 6, 8 -> BinaryKind.SHARED_LIBRARY;
            default -> BinaryKind.OTHER;
        };
    }
}
