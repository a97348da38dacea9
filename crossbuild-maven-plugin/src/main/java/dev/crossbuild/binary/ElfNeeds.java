package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.hex;
import static dev.crossbuild.binary.Bytes.u16;
import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.u64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ELF: {@code DT_NEEDED}, {@code DT_RUNPATH}/{@code DT_RPATH} and {@code .gnu.version_r}, found through the
 * program headers. Every segment, table and string is checked to lie in the file before it is read.
 */
final class ElfNeeds {

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NEEDED = 1;
    private static final long DT_HASH = 4;
    private static final long DT_GNU_HASH = 0x6ffffef5L;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;
    /** A dynamic section is a few hundred bytes; a larger size is a damaged program header. */
    private static final long MAX_DYNAMIC_BYTES = 1 << 20;
    /** Version needs entries (Elf_Verneed, Elf_Vernaux) are 16 bytes each. */
    private static final int VERSION_ENTRY = 16;

    private ElfNeeds() {
    }

    /** A loadable segment: virtual addresses to file offsets. */
    record Segment(long vaddr, long offset, long size) {

        /** Whether the address is in the part of the segment that comes from the file (not its zero-filled tail). */
        boolean holds(long address) {
            // unsigned: 64-bit addresses may use the top bit
            return Long.compareUnsigned(address, vaddr) >= 0 && Long.compareUnsigned(address - vaddr, size) < 0;
        }
    }

    /** The loadable segments and the dynamic section (null for a file without one), each checked to fit the file. */
    record Layout(List<Segment> loads, Segment dynamic) {
    }

    static Layout layout(ByteSource source, ElfHeader elf) throws IOException, MalformedBinaryException {
        boolean is64 = elf.is64();
        boolean little = elf.little();
        List<Segment> loads = new ArrayList<>();
        Segment dynamic = null;
        for (long i = 0; i < elf.phnum(); i++) {
            byte[] ph = source.read(elf.phoff() + i * elf.phentsize(), is64 ? 56 : 32, "program header " + i);
            long type = u32(ph, 0, little);
            if (type != PT_LOAD && type != PT_DYNAMIC) {
                continue;
            }
            long offset = is64 ? u64(ph, 8, little) : u32(ph, 4, little);
            long vaddr = is64 ? u64(ph, 16, little) : u32(ph, 8, little);
            long filesz = is64 ? u64(ph, 32, little) : u32(ph, 16, little);
            String what = type == PT_LOAD ? "loadable segment (program header " + i + ")" : "dynamic section";
            source.requireRange(offset, filesz, what);
            if (type == PT_LOAD) {
                loads.add(new Segment(vaddr, offset, filesz));
            } else if (dynamic != null) {
                throw source.malformed("two dynamic sections (program headers of type PT_DYNAMIC)");
            } else {
                dynamic = new Segment(vaddr, offset, filesz);
            }
        }
        if (dynamic != null && dynamic.size() > MAX_DYNAMIC_BYTES) {
            throw source.malformed("dynamic section of " + dynamic.size() + " bytes is implausibly large");
        }
        return new Layout(List.copyOf(loads), dynamic);
    }

