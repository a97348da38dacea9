package dev.crossbuild.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small WebAssembly modules written byte by byte, for the reader's tests. */
final class HandMadeWasm {

    private HandMadeWasm() {
    }

    /**
     * A module with a type section, one function import from each of {@code modules}, a memory (64-bit when
     * asked) and, when asked, an export of a {@code _start} function.
     */
    static byte[] module(List<String> modules, boolean command, boolean memory64) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        // a custom section first, which may stand anywhere
        section(out, 0, concat(name("producers"), new byte[] {0}));
        section(out, 1, new byte[] {1, 0x60, 0, 0}); // one type: [] -> []
        if (!modules.isEmpty()) {
            ByteArrayOutputStream imports = new ByteArrayOutputStream();
            leb(imports, modules.size());
            for (String module : modules) {
                imports.writeBytes(name(module));
                imports.writeBytes(name("fd_write"));
                imports.write(0); // a function
                leb(imports, 0);
            }
            section(out, 2, imports.toByteArray());
        }
        section(out, 3, new byte[] {1, 0}); // one function of type 0
        section(out, 5, new byte[] {1, (byte) (memory64 ? 4 : 0), 1}); // one memory, min 1 page
        if (command) {
            ByteArrayOutputStream exports = new ByteArrayOutputStream();
            leb(exports, 2);
            exports.writeBytes(name("_start"));
            exports.write(0);
            leb(exports, modules.size());
            exports.writeBytes(name("memory"));
            exports.write(2);
            leb(exports, 0);
            section(out, 7, exports.toByteArray());
        }
        section(out, 10, new byte[] {1, 2, 0, 0x0b}); // one body: no locals, end
        return out.toByteArray();
    }

    static void section(ByteArrayOutputStream out, int id, byte[] contents) {
        out.write(id);
        leb(out, contents.length);
        out.writeBytes(contents);
    }

    static byte[] name(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        leb(out, bytes.length);
        out.writeBytes(bytes);
        return out.toByteArray();
    }

    static void leb(ByteArrayOutputStream out, long value) {
        long rest = value;
        do {
            int b = (int) (rest & 0x7f);
            rest >>>= 7;
            out.write(rest == 0 ? b : b | 0x80);
        } while (rest != 0);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
