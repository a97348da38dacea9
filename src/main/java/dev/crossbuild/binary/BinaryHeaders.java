package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the machine architecture from the header of ELF, PE, Mach-O (thin and universal) files and
 * of ar archives (static and import libraries, whose members are ELF, COFF or Mach-O objects).
 * Only headers are read, never whole files.
 */
public final class BinaryHeaders {

    private static final int AR_MEMBER_HEADER = 60;
    private static final int MAX_AR_MEMBERS = 100_000;
    /** Above this a 0xCAFEBABE file is a Java class file (its major version), not a universal binary. */
    private static final int MAX_FAT_ARCHES = 44;

    private BinaryHeaders() {
    }

    /** The header of a file, or empty when it is none of the formats this class knows. */
    public static Optional<BinaryHeader> read(Path file) throws IOException {
        try (ByteSource source = ByteSource.open(file)) {
            return read(source);
        }
    }

    static Optional<BinaryHeader> read(byte[] data) throws IOException {
        return read(ByteSource.of(data));
    }

    static Optional<BinaryHeader> read(ByteSource source) throws IOException {
        byte[] head = source.read(0, 8);
        if (head.length >= 8 && new String(head, 0, 8, StandardCharsets.ISO_8859_1).equals("!<arch>\n")) {
            return archive(source);
        }
        Optional<BinaryHeader> image = image(source, 0);
        if (image.isPresent() || head.length < 8) {
            return image;
        }
        long magic = u32(head, 0, false);
        if (magic == 0xCAFEBABEL || magic == 0xCAFEBABFL) {
            return universal(source, magic == 0xCAFEBABFL);
        }
        return Optional.empty();
    }

    /** An ELF, PE or thin Mach-O file starting at {@code base}. */
    private static Optional<BinaryHeader> image(ByteSource source, long base) throws IOException {
        byte[] head = source.read(base, 64);
        if (head.length >= 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return Optional.of(elf(head));
        }
        if (head.length >= 64 && head[0] == 'M' && head[1] == 'Z') {
            return pe(source, base, head);
        }
        if (head.length >= 16) {
            return machO(head);
        }
        return Optional.empty();
    }

    private static BinaryHeader elf(byte[] head) {
        boolean is64 = head[4] == 2;
        boolean little = head[5] != 2;
        int type = u16(head, 16, little);
        int machine = u16(head, 18, little);
        String arch = Machines.elf(machine, is64, little);
        BinaryKind kind = switch (type) {
            case 1 -> BinaryKind.OBJECT;
            case 2 -> BinaryKind.EXECUTABLE;
            case 3 -> BinaryKind.SHARED_OBJECT;
            default -> BinaryKind.OTHER;
        };
        String description = "ELF " + (is64 ? "64" : "32") + "-bit " + (little ? "LSB" : "MSB") + " "
                + kind.displayName() + ", " + arch;
        return new BinaryHeader(ObjectFormat.ELF, kind, List.of(arch), description);
    }

    private static Optional<BinaryHeader> pe(ByteSource source, long base, byte[] dosHeader) throws IOException {
        long peOffset = u32(dosHeader, 0x3c, true);
        byte[] pe = source.read(base + peOffset, 26);
        if (pe.length < 26 || pe[0] != 'P' || pe[1] != 'E' || pe[2] != 0 || pe[3] != 0) {
            return Optional.empty();
        }
        int machine = u16(pe, 4, true);
        int characteristics = u16(pe, 22, true);
        int optionalMagic = u16(pe, 24, true);
        String arch = Machines.coff(machine);
        boolean dll = (characteristics & 0x2000) != 0;
        String description = (optionalMagic == 0x20b ? "PE32+" : "PE32") + " " + (dll ? "DLL" : "executable")
                + ", " + arch;
        return Optional.of(new BinaryHeader(ObjectFormat.PE_COFF,
                dll ? BinaryKind.SHARED_LIBRARY : BinaryKind.EXECUTABLE, List.of(arch), description));
    }

    private static Optional<BinaryHeader> machO(byte[] head) {
        long magic = u32(head, 0, false);
        boolean little;
        boolean is64;
        if (magic == 0xFEEDFACEL || magic == 0xFEEDFACFL) {
            little = false;
            is64 = magic == 0xFEEDFACFL;
        } else if (magic == 0xCEFAEDFEL || magic == 0xCFFAEDFEL) {
            little = true;
            is64 = magic == 0xCFFAEDFEL;
        } else {
            return Optional.empty();
        }
        String arch = Machines.mach((int) u32(head, 4, little));
        BinaryKind kind = machKind((int) u32(head, 12, little));
        String description = "Mach-O " + (is64 ? "64" : "32") + "-bit " + kind.displayName() + ", " + arch;
        return Optional.of(new BinaryHeader(ObjectFormat.MACH_O, kind, List.of(arch), description));
    }

    private static BinaryKind machKind(int fileType) {
        return switch (fileType) {
            case 1 -> BinaryKind.OBJECT;
            case 2 -> BinaryKind.EXECUTABLE;
            case 6, 8 -> BinaryKind.SHARED_LIBRARY;
            default -> BinaryKind.OTHER;
        };
    }

