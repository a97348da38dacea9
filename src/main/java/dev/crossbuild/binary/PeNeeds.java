package dev.crossbuild.binary;

import static dev.crossbuild.binary.BinaryNeedsReader.guard;
import static dev.crossbuild.binary.BinaryNeedsReader.string;
import static dev.crossbuild.binary.BinaryNeedsReader.u16;
import static dev.crossbuild.binary.BinaryNeedsReader.u32;
import static dev.crossbuild.binary.BinaryNeedsReader.u64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PE: the import and delay-import directories (DLL names) and the subsystem. */
final class PeNeeds {

    private static final int IMPORT_DIRECTORY = 1;
    private static final int DELAY_IMPORT_DIRECTORY = 13;

    private PeNeeds() {
    }

    private record Section(long virtualAddress, long virtualSize, long rawOffset, long rawSize) {
    }

    static Optional<BinaryNeeds> read(ByteSource source) throws IOException {
        byte[] dos = source.read(0, 64);
        long pe = u32(dos, 0x3c, true);
        byte[] coff = source.read(pe, 24);
        if (coff.length < 24 || coff[0] != 'P' || coff[1] != 'E' || coff[2] != 0 || coff[3] != 0) {
            return Optional.empty();
        }
        int sections = u16(coff, 6, true);
        int optionalSize = u16(coff, 20, true);
        guard(sections);
        byte[] optional = source.read(pe + 24, optionalSize);
        if (optional.length < 2) {
            return Optional.empty();
        }
        boolean plus = u16(optional, 0, true) == 0x20b;
        long imageBase = plus ? u64(optional, 24, true) : u32(optional, 28, true);
        int subsystem = optional.length > 70 ? u16(optional, 68, true) : 0;
        int directories = plus ? 112 : 96;
        int count = optional.length >= directories ? (int) u32(optional, directories - 4, true) : 0;
        List<Section> table = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            byte[] s = source.read(pe + 24 + optionalSize + 40L * i, 40);
            if (s.length < 40) {
                break;
            }
            table.add(new Section(u32(s, 12, true), u32(s, 8, true), u32(s, 20, true), u32(s, 16, true)));
        }
        List<String> dlls = new ArrayList<>();
        if (count > IMPORT_DIRECTORY) {
            long rva = u32(optional, directories + 8 * IMPORT_DIRECTORY, true);
            for (long at = offset(table, rva); at >= 0 && rva != 0; at += 20) {
                byte[] d = source.read(at, 20);
                if (d.length < 20 || isZero(d)) {
                    break;
                }
                add(dlls, string(source, offset(table, u32(d, 12, true))));
                guard(dlls.size());
            }
        }
        if (count > DELAY_IMPORT_DIRECTORY) {
            long rva = u32(optional, directories + 8 * DELAY_IMPORT_DIRECTORY, true);
            for (long at = offset(table, rva); at >= 0 && rva != 0; at += 32) {
                byte[] d = source.read(at, 32);
                if (d.length < 32 || isZero(d)) {
                    break;
                }
                long name = u32(d, 4, true);
                // attribute bit 0 clear: an old image whose fields are virtual addresses, not RVAs
                long nameRva = (u32(d, 0, true) & 1) == 0 ? name - imageBase : name;
                add(dlls, string(source, offset(table, nameRva)));
                guard(dlls.size());
            }
        }
        return Optional.of(new BinaryNeeds(ObjectFormat.PE_COFF, dlls, List.of(), Map.of(), subsystem(subsystem), null));
    }

    private static void add(List<String> dlls, String name) {
        if (!name.isEmpty() && dlls.stream().noneMatch(d -> d.equalsIgnoreCase(name))) {
            dlls.add(name);
        }
    }

    private static String subsystem(int value) {
        return switch (value) {
            case 2 -> "windows";
            case 3 -> "console";
            case 1 -> "native";
            case 10, 11, 12 -> "efi";
            default -> "subsystem " + value;
        };
    }

    private static long offset(List<Section> sections, long rva) {
        for (Section s : sections) {
            if (rva >= s.virtualAddress() && rva < s.virtualAddress() + Math.max(s.virtualSize(), s.rawSize())) {
                return s.rawOffset() + (rva - s.virtualAddress());
            }
        }
        return -1;
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
