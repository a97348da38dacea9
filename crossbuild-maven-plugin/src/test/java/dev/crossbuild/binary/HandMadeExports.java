package dev.crossbuild.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small hand-made images with export tables: an ELF shared object with either hash table, a 32-bit x86 PE DLL
 * (whose names may carry stdcall decorations, which
 * no compiler here writes with the leading underscore MSVC gives them) and thin Mach-O dylibs with an export trie
 * or a symbol table, for the parser's edge cases and the mutation test.
 */
public final class HandMadeExports {

    private HandMadeExports() {
    }

    /** Where {@link #elf} puts its parts, for tests that damage them. */
    static final int ELF_DYNAMIC = 0x100;
    static final int ELF_SYMBOLS = 0x200;
    static final int ELF_STRINGS = 0x400;
    static final int ELF_HASH = 0x600;
    static final int ELF_SECTIONS = 0x7c0;
    static final long ELF_BASE = 0x10000;
    /** The dynamic entries of {@link #elf}, in order: DT_SYMTAB, DT_STRTAB, DT_STRSZ, DT_SYMENT, the hash table. */
    static final int ELF_DT_HASH_ENTRY = ELF_DYNAMIC + 4 * 16;

    /**
     * A 64-bit little-endian x86_64 ELF shared object whose dynamic symbol table defines these global functions,
     * beside symbols that are not exported (undefined, local, hidden), found through DT_HASH or DT_GNU_HASH (one
     * bucket); one PT_LOAD maps the whole file at {@link #ELF_BASE}, and the one (null) section header comes last.
     */
    public static byte[] elf(List<String> names, boolean gnuHash) {
        ByteBuffer b = ByteBuffer.allocate(ELF_SECTIONS + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 3).putShort(18, (short) 62).putInt(20, 1);
        b.putLong(32, 64).putLong(40, ELF_SECTIONS).putShort(52, (short) 64);
        b.putShort(54, (short) 56).putShort(56, (short) 2).putShort(58, (short) 64).putShort(60, (short) 1);
        b.putInt(64, 1).putInt(68, 5).putLong(72, 0).putLong(80, ELF_BASE).putLong(88, ELF_BASE)
                .putLong(96, b.capacity()).putLong(104, b.capacity()).putLong(112, 0x1000);
        b.putInt(120, 2).putInt(124, 6).putLong(128, ELF_DYNAMIC).putLong(136, ELF_BASE + ELF_DYNAMIC)
                .putLong(144, ELF_BASE + ELF_DYNAMIC).putLong(152, 6 * 16).putLong(160, 6 * 16).putLong(168, 8);
        // symbol 0 is the null symbol; then what is not exported, then the exports
        List<String> all = new ArrayList<>(List.of("", "undefined_one", "local_one", "hidden_one"));
        all.addAll(names);
        int strings = 1;
        for (int i = 1; i < all.size(); i++) {
            int entry = ELF_SYMBOLS + 24 * i;
            byte[] name = all.get(i).getBytes(StandardCharsets.UTF_8);
            b.put(ELF_STRINGS + strings, name);
            b.putInt(entry, strings);
            strings += name.length + 1;
            int info = i == 2 ? 0x02 : 0x12;
            b.put(entry + 4, (byte) info).put(entry + 5, (byte) (i == 3 ? 2 : 0))
                    .putShort(entry + 6, (short) (i == 1 ? 0 : 7)).putLong(entry + 8, i == 1 ? 0 : 0x1000 + 16 * i);
        }
        int count = all.size();
        if (gnuHash) {
            // one bucket starting at symbol 1, a Bloom word that lets every name through
            b.putInt(ELF_HASH, 1).putInt(ELF_HASH + 4, 1).putInt(ELF_HASH + 8, 1).putInt(ELF_HASH + 12, 6)
                    .putLong(ELF_HASH + 16, -1).putInt(ELF_HASH + 24, 1);
            for (int i = 1; i < count; i++) {
                b.putInt(ELF_HASH + 28 + 4 * (i - 1), (0x1000 * i) | (i == count - 1 ? 1 : 0));
            }
        } else {
            b.putInt(ELF_HASH, 1).putInt(ELF_HASH + 4, count).putInt(ELF_HASH + 8, 1);
            for (int i = 1; i < count; i++) {
                b.putInt(ELF_HASH + 12 + 4 * i, i == count - 1 ? 0 : i + 1);
            }
        }
        long[][] dynamic = {{6, ELF_BASE + ELF_SYMBOLS}, {5, ELF_BASE + ELF_STRINGS}, {10, strings}, {11, 24},
                {gnuHash ? 0x6ffffef5L : 4, ELF_BASE + ELF_HASH}};
        for (int i = 0; i < dynamic.length; i++) {
            b.putLong(ELF_DYNAMIC + 16 * i, dynamic[i][0]).putLong(ELF_DYNAMIC + 16 * i + 8, dynamic[i][1]);
        }
        return b.array();
    }

