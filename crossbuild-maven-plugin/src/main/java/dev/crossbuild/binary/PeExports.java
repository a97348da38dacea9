package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.hex;
import static dev.crossbuild.binary.Bytes.u32;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * PE: the names of the export directory's name pointer table, which {@code GetProcAddress} looks names up in.
 * The directory, the table and every name must lie in a section's raw data.
 */
final class PeExports {

    private static final int EXPORT_DIRECTORY = 40;

    private PeExports() {
    }

    static Set<String> read(ByteSource source, PeHeader header) throws IOException, MalformedBinaryException {
        Set<String> names = new TreeSet<>();
        long rva = header.directory(PeHeader.EXPORT_DIRECTORY);
        if (rva == 0) {
            return names;
        }
        String what = "PE export directory";
        long directory = fileOffset(source, header, rva, EXPORT_DIRECTORY, what);
        byte[] d = source.read(directory, EXPORT_DIRECTORY, what);
        long count = u32(d, 24, true);
        if (count == 0) {
            return names;
        }
        long table = u32(d, 32, true);
        long tableAt = fileOffset(source, header, table, 4, "PE export name pointer table");
        PeHeader.Section section = header.sectionOf(table).orElseThrow();
        long sectionEnd = section.rawOffset() + section.rawSize();
        if (count > (sectionEnd - tableAt) / 4) {
            throw source.malformed("PE export name pointer table of " + count + " entries runs past the end of"
                    + " section `" + section.name() + "`");
        }
        byte[] pointers = source.read(tableAt, count * 4, "PE export name pointer table");
        for (int i = 0; i < count; i++) {
            long nameRva = u32(pointers, 4 * i, true);
            int index = i;
            PeHeader.Section holder = header.sectionOf(nameRva).orElseThrow(() -> source.malformed(
                    "PE export name " + index + " points outside the file (RVA " + hex(nameRva) + " is in no section's"
                            + " data)"));
            long at = holder.rawOffset() + (nameRva - holder.virtualAddress());
            String name = source.string(at, holder.rawOffset() + holder.rawSize(), "PE export name " + i);
            if (name.isEmpty()) {
                throw source.malformed("PE export name " + i + " at RVA " + hex(nameRva) + " is empty");
            }
            names.add(name);
        }
        return names;
    }

    /** The file offset of {@code size} bytes at an RVA, which must lie in one section's raw data. */
    private static long fileOffset(ByteSource source, PeHeader header, long rva, long size, String what)
            throws MalformedBinaryException {
        PeHeader.Section section = header.sectionOf(rva).orElseThrow(() -> source.malformed(what
                + " points outside the file (RVA " + hex(rva) + " is in no section's data)"));
        long at = section.rawOffset() + (rva - section.virtualAddress());
        if (size > section.rawOffset() + section.rawSize() - at) {
            throw source.malformed(what + " at RVA " + hex(rva) + " runs past the end of section `"
                    + section.name() + "`");
        }
        return at;
    }
}
