package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.hex;
import static dev.crossbuild.binary.Bytes.isZero;
import static dev.crossbuild.binary.Bytes.u32;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PE: the import and delay-import directories (DLL names) and the subsystem. Every RVA must fall in a section's
 * raw data, and every directory must end (with its all-zero entry) before its section does.
 */
final class PeNeeds {

    private static final int IMPORT_DESCRIPTOR = 20;
    private static final int DELAY_IMPORT_DESCRIPTOR = 32;
    /** Far more DLLs than any image imports; more descriptors than this are a damaged directory. */
    private static final int MAX_DESCRIPTORS = 100_000;

    private PeNeeds() {
    }

    /** Only for sources where {@link PeHeader#signature} found the PE signature at {@code pe}. */
    static BinaryNeeds read(ByteSource source, long pe) throws IOException, MalformedBinaryException {
        PeHeader header = PeHeader.read(source, pe);
        List<String> dlls = new ArrayList<>();
        long imports = header.directory(PeHeader.IMPORT_DIRECTORY);
        if (imports != 0) {
            for (byte[] d : descriptors(source, header, imports, IMPORT_DESCRIPTOR, "PE import directory")) {
                add(dlls, name(source, header, u32(d, 12, true), "PE import directory"));
            }
        }
        long delayImports = header.directory(PeHeader.DELAY_IMPORT_DIRECTORY);
        if (delayImports != 0) {
            for (byte[] d : descriptors(source, header, delayImports, DELAY_IMPORT_DESCRIPTOR,
                    "PE delay-import directory")) {
                long name = u32(d, 4, true);
                // attribute bit 0 clear: an old image whose fields are virtual addresses, not RVAs
                long nameRva = (u32(d, 0, true) & 1) == 0 ? name - header.imageBase() : name;
                add(dlls, name(source, header, nameRva, "PE delay-import directory"));
            }
        }
        return new BinaryNeeds(ObjectFormat.PE_COFF, dlls, List.of(), Map.of(), subsystem(header.subsystem()), null);
    }

    /** A directory's descriptors up to the all-zero one that ends it, which must come before its section ends. */
    private static List<byte[]> descriptors(ByteSource source, PeHeader header, long rva, int size, String what)
            throws IOException, MalformedBinaryException {
        PeHeader.Section section = header.sectionOf(rva).orElseThrow(() -> source.malformed(what
                + " points outside the file (RVA " + hex(rva) + " is in no section's data)"));
        long at = section.rawOffset() + (rva - section.virtualAddress());
        long end = section.rawOffset() + section.rawSize();
        List<byte[]> descriptors = new ArrayList<>();
        while (true) {
            if (size > end - at) {
                throw source.malformed(what + " runs past the end of section `" + section.name() + "` without its"
                        + " closing empty entry");
            }
            byte[] descriptor = source.read(at, size, what);
            if (isZero(descriptor)) {
                return descriptors;
            }
            if (descriptors.size() == MAX_DESCRIPTORS) {
                throw source.malformed(what + " has more than " + MAX_DESCRIPTORS + " entries");
            }
            descriptors.add(descriptor);
            at += size;
        }
    }

    /** A DLL name: its RVA must fall in a section's data, and the name must end there. */
    private static String name(ByteSource source, PeHeader header, long rva, String directory)
            throws IOException, MalformedBinaryException {
        String what = directory + " DLL name";
        PeHeader.Section section = header.sectionOf(rva).orElseThrow(() -> source.malformed(what
                + " points outside the file (RVA " + hex(rva) + " is in no section's data)"));
        long offset = section.rawOffset() + (rva - section.virtualAddress());
        String name = source.string(offset, section.rawOffset() + section.rawSize(), what);
        if (name.isEmpty()) {
            throw source.malformed(what + " at RVA " + hex(rva) + " is empty");
        }
        return name;
    }

    private static void add(List<String> dlls, String name) {
        if (dlls.stream().noneMatch(d -> d.equalsIgnoreCase(name))) {
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
}