    static BinaryNeeds read(ByteSource source) throws IOException, MalformedBinaryException {
        ElfHeader elf = ElfHeader.read(source);
        boolean is64 = elf.is64();
        boolean little = elf.little();
        Layout layout = layout(source, elf);
        List<Segment> loads = layout.loads();
        Segment dynamic = layout.dynamic();
        if (dynamic == null) {
            // static executable or object: it needs nothing from the loader
            return new BinaryNeeds(ObjectFormat.ELF, List.of(), List.of(), Map.of(), null, null);
        }
        int entrySize = is64 ? 16 : 8;
        byte[] dyn = source.read(dynamic.offset(), dynamic.size(), "dynamic section");
        List<Long> needed = new ArrayList<>();
        List<Long> paths = new ArrayList<>();
        Long strtab = null;
        Long strsz = null;
        Long verneed = null;
        long verneedNum = 0;
        boolean gnuHash = false;
        boolean sysvHash = false;
        for (int at = 0; at + entrySize <= dyn.length; at += entrySize) {
            long tag = is64 ? u64(dyn, at, little) : u32(dyn, at, little);
            long value = is64 ? u64(dyn, at + 8, little) : u32(dyn, at + 4, little);
            if (tag == 0) {
                break;
            }
            if (tag == DT_NEEDED) {
                needed.add(value);
            } else if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_RPATH || tag == DT_RUNPATH) {
                paths.add(value);
            } else if (tag == DT_VERNEED) {
                verneed = value;
            } else if (tag == DT_VERNEEDNUM) {
                verneedNum = value;
            } else if (tag == DT_GNU_HASH) {
                gnuHash = true;
            } else if (tag == DT_HASH) {
                sysvHash = true;
            }
        }
        boolean gnuHashOnly = gnuHash && !sysvHash;
        if (needed.isEmpty() && paths.isEmpty() && verneed == null) {
            return new BinaryNeeds(ObjectFormat.ELF, List.of(), List.of(), Map.of(), null, null, gnuHashOnly);
        }
        if (strtab == null) {
            throw source.malformed("the dynamic section names libraries but has no string table (DT_STRTAB)");
        }
        long strings = fileOffset(source, loads, strtab, "string table (DT_STRTAB)");
        // without DT_STRSZ the strings may run to the end of the file, and no further
        long stringsEnd = source.size();
        if (strsz != null) {
            source.requireRange(strings, strsz, "string table (DT_STRTAB, DT_STRSZ)");
            stringsEnd = strings + strsz;
        }
        List<String> libraries = new ArrayList<>();
        for (long name : needed) {
            libraries.add(string(source, strings, name, stringsEnd, "DT_NEEDED name"));
        }
        List<String> searchPaths = new ArrayList<>();
        for (long path : paths) {
            searchPaths.addAll(Arrays.asList(string(source, strings, path, stringsEnd, "DT_RUNPATH").split(":")));
        }
        Map<String, List<String>> versions = new LinkedHashMap<>();
        if (verneedNum > 0 && verneed == null) {
            throw source.malformed("the dynamic section counts version needs (DT_VERNEEDNUM) but has no DT_VERNEED");
        }
        if (verneed != null && verneedNum > 0) {
            readVersions(source, little, fileOffset(source, loads, verneed, "version needs (DT_VERNEED)"), verneedNum,
                    strings, stringsEnd, versions);
        }
        return new BinaryNeeds(ObjectFormat.ELF, libraries, searchPaths, versions, null, null, gnuHashOnly);
    }

    /**
     * The {@code .gnu.version_r} chain: per library, the versions it needs. Entries are 16 bytes and do not
     * overlap, so the file's size bounds how many there can be; a chain that ends early or loops is refused.
     */
    private static void readVersions(ByteSource source, boolean little, long first, long count, long strings,
            long stringsEnd, Map<String, List<String>> versions) throws IOException, MalformedBinaryException {
        long budget = source.size() / VERSION_ENTRY;
        if (count > budget) {
            throw source.malformed("DT_VERNEEDNUM of " + count + " version needs does not fit in the file");
        }
        long entry = first;
        for (long i = 0; i < count; i++) {
            byte[] vn = source.read(entry, VERSION_ENTRY, "version needs entry " + i);
            int auxCount = u16(vn, 2, little);
            String file = string(source, strings, u32(vn, 4, little), stringsEnd, "version needs file name");
            long aux = entry + u32(vn, 8, little);
            List<String> names = new ArrayList<>();
            for (int j = 0; j < auxCount; j++) {
                if (--budget < 0) {
                    throw source.malformed("version needs list more entries than the file can hold");
                }
                byte[] vna = source.read(aux, VERSION_ENTRY, "version needs auxiliary entry");
                names.add(string(source, strings, u32(vna, 8, little), stringsEnd, "version name"));
                long next = u32(vna, 12, little);
                if (j < auxCount - 1) {
                    aux = next(source, aux, next, "version needs auxiliary entries of `" + file + "`");
                }
            }
            versions.merge(file, List.copyOf(names), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
            if (i < count - 1) {
                entry = next(source, entry, u32(vn, 12, little), "version needs entries");
            }
        }
    }

    /** The next entry of a chain, which must come after the current one (so no chain can loop). */
    private static long next(ByteSource source, long current, long step, String chain)
            throws MalformedBinaryException {
        if (step == 0) {
            throw source.malformed(chain + " end before their count says");
        }
        if (step < VERSION_ENTRY) {
            throw source.malformed(chain + " overlap (" + step + " bytes apart)");
        }
        return current + step;
    }

    private static String string(ByteSource source, long strings, long name, long stringsEnd, String what)
            throws IOException, MalformedBinaryException {
        if (name >= stringsEnd - strings || name < 0) {
            throw source.malformed(what + " at string table offset " + Bytes.unsigned(name)
                    + " is beyond the string table (" + (stringsEnd - strings) + " bytes)");
        }
        return source.string(strings + name, stringsEnd, what);
    }

    /** The file offset of a virtual address the dynamic section gives: it must be inside a loadable segment. */
    static long fileOffset(ByteSource source, List<Segment> loads, long address, String what)
            throws MalformedBinaryException {
        Optional<Segment> segment = loads.stream().filter(s -> s.holds(address)).findFirst();
        if (segment.isEmpty()) {
            throw source.malformed(what + " at address " + hex(address) + " points outside the file (in no loadable"
                    + " segment)");
        }
        return segment.get().offset() + (address - segment.get().vaddr());
    }
}
