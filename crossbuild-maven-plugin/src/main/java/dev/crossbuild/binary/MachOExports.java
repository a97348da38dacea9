package dev.crossbuild.binary;

import static dev.crossbuild.binary.Bytes.u32;
import static dev.crossbuild.binary.Bytes.unsigned;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mach-O: the export trie that dyld looks names up in ({@code LC_DYLD_EXPORTS_TRIE}, or the export part of
 * {@code LC_DYLD_INFO}/{@code LC_DYLD_INFO_ONLY}); a file with neither (an old or hand-linked one) falls back to
 * the external defined symbols of {@code LC_SYMTAB}. Names come back without the leading underscore that C
 * names have in Mach-O. The trie is walked with every node offset inside it and visited once, so a damaged trie
 * cannot loop.
 */
final class MachOExports {

    private static final long LC_SYMTAB = 0x2;
    private static final long LC_DYLD_INFO = 0x22;
    private static final long LC_DYLD_INFO_ONLY = 0x80000022L;
    private static final long LC_DYLD_EXPORTS_TRIE = 0x80000033L;
    private static final int SYMTAB_COMMAND = 24;
    private static final int DYLD_INFO_COMMAND = 48;
    private static final int LINKEDIT_DATA_COMMAND = 16;
    private static final int N_STAB = 0xe0;
    private static final int N_PEXT = 0x10;
    private static final int N_TYPE = 0x0e;
    private static final int N_EXT = 0x01;
    private static final int N_UNDF = 0x0;
    /** Far more than the names of any real library add up to; a trie that spells more is damaged. */
    private static final long MAX_NAME_BYTES = 64L << 20;
    private static final int EXPORT_SYMBOL_FLAGS_REEXPORT = 0x08;
    private static final int EXPORT_SYMBOL_FLAGS_STUB_AND_RESOLVER = 0x10;

    private MachOExports() {
    }

    static Set<String> read(ByteSource source) throws IOException, MalformedBinaryException {
        MachOHeader header = MachOHeader.read(source);
        boolean little = header.little();
        long[][] found = new long[2][]; // the export trie's offset and size; the symbol table's four fields
        header.forEachCommand(source, (i, cmd, at, size) -> {
            if (cmd == LC_DYLD_EXPORTS_TRIE) {
                byte[] c = MachOHeader.command(source, at, size, LINKEDIT_DATA_COMMAND, i);
                found[0] = new long[] {u32(c, 8, little), u32(c, 12, little)};
            } else if ((cmd == LC_DYLD_INFO || cmd == LC_DYLD_INFO_ONLY) && found[0] == null) {
                byte[] c = MachOHeader.command(source, at, size, DYLD_INFO_COMMAND, i);
                if (u32(c, 44, little) != 0) {
                    found[0] = new long[] {u32(c, 40, little), u32(c, 44, little)};
                }
            } else if (cmd == LC_SYMTAB) {
                byte[] c = MachOHeader.command(source, at, size, SYMTAB_COMMAND, i);
                found[1] = new long[] {u32(c, 8, little), u32(c, 12, little), u32(c, 16, little), u32(c, 20, little)};
            }
        });
        long[] trie = found[0];
        long[] symtab = found[1];
        if (trie != null) {
            return trie(source, source.read(trie[0], trie[1], "Mach-O export trie"));
        }
        if (symtab != null) {
            return symbols(source, header.is64(), little, symtab[0], symtab[1], symtab[2], symtab[3]);
        }
        return new TreeSet<>();
    }

    /** A node to visit: its offset in the trie and the name so far. */
    private record Node(int offset, byte[] prefix) {
    }

