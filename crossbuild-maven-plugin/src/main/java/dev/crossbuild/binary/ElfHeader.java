package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u16;
import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.u64;

import java.io.IOException;

/**
 * The ELF file header, checked against the file before anyone uses it: the program and section header tables
 * it points to lie inside the file and their entries are big enough. Section headers usually come last, so
 * this also tells a file cut short from a whole one.
 *
 * @param phnum the number of program headers, {@code PN_XNUM} resolved
 * @param flags {@code e_flags}, the processor-specific flags (the ARM EABI version and float ABI: {@link ArmEabi})
 */
record ElfHeader(boolean is64, boolean little, int type, int machine, long phoff, int phentsize, long phnum,
        int flags) {

    private static final int PN_XNUM = 0xffff;

    /** Whether the data starts with the ELF magic, so that anything wrong after it is an error. */
    static boolean isElf(byte[] head) {
        return head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F';
    }

    static ElfHeader read(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] ident = source.readUpTo(0, 6);
        if (ident.length < 6) {
            throw source.malformed("truncated ELF header (" + source.size() + " bytes)");
        }
        if (ident[4] != 1 && ident[4] != 2) {
            throw source.malformed("unknown ELF class " + ident[4] + " (1 is 32-bit, 2 is 64-bit)");
        }
        if (ident[5] != 1 && ident[5] != 2) {
            throw source.malformed("unknown ELF byte order " + ident[5] + " (1 is little-endian, 2 is big-endian)");
        }
        boolean is64 = ident[4] == 2;
        boolean little = ident[5] == 1;
        int headerSize = is64 ? 64 : 52;
        if (source.size() < headerSize) {
            throw source.malformed("truncated ELF header (" + source.size() + " bytes)");
        }
        byte[] h = source.read(0, headerSize, "ELF header");
        int type = u16(h, 16, little);
        int machine = u16(h, 18, little);
        long phoff = is64 ? u64(h, 32, little) : u32(h, 28, little);
        long shoff = is64 ? u64(h, 40, little) : u32(h, 32, little);
        int flags = (int) u32(h, is64 ? 48 : 36, little);
        int phentsize = u16(h, is64 ? 54 : 42, little);
        int phnum = u16(h, is64 ? 56 : 44, little);
        int shentsize = u16(h, is64 ? 58 : 46, little);
        int shnum = u16(h, is64 ? 60 : 48, little);

        int sectionEntry = is64 ? 64 : 40;
        if (shoff != 0 && shentsize < sectionEntry) {
            throw source.malformed("ELF section header entries of " + shentsize + " bytes (at least " + sectionEntry
                    + " needed)");
        }
        if (shoff == 0 && shnum != 0) {
            throw source.malformed("the ELF header lists " + shnum + " section headers at offset 0");
        }
        long programHeaders = phnum;
        if (phnum == PN_XNUM) {
            // too many for 16 bits: section header 0 holds the count
            if (shoff == 0) {
                throw source.malformed("the ELF header leaves its program header count to a section header, but"
                        + " there are none");
            }
            programHeaders = u32(source.read(shoff, sectionEntry, "section headers"), is64 ? 44 : 28, little);
        }
        if (programHeaders > 0) {
            int minimum = is64 ? 56 : 32;
            if (phentsize < minimum) {
                throw source.malformed("ELF program header entries of " + phentsize + " bytes (at least " + minimum
                        + " needed)");
            }
            source.requireTable(phoff, programHeaders, phentsize, "program headers");
        }
        if (shoff != 0) {
            long sections = shnum;
            if (shnum == 0) {
                // too many for 16 bits (or none): section header 0 holds the count
                byte[] first = source.read(shoff, sectionEntry, "section headers");
                sections = is64 ? u64(first, 32, little) : u32(first, 20, little);
            }
            source.requireTable(shoff, sections, shentsize, "section headers");
        }
        return new ElfHeader(is64, little, type, machine, phoff, phentsize, programHeaders, flags);
    }

    BinaryKind kind() {
        return switch (type) {
            case 1 -> BinaryKind.OBJECT;
            case 2 -> BinaryKind.EXECUTABLE;
            case 3 -> BinaryKind.SHARED_OBJECT;
            default -> BinaryKind.OTHER;
        };
    }
}
