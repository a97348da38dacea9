package dev.crossbuild.binary;

import static dev.crossbuild.binary.BinaryNeedsReader.guard;
import static dev.crossbuild.binary.BinaryNeedsReader.string;
import static dev.crossbuild.binary.BinaryNeedsReader.u16;
import static dev.crossbuild.binary.BinaryNeedsReader.u32;
import static dev.crossbuild.binary.BinaryNeedsReader.u64;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ELF: {@code DT_NEEDED}, {@code DT_RUNPATH}/{@code DT_RPATH} and {@code .gnu.version_r}, found through the program headers. */
final class ElfNeeds {

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_RPATH = 15;
    private static final long DT_RUNPATH = 29;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;

    private ElfNeeds() {
    }

    /** A loadable segment: virtual addresses to file offsets. */
    private record Segment(long vaddr, long offset, long size) {
    }

    static BinaryNeeds read(ByteSource source, byte[] head) throws IOException {
        boolean is64 = head[4] == 2;
        boolean little = head[5] != 2;
        long phoff = is64 ? u64(head, 32, little) : u32(head, 28, little);
        int phentsize = u16(head, is64 ? 54 : 42, little);
        int phnum = u16(head, is64 ? 56 : 44, little);
        guard(phnum);
        List<Segment> loads = new ArrayList<>();
        long dynOffset = -1;
        long dynSize = 0;
        for (int i = 0; i < phnum; i++) {
            byte[] ph = source.read(phoff + (long) i * phentsize, phentsize);
            if (ph.length < (is64 ? 56 : 32)) {
                break;
            }
            long type = u32(ph, 0, little);
            long offset = is64 ? u64(ph, 8, little) : u32(ph, 4, little);
            long vaddr = is64 ? u64(ph, 16, little) : u32(ph, 8, little);
            long filesz = is64 ? u64(ph, 32, little) : u32(ph, 16, little);
            if (type == PT_LOAD) {
                loads.add(new Segment(vaddr, offset, filesz));
            } else if (type == PT_DYNAMIC) {
                dynOffset = offset;
                dynSize = filesz;
            }
        }
        if (dynOffset < 0) {
            // static executable or object: it needs nothing from the loader
            return new BinaryNeeds(ObjectFormat.ELF, List.of(), List.of(), Map.of(), null, null);
        }
        int entrySize = is64 ? 16 : 8;
        byte[] dyn = source.read(dynOffset, (int) Math.min(dynSize, 1 << 20));
        List<Long> needed = new ArrayList<>();
        List<Long> paths = new ArrayList<>();
        long strtab = -1;
        long verneed = -1;
        long verneedNum = 0;
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
            } else if (tag == DT_RPATH || tag == DT_RUNPATH) {
                paths.add(value);
            } else if (tag == DT_VERNEED) {
                verneed = value;
            } else if (tag == DT_VERNEEDNUM) {
                verneedNum = value;
            }
        }
        long strings = fileOffset(loads, strtab);
        List<String> libraries = new ArrayList<>();
        for (long name : needed) {
            libraries.add(string(source, strings + name));
        }
        List<String> searchPaths = new ArrayList<>();
        for (long path : paths) {
            searchPaths.addAll(Arrays.asList(string(source, strings + path).split(":")));
        }
        Map<String, List<String>> versions = new LinkedHashMap<>();
        long entry = fileOffset(loads, verneed);
        guard((int) verneedNum);
        for (int i = 0; i < verneedNum && entry >= 0; i++) {
            byte[] vn = source.read(entry, 16);
            if (vn.length < 16) {
                break;
            }
            int count = u16(vn, 2, little);
            String file = string(source, strings + u32(vn, 4, little));
            long aux = entry + u32(vn, 8, little);
            List<String> names = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                byte[] vna = source.read(aux, 16);
                if (vna.length < 16) {
                    break;
                }
                names.add(string(source, strings + u32(vna, 8, little)));
                long next = u32(vna, 12, little);
                if (next == 0) {
                    break;
                }
                aux += next;
            }
            versions.put(file, List.copyOf(names));
            long next = u32(vn, 12, little);
            if (next == 0) {
                break;
            }
            entry += next;
        }
        return new BinaryNeeds(ObjectFormat.ELF, libraries, searchPaths, versions, null, null);
    }

    private static long fileOffset(List<Segment> loads, long address) {
        if (address < 0) {
            return -1;
        }
        for (Segment s : loads) {
            if (address >= s.vaddr() && address < s.vaddr() + Math.max(s.size(), 1)) {
                return s.offset() + (address - s.vaddr());
            }
        }
        return address; // objects and some shared objects: addresses are offsets
    }
}