    private static Set<String> trie(ByteSource source, byte[] trie) throws MalformedBinaryException {
        Set<String> names = new TreeSet<>();
        if (trie.length == 0) {
            return names;
        }
        BitSet visited = new BitSet(trie.length);
        long budget = MAX_NAME_BYTES;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(new Node(0, new byte[0]));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (visited.get(node.offset())) {
                throw source.malformed("Mach-O export trie node at offset " + node.offset() + " is reached twice (the"
                        + " trie loops or shares nodes)");
            }
            visited.set(node.offset());
            Cursor cursor = new Cursor(source, trie, node.offset());
            long terminalSize = cursor.uleb("terminal size");
            if (terminalSize > trie.length - cursor.at) {
                throw source.malformed("Mach-O export trie node at offset " + node.offset() + " has " + terminalSize
                        + " bytes of export information, past the end of the trie");
            }
            int children = cursor.at + (int) terminalSize;
            if (terminalSize > 0) {
                long flags = cursor.uleb("export flags");
                if ((flags & EXPORT_SYMBOL_FLAGS_REEXPORT) != 0) {
                    cursor.uleb("re-export library ordinal");
                    cursor.string("re-exported name", children);
                } else {
                    cursor.uleb("export address");
                    if ((flags & EXPORT_SYMBOL_FLAGS_STUB_AND_RESOLVER) != 0) {
                        cursor.uleb("resolver address");
                    }
                }
                if (cursor.at > children) {
                    throw source.malformed("Mach-O export trie node at offset " + node.offset() + " has export"
                            + " information longer than its " + terminalSize + " bytes");
                }
                names.add(withoutUnderscore(new String(node.prefix(), StandardCharsets.UTF_8)));
            }
            cursor.at = children;
            int count = cursor.u8("child count");
            for (int c = 0; c < count; c++) {
                byte[] edge = cursor.string("edge label", trie.length);
                long child = cursor.uleb("child offset");
                if (child == 0) {
                    throw source.malformed("Mach-O export trie node at offset " + node.offset() + " has a child at"
                            + " offset 0, the root (the trie loops)");
                }
                if (child < 0 || child >= trie.length) {
                    throw source.malformed("Mach-O export trie node at offset " + node.offset() + " has a child at"
                            + " offset " + unsigned(child) + ", outside the trie's " + trie.length + " bytes");
                }
                if (node.prefix().length + edge.length > ByteSource.MAX_STRING) {
                    throw source.malformed("Mach-O export trie has a name longer than " + ByteSource.MAX_STRING
                            + " bytes");
                }
                budget -= node.prefix().length + edge.length;
                if (budget < 0) {
                    throw source.malformed("Mach-O export trie holds more names than " + MAX_NAME_BYTES
                            + " bytes of them");
                }
                byte[] name = new byte[node.prefix().length + edge.length];
                System.arraycopy(node.prefix(), 0, name, 0, node.prefix().length);
                System.arraycopy(edge, 0, name, node.prefix().length, edge.length);
                pending.push(new Node((int) child, name));
            }
        }
        return names;
    }

    /** Reads ULEB128 numbers, bytes and strings of the trie, each checked to lie in it. */
    private static final class Cursor {
        private final ByteSource source;
        private final byte[] data;
        int at;

        Cursor(ByteSource source, byte[] data, int at) {
            this.source = source;
            this.data = data;
            this.at = at;
        }

        long uleb(String what) throws MalformedBinaryException {
            long value = 0;
            int shift = 0;
            while (true) {
                if (at >= data.length) {
                    throw source.malformed("Mach-O export trie " + what + " runs past the end of the trie");
                }
                int b = data[at++] & 0xff;
                if (shift > 63 || (shift == 63 && (b & 0x7e) != 0)) {
                    throw source.malformed("Mach-O export trie " + what + " at offset " + (at - 1) + " does not fit"
                            + " in 64 bits");
                }
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
                shift += 7;
            }
        }

        int u8(String what) throws MalformedBinaryException {
            if (at >= data.length) {
                throw source.malformed("Mach-O export trie " + what + " runs past the end of the trie");
            }
            return data[at++] & 0xff;
        }

        byte[] string(String what, int limit) throws MalformedBinaryException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int end = Math.min(limit, data.length);
            while (at < end) {
                byte b = data[at++];
                if (b == 0) {
                    return bytes.toByteArray();
                }
                bytes.write(b);
            }
            throw source.malformed("Mach-O export trie " + what + " has no terminating NUL");
        }
    }

    /** The external defined symbols of {@code LC_SYMTAB}: {@code N_EXT} set, not private, not undefined. */
    private static Set<String> symbols(ByteSource source, boolean is64, boolean little, long symoff, long nsyms,
            long stroff, long strsize) throws IOException, MalformedBinaryException {
        int entry = is64 ? 16 : 12;
        source.requireTable(symoff, nsyms, entry, "Mach-O symbol table (LC_SYMTAB)");
        source.requireRange(stroff, strsize, "Mach-O string table (LC_SYMTAB)");
        Set<String> names = new TreeSet<>();
        byte[] table = source.read(symoff, nsyms * entry, "Mach-O symbol table (LC_SYMTAB)");
        for (int i = 0; i < nsyms; i++) {
            int at = i * entry;
            int type = table[at + 4] & 0xff;
            if ((type & N_STAB) != 0 || (type & N_EXT) == 0 || (type & N_PEXT) != 0 || (type & N_TYPE) == N_UNDF) {
                continue;
            }
            long name = u32(table, at, little);
            if (name == 0) {
                continue;
            }
            if (name >= strsize) {
                throw source.malformed("the name of Mach-O symbol " + i + " at string table offset " + name
                        + " is beyond the string table (" + strsize + " bytes)");
            }
            String symbol = source.string(stroff + name, stroff + strsize, "Mach-O symbol name");
            if (!symbol.isEmpty()) {
                names.add(withoutUnderscore(symbol));
            }
        }
        return names;
    }

    private static String withoutUnderscore(String name) {
        return name.startsWith("_") ? name.substring(1) : name;
    }
}
