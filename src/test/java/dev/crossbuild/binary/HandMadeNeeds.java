package dev.crossbuild.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small hand-made images with the tables the needs reader walks: PE imports and Mach-O load commands. */
public final class HandMadeNeeds {

    private HandMadeNeeds() {
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

    /** A 64-bit little-endian Mach-O executable with dylib, rpath and build-version load commands. */
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
        b.putInt(16, count).putInt(20, at - 32);
        return b.array();
    }

    private static int align(int size) {
        return (size + 7) & ~7;
    }
}
