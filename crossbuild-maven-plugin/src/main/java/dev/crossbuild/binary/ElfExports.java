package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u16;
import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.u64;
import static dev.crossbuild.binary.Bytes.unsigned;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

/**
 * ELF: the symbols of the dynamic symbol table ({@code .dynsym}) that the dynamic loader can bind by name, found
 * as the loader finds them, through the dynamic section: {@code DT_SYMTAB}, {@code DT_STRTAB}/{@code DT_STRSZ},
 * and the symbol count from {@code DT_HASH} (its chain count) or {@code DT_GNU_HASH} (its last chain's end).
 * A symbol counts when it is defined (a section index other than {@code SHN_UNDEF}), global, weak or unique, and
 * of default or protected visibility.
 */
final class ElfExports {

    private static final long DT_HASH = 4;
    private static final long DT_STRTAB = 5;
    private static final long DT_SYMTAB = 6;
    private static final long DT_STRSZ = 10;
    private static final long DT_SYMENT = 11;
    private static final long DT_GNU_HASH = 0x6ffffef5L;
    private static final int STB_GLOBAL = 1;
    private static final int STB_WEAK = 2;
    private static final int STB_GNU_UNIQUE = 10;
    private static final int STT_SECTION = 3;
    private static final int STT_FILE = 4;
    private static final int STV_DEFAULT = 0;
    private static final int STV_PROTECTED = 3;
    /** Symbols are read in batches of this many, so that no read is larger than {@link ByteSource#MAX_READ}. */
    private static final int BATCH = 4096;

    private ElfExports() {
    }

    static Set<String> read(ByteSource source, ElfHeader elf) throws IOException, MalformedBinaryException {
        boolean is64 = elf.is64();
        boolean little = elf.little();
        ElfNeeds.Layout layout = ElfNeeds.layout(source, elf);
        Set<String> names = new TreeSet<>();
        if (layout.dynamic() == null) {
            // a static executable or an object file: the loader binds nothing in it by name
            return names;
        }
        int entrySize = is64 ? 16 : 8;
        byte[] dyn = source.read(layout.dynamic().offset(), layout.dynamic().size(), "dynamic section");
        Long symtab = null;
        Long strtab = null;
        Long strsz = null;
        Long syment = null;
        Long hash = null;
        Long gnuHash = null;
        for (int at = 0; at + entrySize <= dyn.length; at += entrySize) {
            long tag = is64 ? u64(dyn, at, little) : u32(dyn, at, little);
            long value = is64 ? u64(dyn, at + 8, little) : u32(dyn, at + 4, little);
            if (tag == 0) {
                break;
            }
            if (tag == DT_SYMTAB) {
                symtab = value;
            } else if (tag == DT_STRTAB) {
                strtab = value;
            } else if (tag == DT_STRSZ) {
                strsz = value;
            } else if (tag == DT_SYMENT) {
                syment = value;
            } else if (tag == DT_HASH) {
                hash = value;
            } else if (tag == DT_GNU_HASH) {
                gnuHash = value;
            }
        }
        if (symtab == null || (hash == null && gnuHash == null)) {
            // without a symbol table, or a hash table to look names up in, the loader finds no symbol by name
            return names;
        }
        if (strtab == null) {
            throw source.malformed("the dynamic section has a symbol table (DT_SYMTAB) but no string table"
                    + " (DT_STRTAB)");
        }
        int symbolSize = is64 ? 24 : 16;
        if (syment != null && syment != symbolSize) {
            throw source.malformed("dynamic symbol entries of " + unsigned(syment) + " bytes (DT_SYMENT; "
                    + symbolSize + " expected)");
        }
        long symbols = ElfNeeds.fileOffset(source, layout.loads(), symtab, "symbol table (DT_SYMTAB)");
        long count = hash != null
                ? hashCount(source, ElfNeeds.fileOffset(source, layout.loads(), hash, "hash table (DT_HASH)"), little)
                : gnuHashCount(source, ElfNeeds.fileOffset(source, layout.loads(), gnuHash,
                        "GNU hash table (DT_GNU_HASH)"), little, is64);
        source.requireTable(symbols, count, symbolSize, "dynamic symbol table (DT_SYMTAB)");
        long strings = ElfNeeds.fileOffset(source, layout.loads(), strtab, "string table (DT_STRTAB)");
        if (strsz == null) {
            throw source.malformed("the dynamic section has a string table (DT_STRTAB) without its size (DT_STRSZ)");
        }
        byte[] table = source.read(strings, strsz, "string table (DT_STRTAB, DT_STRSZ)");
        for (long first = 0; first < count; first += BATCH) {
            long batch = Math.min(BATCH, count - first);
            byte[] entries = source.read(symbols + first * symbolSize, batch * symbolSize, "dynamic symbol table");
            for (int i = 0; i < batch; i++) {
                int at = i * symbolSize;
                long name = u32(entries, at, little);
                int info = entries[at + (is64 ? 4 : 12)] & 0xff;
                int other = entries[at + (is64 ? 5 : 13)] & 0xff;
                int section = u16(entries, at + (is64 ? 6 : 14), little);
                if (exported(info, other, section)) {
                    String symbol = name(source, table, name, first + i);
                    if (!symbol.isEmpty()) {
                        names.add(symbol);
                    }
                }
            }
        }
        return names;
    }

