package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u16;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the machine architecture from the header of ELF, PE, Mach-O (thin and universal), WebAssembly files and
 * of ar archives (static and import libraries, whose members are ELF, COFF or Mach-O objects).
 * Only headers and their tables are read, never whole files; a file that starts like one of these
 * formats but whose headers do not fit it is a {@link MalformedBinaryException}.
 */
public final class BinaryHeaders {

    private static final int AR_MEMBER_HEADER = 60;
    /** Far more than any real library holds; a larger count is a damaged archive. */
    private static final int MAX_AR_MEMBERS = 1_000_000;

    private BinaryHeaders() {
    }

    /**
     * The header of a file, or empty when it is none of the formats this class knows.
     *
     * @throws MalformedBinaryException when the file starts like one of them but cannot be read as one
     */
    public static Optional<BinaryHeader> read(Path file) throws IOException, MalformedBinaryException {
        try (ByteSource source = ByteSource.open(file)) {
            return read(source);
        }
    }

    static Optional<BinaryHeader> read(byte[] data) throws IOException, MalformedBinaryException {
        return read(ByteSource.of(data));
    }

    static Optional<BinaryHeader> read(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] head = source.readUpTo(0, 8);
        if (isArchive(head)) {
            return archive(source);
        }
        if (UniversalHeader.isUniversal(head)) {
            return Optional.of(universal(source));
        }
        return image(source);
    }

    static boolean isArchive(byte[] head) {
        return head.length >= 8 && new String(head, 0, 8, StandardCharsets.ISO_8859_1).equals("!<arch>\n");
    }

    /** An ELF, PE or thin Mach-O file. */
    private static Optional<BinaryHeader> image(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] head = source.readUpTo(0, 4);
        if (ElfHeader.isElf(head)) {
            return Optional.of(elf(ElfHeader.read(source)));
        }
        if (MachOHeader.isMachO(head)) {
            return Optional.of(machO(MachOHeader.read(source)));
        }
        if (WasmModule.isWasm(head)) {
            return Optional.of(WasmModule.read(source).header());
        }
        Optional<Long> pe = PeHeader.signature(source);
        if (pe.isPresent()) {
            return Optional.of(pe(PeHeader.read(source, pe.get())));
        }
        return Optional.empty();
    }

    private static BinaryHeader elf(ElfHeader elf) {
        String arch = Machines.elf(elf.machine(), elf.is64(), elf.little());
        Optional<ArmEabi> eabi = ArmEabi.of(elf.machine(), elf.is64(), elf.flags());
        String description = "ELF " + (elf.is64() ? "64" : "32") + "-bit " + (elf.little() ? "LSB" : "MSB") + " "
                + elf.kind().displayName() + ", " + arch + eabi.filter(e -> elf.kind().isLoadable())
                        .map(e -> ", " + e.describe()).orElse("");
        return new BinaryHeader(ObjectFormat.ELF, elf.kind(), List.of(arch), description, eabi.orElse(null));
    }

    private static BinaryHeader pe(PeHeader pe) {
        String arch = Machines.coff(pe.machine());
        String description = (pe.plus() ? "PE32+" : "PE32") + " " + (pe.isDll() ? "DLL" : "executable") + ", " + arch;
        return new BinaryHeader(ObjectFormat.PE_COFF, pe.isDll() ? BinaryKind.SHARED_LIBRARY : BinaryKind.EXECUTABLE,
                List.of(arch), description);
    }

    private static BinaryHeader machO(MachOHeader header) {
        String arch = Machines.mach(header.cpuType());
        String description = "Mach-O " + (header.is64() ? "64" : "32") + "-bit " + header.kind().displayName() + ", "
                + arch;
        return new BinaryHeader(ObjectFormat.MACH_O, header.kind(), List.of(arch), description);
    }

    /** A universal (fat) Mach-O file: the architectures of its slices, the kind of the first. */
    private static BinaryHeader universal(ByteSource source) throws IOException, MalformedBinaryException {
        List<String> arches = new ArrayList<>();
        BinaryKind kind = null;
        for (UniversalHeader.Slice slice : UniversalHeader.slices(source)) {
            arches.add(Machines.mach(slice.cpuType()));
            // every slice is read, so that a damaged one is found whichever it is
            BinaryKind sliceKind;
            if (slice.archive()) {
                archive(slice.bytes());
                // a universal static library keeps the kind it always had: it fits when one slice does
                sliceKind = BinaryKind.OTHER;
            } else {
                sliceKind = MachOHeader.read(slice.bytes()).kind();
            }
            if (kind == null) {
                kind = sliceKind;
            }
        }
        String description = "universal Mach-O " + kind.displayName() + " (" + String.join(", ", arches) + ")";
        return new BinaryHeader(ObjectFormat.MACH_O, kind, arches, description);
    }

    /** An ar archive: the architectures of its object members, skipping symbol tables and name tables. */
    private static Optional<BinaryHeader> archive(ByteSource source) throws IOException, MalformedBinaryException {
        long size = source.size();
        long position = 8;
        Set<String> arches = new LinkedHashSet<>();
        Set<ObjectFormat> formats = new LinkedHashSet<>();
        boolean onlyImports = true;
        for (int members = 0; position < size; members++) {
            if (members == MAX_AR_MEMBERS) {
                throw source.malformed("ar archive of more than " + MAX_AR_MEMBERS + " members");
            }
            byte[] header = source.read(position, AR_MEMBER_HEADER, "ar member header");
            if (header[58] != '`' || header[59] != '\n') {
                throw source.malformed("ar member header at offset " + position + " does not end in `\\n");
            }
            String name = ascii(header, 0, 16).trim();
            long memberSize = parseDecimal(ascii(header, 48, 10));
            if (memberSize < 0) {
                throw source.malformed("ar member header at offset " + position + " has no decimal size");
            }
            long data = position + AR_MEMBER_HEADER;
            source.requireRange(data, memberSize, "ar member `" + shown(name) + "`");
            long dataSize = memberSize;
            if (name.startsWith("#1/")) {
                // BSD long name: the name precedes the member's data and counts in its size
                long nameLength = parseDecimal(name.substring(3));
                if (nameLength < 0 || nameLength > memberSize || nameLength > 4096) {
                    throw source.malformed("ar member `" + name + "` at offset " + position + " has a name length"
                            + " that does not fit the member");
                }
                name = ascii(source.read(data, nameLength, "ar member name"), 0, (int) nameLength).trim();
                data += nameLength;
                dataSize -= nameLength;
            }
            if (!isIndex(name) && dataSize > 0) {
                Optional<Member> member = member(source.slice(data, dataSize, "member `" + shown(name) + "`"));
                if (member.isPresent()) {
                    arches.add(member.get().arch());
                    formats.add(member.get().format());
                    onlyImports &= member.get().importObject();
                }
            }
            position = data + dataSize;
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

    private static Optional<Member> member(ByteSource member) throws IOException, MalformedBinaryException {
        byte[] head = member.readUpTo(0, 8);
        if (head.length < 8) {
            return Optional.empty();
        }
        if (u16(head, 0, true) == 0 && u16(head, 2, true) == 0xFFFF) {
            // short import object (version 0) or an anonymous/bigobj object: machine at offset 6
            int machine = u16(head, 6, true);
            return Machines.knownCoff(machine)
                    .map(arch -> new Member(ObjectFormat.PE_COFF, arch, u16(head, 4, true) == 0));
        }
        Optional<BinaryHeader> image = image(member);
        if (image.isPresent()) {
            return Optional.of(new Member(image.get().format(), image.get().architectures().get(0), false));
        }
        // a plain COFF object starts with its machine type
        return Machines.knownCoff(u16(head, 0, true)).map(arch -> new Member(ObjectFormat.PE_COFF, arch, false));
    }

    /** A member's name for messages: GNU ar ends short names with a slash. */
    private static String shown(String name) {
        return name.length() > 1 && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isIndex(String name) {
        return name.equals("/") || name.equals("//") || name.equals("/SYM64/") || name.startsWith("__.SYMDEF")
                || name.equals("/<ECSYMBOLS>/") || name.equals("/<HYBRIDMAP>/");
    }

    private static long parseDecimal(String text) {
        String trimmed = text.trim();
        // at most 18 digits: always a long, never a NumberFormatException
        if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(trimmed);
    }

    private static String ascii(byte[] bytes, int from, int length) {
        int end = Math.min(bytes.length, from + Math.max(0, length));
        return from >= end ? "" : new String(bytes, from, end - from, StandardCharsets.ISO_8859_1).replace('\0', ' ');
    }
}
