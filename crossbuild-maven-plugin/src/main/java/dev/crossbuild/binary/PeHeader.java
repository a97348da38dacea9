package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.hex;
import static dev.crossbuild.binary.Bytes.u16;
import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.u64;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The headers of a PE image (DOS stub, COFF file header, optional header, section table), checked against the
 * file: the optional header and the section table lie inside it, and so does every section's raw data, which
 * is what tells an image cut short from a whole one.
 *
 * @param directories the data directories' RVAs (at most the 16 the loader reads)
 */
record PeHeader(int machine, int characteristics, boolean plus, long imageBase, int subsystem,
        List<Section> sections, List<Long> directories) {

    static final int EXPORT_DIRECTORY = 0;
    static final int IMPORT_DIRECTORY = 1;
    static final int DELAY_IMPORT_DIRECTORY = 13;
    private static final int MAX_DIRECTORIES = 16;

    /** A section: its virtual address and size, and where its raw data lies in the file. */
    record Section(String name, long virtualAddress, long virtualSize, long rawOffset, long rawSize) {

        /** Whether the RVA falls in this section's raw data (the zero-filled tail past it is in no file). */
        boolean holds(long rva) {
            return rva >= virtualAddress && rva - virtualAddress < rawSize;
        }
    }

    /**
     * The PE signature's offset when the data is an MZ file whose {@code e_lfanew} points at "PE\0\0", or empty:
     * a DOS program, or a file whose PE part was cut off, is no PE image.
     */
    static Optional<Long> signature(ByteSource source) throws IOException {
        byte[] dos = source.readUpTo(0, 64);
        if (dos.length < 64 || dos[0] != 'M' || dos[1] != 'Z') {
            return Optional.empty();
        }
        long pe = u32(dos, 0x3c, true);
        byte[] signature = source.readUpTo(pe, 4);
        if (signature.length < 4 || signature[0] != 'P' || signature[1] != 'E' || signature[2] != 0
                || signature[3] != 0) {
            return Optional.empty();
        }
        return Optional.of(pe);
    }

    static PeHeader read(ByteSource source, long pe) throws IOException, MalformedBinaryException {
        byte[] coff = source.read(pe + 4, 20, "PE file header");
        int machine = u16(coff, 0, true);
        int sectionCount = u16(coff, 2, true);
        int optionalSize = u16(coff, 16, true);
        int characteristics = u16(coff, 18, true);
        long optionalAt = pe + 24;
        byte[] optional = source.read(optionalAt, optionalSize, "PE optional header");
        if (optionalSize < 2) {
            throw source.malformed("PE optional header of " + optionalSize + " bytes (an image needs one)");
        }
        int magic = u16(optional, 0, true);
        if (magic != 0x10b && magic != 0x20b) {
            throw source.malformed("unknown PE optional header magic " + hex(magic) + " (0x10B is PE32, 0x20B PE32+)");
        }
        boolean plus = magic == 0x20b;
        int directoriesAt = plus ? 112 : 96;
        if (optionalSize < directoriesAt) {
            throw source.malformed("PE optional header of " + optionalSize + " bytes (at least " + directoriesAt
                    + " needed)");
        }
        long imageBase = plus ? u64(optional, 24, true) : u32(optional, 28, true);
        int subsystem = u16(optional, 68, true);
        long directoryCount = u32(optional, directoriesAt - 4, true);
        if (directoryCount > (optionalSize - directoriesAt) / 8) {
            throw source.malformed("PE optional header of " + optionalSize + " bytes has no room for the "
                    + directoryCount + " data directories it lists");
        }
        List<Long> directories = new ArrayList<>();
        for (int i = 0; i < Math.min(directoryCount, MAX_DIRECTORIES); i++) {
            directories.add(u32(optional, directoriesAt + 8 * i, true));
        }
        long tableAt = optionalAt + optionalSize;
        source.requireTable(tableAt, sectionCount, 40, "PE section table");
        byte[] table = source.read(tableAt, 40L * sectionCount, "PE section table");
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < sectionCount; i++) {
            int at = 40 * i;
            String name = new String(table, at, 8, StandardCharsets.ISO_8859_1).replace("\0", "");
            Section section = new Section(name, u32(table, at + 12, true), u32(table, at + 8, true),
                    u32(table, at + 20, true), u32(table, at + 16, true));
            if (section.rawSize() > 0) {
                source.requireRange(section.rawOffset(), section.rawSize(), "PE section `" + name + "`");
            }
            sections.add(section);
        }
        return new PeHeader(machine, characteristics, plus, imageBase, subsystem, List.copyOf(sections),
                List.copyOf(directories));
    }

    /** The RVA of a data directory, or 0 when the image has none. */
    long directory(int index) {
        return index < directories.size() ? directories.get(index) : 0;
    }

    /** The section whose raw data holds the RVA. */
    Optional<Section> sectionOf(long rva) {
        return sections.stream().filter(s -> s.holds(rva)).findFirst();
    }

    boolean isDll() {
        return (characteristics & 0x2000) != 0;
    }
}
