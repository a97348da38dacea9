package dev.crossbuild.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Minimal headers for the formats no toolchain on the test machines builds (PE for ARM64 and x86,
 * Mach-O, universal Mach-O, MSVC import libraries): only the fields the reader looks at, laid out as
 * the format specifications place them.
 */
final class HandMadeHeaders {

    private HandMadeHeaders() {
    }

    /** DOS header with e_lfanew = 0x80, then "PE\0\0", the COFF file header and the optional header magic. */
    static byte[] pe(int machine, boolean dll, boolean pe32plus) {
        ByteBuffer b = ByteBuffer.allocate(0x200).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z');
        b.putInt(0x3c, 0x80);
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
        b.putShort(0x84, (short) machine);
        b.putShort(0x86, (short) 3);
        b.putShort(0x94, (short) (pe32plus ? 240 : 224));
        b.putShort(0x96, (short) (0x0002 | (dll ? 0x2000 : 0)));
        b.putShort(0x98, (short) (pe32plus ? 0x20b : 0x10b));
        return b.array();
    }

    /**
     * A 32-bit little-endian ELF header with no program or section headers: type, machine and {@code e_flags}
     * (ARM: the EABI version in the top byte, 0x400 hard-float, 0x200 soft-float).
     */
    static byte[] elf32(int type, int machine, int flags) {
        ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0x7f).put(1, (byte) 'E').put(2, (byte) 'L').put(3, (byte) 'F');
        b.put(4, (byte) 1).put(5, (byte) 1).put(6, (byte) 1);
        b.putShort(16, (short) type);
        b.putShort(18, (short) machine);
        b.putInt(20, 1);
        b.putInt(36, flags);
        b.putShort(40, (short) 52);
        return b.array();
    }

    /** A thin Mach-O header (magic, cputype, cpusubtype, filetype) in the given byte order. */
    static byte[] machO(int cpuType, int fileType, boolean is64, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(64).order(order);
        b.putInt(0, is64 ? 0xFEEDFACF : 0xFEEDFACE);
        b.putInt(4, cpuType);
        b.putInt(12, fileType);
        return b.array();
    }

    /** A universal file: big-endian fat header, entries, then each slice at a 4096-byte boundary. */
    static byte[] fat(boolean fat64, byte[]... slices) {
        int entrySize = fat64 ? 32 : 20;
        int offset = 4096;
        ByteBuffer b = ByteBuffer.allocate(4096 * (slices.length + 1)).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, fat64 ? 0xCAFEBABF : 0xCAFEBABE);
        b.putInt(4, slices.length);
        for (int i = 0; i < slices.length; i++) {
            int at = 8 + i * entrySize;
            int cpuType = ByteBuffer.wrap(slices[i]).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
            b.putInt(at, cpuType);
            if (fat64) {
                b.putLong(at + 8, offset);
                b.putLong(at + 16, slices[i].length);
            } else {
                b.putInt(at + 8, offset);
                b.putInt(at + 12, slices[i].length);
            }
            b.put(offset, slices[i]);
            offset += 4096;
        }
        return b.array();
    }

    /** An MSVC-style short import object (IMPORT_OBJECT_HEADER) for one symbol. */
    static byte[] importObject(int machine) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) 0);
        b.putShort(2, (short) 0xFFFF);
        b.putShort(4, (short) 0);
        b.putShort(6, (short) machine);
        b.putInt(12, 12);
        byte[] names = "f\0x.dll\0".getBytes(StandardCharsets.US_ASCII);
        b.position(20);
        b.put(names);
        return b.array();
    }

    /** A GNU/System V ar archive with a symbol index member first, then the given members. */
    static byte[] ar(byte[]... members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
        arMember(out, "/", new byte[] {0, 0, 0, 0});
        for (int i = 0; i < members.length; i++) {
            arMember(out, "m" + i + ".obj/", members[i]);
        }
        return out.toByteArray();
    }

    /** A BSD ar archive (long names stored before the data, as macOS libtool writes them). */
    static byte[] bsdAr(String name, byte[] member) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("!<arch>\n".getBytes(StandardCharsets.US_ASCII));
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[nameBytes.length + member.length];
        System.arraycopy(nameBytes, 0, data, 0, nameBytes.length);
        System.arraycopy(member, 0, data, nameBytes.length, member.length);
        arMember(out, "#1/" + nameBytes.length, data);
        return out.toByteArray();
    }

    private static void arMember(ByteArrayOutputStream out, String name, byte[] data) {
        String header = String.format("%-16s%-12s%-6s%-6s%-8s%-10d`\n", name, "0", "0", "0", "644", data.length);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write('\n');
        }
    }
}
