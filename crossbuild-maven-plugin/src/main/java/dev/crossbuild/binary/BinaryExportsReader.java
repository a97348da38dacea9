package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the exported symbols of an ELF shared object ({@code .dynsym}), a PE DLL (the export directory's name
 * table) or a Mach-O dylib (its export trie, else the external symbols of {@code LC_SYMTAB}; every slice of a
 * universal file), in Java, from the file's own tables. A file that starts like one of these but whose tables do
 * not fit it is a {@link MalformedBinaryException}, never an answer of "exports nothing".
 */
public final class BinaryExportsReader {

    private BinaryExportsReader() {
    }

    /**
     * What the library exports, or empty for files that are none of these formats (archives included: a static
     * library is no library a program loads).
     *
     * @throws MalformedBinaryException when the file starts like one of them but cannot be read as one
     */
    public static Optional<BinaryExports> read(Path file) throws IOException, MalformedBinaryException {
        try (ByteSource source = ByteSource.open(file)) {
            return read(source);
        }
    }

    static Optional<BinaryExports> read(byte[] data) throws IOException, MalformedBinaryException {
        return read(ByteSource.of(data));
    }

    static Optional<BinaryExports> read(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] head = source.readUpTo(0, 8);
        if (ElfHeader.isElf(head)) {
            ElfHeader elf = ElfHeader.read(source);
            return Optional.of(new BinaryExports(ObjectFormat.ELF, List.of(Machines.elf(elf.machine(), elf.is64(),
                    elf.little())), ElfExports.read(source, elf)));
        }
        if (MachOHeader.isMachO(head)) {
            MachOHeader header = MachOHeader.read(source);
            return Optional.of(new BinaryExports(ObjectFormat.MACH_O, List.of(Machines.mach(header.cpuType())),
                    MachOExports.read(source)));
        }
        if (UniversalHeader.isUniversal(head)) {
            return universal(source);
        }
        Optional<Long> pe = PeHeader.signature(source);
        if (pe.isPresent()) {
            PeHeader header = PeHeader.read(source, pe.get());
            return Optional.of(new BinaryExports(ObjectFormat.PE_COFF, List.of(Machines.coff(header.machine())),
                    PeExports.read(source, header)));
        }
        return Optional.empty();
    }

    /** A universal Mach-O file: the names every Mach-O slice exports (a name one slice lacks fails there). */
    private static Optional<BinaryExports> universal(ByteSource source) throws IOException, MalformedBinaryException {
        List<String> architectures = new ArrayList<>();
        Set<String> common = null;
        for (UniversalHeader.Slice slice : UniversalHeader.slices(source)) {
            if (slice.archive()) {
                continue;
            }
            architectures.add(Machines.mach(slice.cpuType()));
            Set<String> names = MachOExports.read(slice.bytes());
            if (common == null) {
                common = new TreeSet<>(names);
            } else {
                common.retainAll(names);
            }
        }
        if (common == null) {
            // a universal static library
            return Optional.empty();
        }
        return Optional.of(new BinaryExports(ObjectFormat.MACH_O, architectures, common));
    }
}