    /** A universal (fat) Mach-O file: big-endian fat header, then one entry per architecture slice. */
    private static Optional<BinaryHeader> universal(ByteSource source, boolean fat64) throws IOException {
        long count = u32(source.read(4, 4), 0, false);
        if (count < 1 || count > MAX_FAT_ARCHES) {
            return Optional.empty();
        }
        int entrySize = fat64 ? 32 : 20;
        byte[] entries = source.read(8, (int) count * entrySize);
        if (entries.length < count * entrySize) {
            return Optional.empty();
        }
        List<String> arches = new ArrayList<>();
        BinaryKind kind = BinaryKind.OTHER;
        for (int i = 0; i < count; i++) {
            int at = i * entrySize;
            arches.add(Machines.mach((int) u32(entries, at, false)));
            if (i == 0) {
                long offset = fat64 ? u64(entries, at + 8) : u32(entries, at + 8, false);
                kind = image(source, offset).map(BinaryHeader::kind).orElse(BinaryKind.OTHER);
            }
        }
        String description = "universal Mach-O " + kind.displayName() + " (" + String.join(", ", arches) + ")";
        return Optional.of(new BinaryHeader(ObjectFormat.MACH_O, kind, arches, description));
    }

    /** An ar archive: the architectures of its object members, skipping symbol tables and name tables. */
    private static Optional<BinaryHeader> archive(ByteSource source) throws IOException {
        long size = source.size();
        long position = 8;
        Set<String> arches = new LinkedHashSet<>();
        Set<ObjectFormat> formats = new LinkedHashSet<>();
        boolean onlyImports = true;
        for (int members = 0; members < MAX_AR_MEMBERS && position + AR_MEMBER_HEADER <= size; members++) {
            byte[] header = source.read(position, AR_MEMBER_HEADER);
            String name = ascii(header, 0, 16).trim();
            long memberSize = parseDecimal(ascii(header, 48, 10));
            if (memberSize < 0) {
                break;
            }
            long data = position + AR_MEMBER_HEADER;
            long dataSize = memberSize;
            if (name.startsWith("#1/")) {
                // BSD long name: the name precedes the member's data and counts in its size
                long nameLength = parseDecimal(name.substring(3));
                name = ascii(source.read(data, (int) Math.max(0, nameLength)), 0, (int) nameLength).trim();
                data += nameLength;
                dataSize -= nameLength;
            }
            if (!isIndex(name) && dataSize > 0) {
                Optional<Member> member = member(source, data);
                if (member.isPresent()) {
                    arches.add(member.get().arch());
                    formats.add(member.get().format());
                    onlyImports &= member.get().importObject();
                }
            }
            position = position + AR_MEMBER_HEADER + memberSize;
            position += position & 1;
        }
        if (arches.isEmpty()) {
            return Optional.empty();
        }
        ObjectFormat format = formats.iterator().next();
        BinaryKind kind = onlyImports ? BinaryKind.IMPORT_LIBRARY : BinaryKind.STATIC_LIBRARY;
        String description = kind.displayName() + " (ar archive of " + format.displayName() + " objects), "
                + String.join("+", arches);
        return Optional.of(new BinaryHeader(format, kind, List.copyOf(arches), description));
    }

    private record Member(ObjectFormat format, String arch, boolean importObject) {
    }

    private static Optional<Member> member(ByteSource source, long data) throws IOException {
        byte[] head = source.read(data, 20);
        if (head.length < 8) {
            return Optional.empty();
        }
        if (u16(head, 0, true) == 0 && u16(head, 2, true) == 0xFFFF) {
            // short import object (version 0) or an anonymous/bigobj object: machine at offset 6
            int machine = u16(head, 6, true);
            return Machines.knownCoff(machine)
                    .map(arch -> new Member(ObjectFormat.PE_COFF, arch, u16(head, 4, true) == 0));
        }
        Optional<BinaryHeader> image = image(source, data);
        if (image.isPresent()) {
            return Optional.of(new Member(image.get().format(), image.get().architectures().get(0), false));
        }
        // a plain COFF object starts with its machine type
        return Machines.knownCoff(u16(head, 0, true)).map(arch -> new Member(ObjectFormat.PE_COFF, arch, false));
    }

    private static boolean isIndex(String name) {
        return name.equals("/") || name.equals("//") || name.equals("/SYM64/") || name.startsWith("__.SYMDEF")
                || name.equals("/<ECSYMBOLS>/") || name.equals("/<HYBRIDMAP>/");
    }

    private static long parseDecimal(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || !trimmed.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(trimmed);
    }

    private static String ascii(byte[] bytes, int from, int length) {
        int end = Math.min(bytes.length, from + Math.max(0, length));
        return from >= end ? "" : new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).replace('\0', ' ');
    }

    static int u16(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xff;
        int b1 = b[at + 1] & 0xff;
        return little ? b0 | b1 << 8 : b0 << 8 | b1;
    }

    static long u32(byte[] b, int at, boolean little) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int shift = little ? 8 * i : 8 * (3 - i);
            value |= (long) (b[at + i] & 0xff) << shift;
        }
        return value;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at, false) << 32 | u32(b, at + 4, false);
    }

    static String hex(int value) {
        return "0x" + Integer.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