    /** A PE32 DLL for x86 whose one section holds an export directory with these names (sorted, as PE wants). */
    public static byte[] pe32(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        ByteBuffer b = ByteBuffer.allocate(0x600).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x40);
        b.put(0x40, (byte) 'P').put(0x41, (byte) 'E');
        b.putShort(0x44, (short) 0x14c).putShort(0x46, (short) 1).putShort(0x54, (short) 224)
                .putShort(0x56, (short) 0x2102);
        int opt = 0x58;
        b.putShort(opt, (short) 0x10b).putInt(opt + 28, 0x10000000).putShort(opt + 68, (short) 3).putInt(opt + 92, 16);
        int section = opt + 224;
        b.put(section, ".edata".getBytes(StandardCharsets.US_ASCII));
        b.putInt(section + 8, 0x400).putInt(section + 12, 0x1000).putInt(section + 16, 0x400)
                .putInt(section + 20, 0x200);
        int n = sorted.size();
        int directory = 0x1000;
        int functions = directory + 40;
        int pointers = functions + 4 * n;
        int ordinals = pointers + 4 * n;
        int strings = ordinals + 2 * n;
        b.putInt(opt + 96, directory).putInt(opt + 100, 40);
        strings = putName(b, strings, "hello.dll");
        b.putInt(raw(directory) + 12, strings - "hello.dll".length() - 1).putInt(raw(directory) + 16, 1)
                .putInt(raw(directory) + 20, n).putInt(raw(directory) + 24, n).putInt(raw(directory) + 28, functions)
                .putInt(raw(directory) + 32, pointers).putInt(raw(directory) + 36, ordinals);
        for (int i = 0; i < n; i++) {
            b.putInt(raw(functions) + 4 * i, 0x2000 + 16 * i);
            b.putInt(raw(pointers) + 4 * i, strings);
            b.putShort(raw(ordinals) + 2 * i, (short) i);
            strings = putName(b, strings, sorted.get(i));
        }
        return b.array();
    }

    private static int raw(int rva) {
        return 0x200 + rva - 0x1000;
    }

    private static int putName(ByteBuffer b, int rva, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        b.put(raw(rva), bytes);
        return rva + bytes.length + 1;
    }

    /**
     * A 64-bit little-endian arm64 dylib whose exports are these (Mach-O) names: in an export trie of
     * {@code LC_DYLD_INFO_ONLY}, or, without a trie, as external symbols of {@code LC_SYMTAB} beside symbols
     * that are not exported (private extern, undefined, debugging, local). A {@code __LINKEDIT} segment spans the
     * file, as the last segment of a linked file ends it.
     */
    public static byte[] machO(List<String> names, boolean trie) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xFEEDFACF).putInt(4, 0x0100000C).putInt(12, 6);
        int at = 32;
        b.putInt(at, 0x19).putInt(at + 4, 72).put(at + 8, "__LINKEDIT".getBytes(StandardCharsets.US_ASCII))
                .putLong(at + 40, 0).putLong(at + 48, b.capacity());
        at += 72;
        int data = 1024;
        if (trie) {
            byte[] bytes = trie(names);
            b.putInt(at, 0x80000022).putInt(at + 4, 48).putInt(at + 40, data).putInt(at + 44, bytes.length);
            b.put(data, bytes);
            at += 48;
        } else {
            List<String> all = new ArrayList<>(names);
            List<Integer> types = new ArrayList<>(names.stream().map(n -> 0x0f).toList());
            for (Map.Entry<String, Integer> hidden : Map.of("_private", 0x1f, "_undefined", 0x01, "_debug", 0x24,
                    "_local", 0x0e).entrySet()) {
                all.add(hidden.getKey());
                types.add(hidden.getValue());
            }
            int strings = data + 16 * all.size();
            int next = 1;
            for (int i = 0; i < all.size(); i++) {
                int entry = data + 16 * i;
                b.putInt(entry, next).put(entry + 4, (byte) (int) types.get(i)).put(entry + 5, (byte) 1)
                        .putLong(entry + 8, 0x1000 + 4 * i);
                byte[] name = all.get(i).getBytes(StandardCharsets.US_ASCII);
                b.put(strings + next, name);
                next += name.length + 1;
            }
            b.putInt(at, 0x2).putInt(at + 4, 24).putInt(at + 8, data).putInt(at + 12, all.size())
                    .putInt(at + 16, strings).putInt(at + 20, next);
            at += 24;
        }
        b.putInt(16, 2).putInt(20, at - 32);
        return b.array();
    }

    /** The offset of the first load command {@code cmd} of a little-endian 64-bit Mach-O file. */
    public static int machOCommand(byte[] data, long cmd) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int at = 32;
        for (int i = 0; i < b.getInt(16); i++) {
            if (Integer.toUnsignedLong(b.getInt(at)) == cmd) {
                return at;
            }
            at += b.getInt(at + 4);
        }
        throw new IllegalArgumentException("no load command " + Long.toHexString(cmd));
    }

    /** A node of an export trie: edges by label, and an address when a name ends here. */
    private static final class Node {
        final Map<String, Node> children = new TreeMap<>();
        Long address;
        int offset;
    }

    /** An export trie as ld64 lays it out: edges share prefixes, nodes in preorder, ULEB128 offsets. */
    static byte[] trie(List<String> names) {
        Node root = new Node();
        long address = 0x4000;
        for (String name : names) {
            insert(root, name, address);
            address += 16;
        }
        List<Node> order = new ArrayList<>();
        preorder(root, order);
        // offsets and their ULEB128 sizes depend on each other: lay out until nothing moves
        boolean moved = true;
        while (moved) {
            moved = false;
            int offset = 0;
            for (Node node : order) {
                if (node.offset != offset) {
                    node.offset = offset;
                    moved = true;
                }
                offset += encode(node).length;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Node node : order) {
            out.writeBytes(encode(node));
        }
        return out.toByteArray();
    }

    private static void insert(Node node, String rest, long address) {
        if (rest.isEmpty()) {
            node.address = address;
            return;
        }
        for (Map.Entry<String, Node> edge : node.children.entrySet()) {
            String label = edge.getKey();
            int common = 0;
            while (common < label.length() && common < rest.length() && label.charAt(common) == rest.charAt(common)) {
                common++;
            }
            if (common == 0) {
                continue;
            }
            if (common == label.length()) {
                insert(edge.getValue(), rest.substring(common), address);
                return;
            }
            // split the edge at the shared prefix
            Node middle = new Node();
            middle.children.put(label.substring(common), edge.getValue());
            node.children.remove(label);
            node.children.put(label.substring(0, common), middle);
            insert(middle, rest.substring(common), address);
            return;
        }
        Node leaf = new Node();
        node.children.put(rest, leaf);
        insert(leaf, "", address);
    }

    private static void preorder(Node node, List<Node> order) {
        order.add(node);
        for (Node child : node.children.values()) {
            preorder(child, order);
        }
    }

    private static byte[] encode(Node node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (node.address == null) {
            out.write(0);
        } else {
            ByteArrayOutputStream info = new ByteArrayOutputStream();
            uleb(info, 0);
            uleb(info, node.address);
            uleb(out, info.size());
            out.writeBytes(info.toByteArray());
        }
        out.write(node.children.size());
        for (Map.Entry<String, Node> edge : node.children.entrySet()) {
            out.writeBytes(edge.getKey().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            uleb(out, edge.getValue().offset);
        }
        return out.toByteArray();
    }

    private static void uleb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }
}
