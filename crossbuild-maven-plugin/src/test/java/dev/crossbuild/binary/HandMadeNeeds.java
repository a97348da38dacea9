package dev.crossbuild.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Small hand-made images with the tables the needs reader walks: ELF dynamic sections, PE imports and Mach-O
 * load commands.
 */
public final class HandMadeNeeds {

    private HandMadeNeeds() {
    }

    /** Where {@link #elf} puts its parts, for tests that damage them. */
    static final int ELF_DYNAMIC = 176;
    static final int ELF_STRINGS = 0x200;
    static final int ELF_SECTIONS = 0x400;
    static final long ELF_BASE_ADDRESS = 0x10000;

    /**
     * A 64-bit little-endian x86_64 ELF shared object: two program headers (one PT_LOAD mapping the whole file at
     * {@link #ELF_BASE_ADDRESS}, one PT_DYNAMIC), a dynamic section with DT_NEEDED entries, an optional DT_RUNPATH,
     * DT_STRTAB and DT_STRSZ, the string table, and one (null) section header last, as linkers place them.
     */
    public static byte[] elf(List<String> needed, String runpath) {
        int size = ELF_SECTIONS + 64;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 3).putShort(18, (short) 62).putInt(20, 1);
        b.putLong(32, 64).putLong(40, ELF_SECTIONS).putShort(52, (short) 64);
        b.putShort(54, (short) 56).putShort(56, (short) 2).putShort(58, (short) 64).putShort(60, (short) 1);
        // PT_LOAD: the whole file
        b.putInt(64, 1).putInt(68, 5).putLong(72, 0).putLong(80, ELF_BASE_ADDRESS).putLong(88, ELF_BASE_ADDRESS)
                .putLong(96, size).putLong(104, size).putLong(112, 0x1000);
        int entries = needed.size() + (runpath == null ? 0 : 1) + 3;
        // PT_DYNAMIC
        b.putInt(120, 2).putInt(124, 6).putLong(128, ELF_DYNAMIC).putLong(136, ELF_BASE_ADDRESS + ELF_DYNAMIC)
                .putLong(144, ELF_BASE_ADDRESS + ELF_DYNAMIC).putLong(152, 16L * entries).putLong(160, 16L * entries)
                .putLong(168, 8);
        int strings = 1;
        int at = ELF_DYNAMIC;
        for (String library : needed) {
            b.putLong(at, 1).putLong(at + 8, strings);
            strings = putString(b, strings, library);
            at += 16;
        }
        if (runpath != null) {
            b.putLong(at, 29).putLong(at + 8, strings);
            strings = putString(b, strings, runpath);
            at += 16;
        }
        b.putLong(at, 5).putLong(at + 8, ELF_BASE_ADDRESS + ELF_STRINGS);
        b.putLong(at + 16, 10).putLong(at + 24, strings);
        return b.array();
    }

    private static int putString(ByteBuffer b, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        b.put(ELF_STRINGS + offset, bytes);
        return offset + bytes.length + 1;
    }

    /** A PE32+ image whose one section holds the import and delay-import directories and the DLL names. */
    public static byte[] pe(List<String> imports, List<String> delayImports, int subsystem) {
        ByteBuffer b = ByteBuffer.allocate(0x600).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40);
        b.put(0x40, (byte) 'P').put(0x41, (byte) 'E');
        b.putShort(0x44, (short) 0x8664).putShort(0x46, (short) 1).putShort(0x54, (short) 240)
                .putShort(0x56, (short) 0x22);
        int opt = 0x58;
        b.putShort(opt, (short) 0x20b).putLong(opt + 24, 0x140000000L).putShort(opt + 68, (short) subsystem)
                .putInt(opt + 108, 16);
        int section = opt + 240;
        b.put(section, ".idata".getBytes(StandardCharsets.US_ASCII));
        b.putInt(section + 8, 0x400).putInt(section + 12, 0x1000).putInt(section + 16, 0x400)
                .putInt(section + 20, 0x200);
        int importRva = 0x1000;
        int delayRva = importRva + 20 * (imports.size() + 1);
        int names = delayRva + 32 * (delayImports.size() + 1);
        b.putInt(opt + 112 + 8, importRva).putInt(opt + 112 + 12, 20 * (imports.size() + 1));
        b.putInt(opt + 112 + 8 * 13, delayRva).putInt(opt + 112 + 8 * 13 + 4, 32 * (delayImports.size() + 1));
        for (int i = 0; i < imports.size(); i++) {
            int descriptor = 0x200 + (importRva - 0x1000) + 20 * i;
            b.putInt(descriptor + 4, 0).putInt(descriptor + 12, names).putInt(descriptor + 16, 0x1300);
            names = putName(b, names, imports.get(i));
        }
        for (int i = 0; i < delayImports.size(); i++) {
            int descriptor = 0x200 + (delayRva - 0x1000) + 32 * i;
            b.putInt(descriptor, 1).putInt(descriptor + 4, names);
            names = putName(b, names, delayImports.get(i));
        }
        return b.array();
    }

    private static int putName(ByteBuffer b, int rva, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        b.put(0x200 + (rva - 0x1000), bytes);
        return rva + bytes.length + 1;
    }

    /**
     * A 64-bit little-endian Mach-O executable with dylib, rpath and build-version load commands, and a
     * {@code __TEXT} segment that spans the whole file.
     */
    public static byte[] machO(List<String> dylibs, List<String> rpaths, int minos) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xFEEDFACF).putInt(4, 0x0100000C).putInt(12, 2);
        int at = 32;
        int count = 0;
        for (String dylib : dylibs) {
            int size = align(24 + dylib.length() + 1);
            b.putInt(at, 0xc).putInt(at + 4, size).putInt(at + 8, 24);
            b.put(at + 24, dylib.getBytes(StandardCharsets.US_ASCII));
            at += size;
            count++;
        }
        for (String rpath : rpaths) {
            int size = align(12 + rpath.length() + 1);
            b.putInt(at, 0x8000001c).putInt(at + 4, size).putInt(at + 8, 12);
            b.put(at + 12, rpath.getBytes(StandardCharsets.US_ASCII));
            at += size;
            count++;
        }
        b.putInt(at, 0x32).putInt(at + 4, 24).putInt(at + 8, 1).putInt(at + 12, minos).putInt(at + 16, minos);
        at += 24;
        count++;
        b.putInt(at, 0x19).putInt(at + 4, 72).put(at + 8, "__TEXT".getBytes(StandardCharsets.US_ASCII))
                .putLong(at + 40, 0).putLong(at + 48, b.capacity());
        at += 72;
        count++;
        b.putInt(16, count).putInt(20, at - 32);
        return b.array();
    }

    private static int align(int size) {
        return (size + 7) & ~7;
    }
}