    private static boolean exported(int info, int other, int section) {
        int binding = info >> 4;
        int type = info & 0xf;
        int visibility = other & 0x3;
        return section != 0 && (binding == STB_GLOBAL || binding == STB_WEAK || binding == STB_GNU_UNIQUE)
                && type != STT_SECTION && type != STT_FILE && (visibility == STV_DEFAULT
                        || visibility == STV_PROTECTED);
    }

    private static String name(ByteSource source, byte[] table, long offset, long symbol)
            throws MalformedBinaryException {
        if (offset >= table.length) {
            throw source.malformed("the name of dynamic symbol " + symbol + " at string table offset "
                    + unsigned(offset) + " is beyond the string table (" + table.length + " bytes)");
        }
        int start = (int) offset;
        int limit = (int) Math.min(table.length, start + (long) ByteSource.MAX_STRING);
        for (int end = start; end < limit; end++) {
            if (table[end] == 0) {
                return new String(table, start, end - start, StandardCharsets.UTF_8);
            }
        }
        throw source.malformed("the name of dynamic symbol " + symbol + " at string table offset " + offset
                + " has no terminating NUL " + (limit < table.length ? "within " + ByteSource.MAX_STRING + " bytes"
                        : "before the end of the string table"));
    }

    /** {@code DT_HASH}: {@code nbucket}, {@code nchain}, and as many symbols as chains. */
    private static long hashCount(ByteSource source, long at, boolean little)
            throws IOException, MalformedBinaryException {
        byte[] header = source.read(at, 8, "hash table (DT_HASH)");
        long buckets = u32(header, 0, little);
        long chains = u32(header, 4, little);
        source.requireTable(at + 8, buckets + chains, 4, "hash table (DT_HASH)");
        return chains;
    }

    /**
     * {@code DT_GNU_HASH} has no symbol count: the symbols end where the chain of the highest bucket ends (the
     * entry whose low bit is set). Every chain entry read must lie in the file, so a damaged table cannot loop.
     */
    private static long gnuHashCount(ByteSource source, long at, boolean little, boolean is64)
            throws IOException, MalformedBinaryException {
        String what = "GNU hash table (DT_GNU_HASH)";
        byte[] header = source.read(at, 16, what);
        long buckets = u32(header, 0, little);
        long symbolOffset = u32(header, 4, little);
        long bloomWords = u32(header, 8, little);
        long bloomAt = at + 16;
        source.requireTable(bloomAt, bloomWords, is64 ? 8 : 4, what + " Bloom filter");
        long bucketsAt = bloomAt + bloomWords * (is64 ? 8 : 4);
        source.requireTable(bucketsAt, buckets, 4, what + " buckets");
        long chainsAt = bucketsAt + buckets * 4;
        long last = 0;
        for (long first = 0; first < buckets; first += BATCH) {
            long batch = Math.min(BATCH, buckets - first);
            byte[] values = source.read(bucketsAt + first * 4, batch * 4, what + " buckets");
            for (int i = 0; i < batch; i++) {
                last = Math.max(last, u32(values, 4 * i, little));
            }
        }
        if (last == 0) {
            // every bucket is empty: no symbol is hashed, the table holds only those before the offset
            return symbolOffset;
        }
        if (last < symbolOffset) {
            throw source.malformed(what + " has a bucket starting at symbol " + last + ", before its first hashed"
                    + " symbol " + symbolOffset);
        }
        // the chain of the last bucket runs to the entry with its low bit set, which ends the table
        long entry = chainsAt + (last - symbolOffset) * 4;
        long index = last;
        while (true) {
            long left = source.size() - entry;
            if (entry < 0 || left < 4) {
                throw source.malformed(what + " chains run past the end of the file without a last entry");
            }
            int batch = (int) Math.min(BATCH, left / 4);
            byte[] chunk = source.read(entry, batch * 4L, what + " chains");
            for (int i = 0; i < batch; i++) {
                if ((u32(chunk, 4 * i, little) & 1) != 0) {
                    return index + i + 1;
                }
            }
            index += batch;
            entry += batch * 4L;
        }
    }
}
