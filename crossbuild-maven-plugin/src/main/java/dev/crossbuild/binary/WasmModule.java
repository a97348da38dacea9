package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a WebAssembly module's binary says of itself: its header (magic {@code \0asm}, version 1), whether it
 * is a command (it exports {@code _start}, as a WASI program does) or a library, whether its memories are
 * 32- or 64-bit, and the modules it imports from ({@code wasi_snapshot_preview1}, {@code env}…). Only the
 * section headers and the import, memory and export sections are read; the code is skipped by its size.
 * Every size, count and index is checked against the file: a damaged module is a
 * {@link MalformedBinaryException} naming what does not fit.
 *
 * @param kind          {@link BinaryKind#EXECUTABLE} for a command, {@link BinaryKind#SHARED_LIBRARY} otherwise
 * @param architecture  {@code wasm32}, or {@code wasm64} when a memory uses 64-bit addresses
 * @param importModules the modules it imports from, in first-use order
 * @param exports       the names it exports
 */
public record WasmModule(BinaryKind kind, String architecture, List<String> importModules, List<String> exports) {

    /** The module version every WebAssembly 1.0 and 2.0 binary carries. */
    static final int VERSION = 1;
    private static final int SECTION_IMPORT = 2;
    private static final int SECTION_FUNCTION = 3;
    private static final int SECTION_MEMORY = 5;
    private static final int SECTION_EXPORT = 7;
    private static final int SECTION_CODE = 10;
    /** Far more names than any module has; a larger count is a damaged file. */
    private static final long MAX_ENTRIES = 1_000_000;

    public WasmModule {
        importModules = List.copyOf(importModules);
        exports = List.copyOf(exports);
    }

    static boolean isWasm(byte[] head) {
        return head.length >= 4 && head[0] == 0 && head[1] == 'a' && head[2] == 's' && head[3] == 'm';
    }

    /** The header in the form the architecture proof compares. */
    BinaryHeader header() {
        String description = "WebAssembly (" + architecture + ") " + (kind == BinaryKind.EXECUTABLE ? "command module"
                : "library module");
        return new BinaryHeader(ObjectFormat.WASM, kind, List.of(architecture), description);
    }

    /** What it needs at run time: the modules it imports from, as "libraries". */
    BinaryNeeds needs() {
        return new BinaryNeeds(ObjectFormat.WASM, importModules, List.of(), java.util.Map.of(), null, null);
    }

    static WasmModule read(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] head = source.read(0, 8, "the WebAssembly header");
        long version = Bytes.u32(head, 4, true);
        if (version != VERSION) {
            throw source.malformed("WebAssembly version " + Bytes.unsigned(version) + " is not a module of version "
                    + VERSION + " (a component, or not WebAssembly)");
        }
        Set<String> modules = new LinkedHashSet<>();
        List<String> exports = new ArrayList<>();
        boolean memory64 = false;
        long functions = -1;
        long bodies = -1;
        long at = 8;
        int lastOrdered = 0;
        while (at < source.size()) {
            int id = source.read(at, 1, "a section id")[0] & 0xff;
            Leb size = Leb.read(source, at + 1, "the size of section " + id);
            long start = at + 1 + size.length();
            source.requireRange(start, size.value(), "section " + id + " (" + Bytes.unsigned(size.value()) + " bytes)");
            if (id > 13) {
                throw source.malformed("unknown section id " + id + " at offset " + at);
            }
            // custom sections (0) may stand anywhere; data count (12) and tag (13) sections stand between others
            if (id != 0 && id != 12 && id != 13) {
                if (id <= lastOrdered) {
                    throw source.malformed("section " + id + " at offset " + at + " is out of order or repeated");
                }
                lastOrdered = id;
            }
            if (id == SECTION_FUNCTION || id == SECTION_CODE) {
                long count = Leb.read(source, start, "the count of section " + id).value();
                if (id == SECTION_FUNCTION) {
                    functions = count;
                } else {
                    bodies = count;
                }
            }
            if (id == SECTION_IMPORT || id == SECTION_MEMORY || id == SECTION_EXPORT) {
                Cursor cursor = new Cursor(source, source.read(start, size.value(), "section " + id), start);
                if (id == SECTION_IMPORT) {
                    memory64 |= imports(cursor, modules);
                } else if (id == SECTION_MEMORY) {
                    long count = cursor.count("memories");
                    for (long i = 0; i < count; i++) {
                        memory64 |= cursor.limits("a memory");
                    }
                } else {
                    long count = cursor.count("exports");
                    for (long i = 0; i < count; i++) {
                        exports.add(cursor.name("an export name"));
                        cursor.u8("an export kind");
                        cursor.leb("an export index");
                    }
                }
            }
            at = start + size.value();
        }
        // the format has no total size: a module cut between sections is still well-formed, but no longer holds
        // the code its function section declares (every program and library has code)
        if (bodies < 0) {
            throw source.malformed("the module has no code section (it is cut short, or holds no program)");
        }
        if (bodies != Math.max(functions, 0)) {
            throw source.malformed("the function section declares " + Math.max(functions, 0) + " functions, the code"
                    + " section holds " + bodies);
        }
        BinaryKind kind = exports.contains("_start") ? BinaryKind.EXECUTABLE : BinaryKind.SHARED_LIBRARY;
        return new WasmModule(kind, memory64 ? "wasm64" : "wasm32", List.copyOf(modules), exports);
    }

    /** Reads the import section; true when an imported memory is 64-bit. */
    private static boolean imports(Cursor cursor, Set<String> modules) throws MalformedBinaryException {
        boolean memory64 = false;
        long count = cursor.count("imports");
        for (long i = 0; i < count; i++) {
            modules.add(cursor.name("an import's module name"));
            cursor.name("an import's field name");
            int kind = cursor.u8("an import kind");
            switch (kind) {
                case 0 -> cursor.leb("a function import's type");
                case 1 -> {
                    cursor.u8("a table import's element type");
                    cursor.limits("a table import");
                }
                case 2 -> memory64 |= cursor.limits("a memory import");
                case 3 -> {
                    cursor.u8("a global import's type");
                    cursor.u8("a global import's mutability");
                }
                case 4 -> {
                    cursor.u8("a tag import's attribute");
                    cursor.leb("a tag import's type");
                }
                default -> throw cursor.malformed("import kind " + kind + " is unknown");
            }
        }
        return memory64;
    }

    /** An unsigned LEB128 number and how many bytes it took. */
    private record Leb(long value, int length) {

        static Leb read(ByteSource source, long at, String what) throws IOException, MalformedBinaryException {
            byte[] bytes = source.readUpTo(at, 10);
            return decode(bytes, 0, what, source::malformed);
        }

        static Leb decode(byte[] bytes, int at, String what, java.util.function.Function<String,
                MalformedBinaryException> malformed) throws MalformedBinaryException {
            long value = 0;
            for (int i = 0; i < 10; i++) {
                if (at + i >= bytes.length) {
                    throw malformed.apply(what + " is cut off by the end of its data");
                }
                int b = bytes[at + i] & 0xff;
                if (i == 9 && (b & 0x7e) != 0) {
                    throw malformed.apply(what + " does not fit in 64 bits");
                }
                value |= (long) (b & 0x7f) << (7 * i);
                if ((b & 0x80) == 0) {
                    if (value < 0) {
                        throw malformed.apply(what + " is implausibly large");
                    }
                    return new Leb(value, i + 1);
                }
            }
            throw malformed.apply(what + " is longer than 10 bytes");
        }
    }

    /** Reads one section's contents, every step checked against its end. */
    private static final class Cursor {
        private final ByteSource source;
        private final byte[] data;
        private final long base;
        private int at;

        Cursor(ByteSource source, byte[] data, long base) {
            this.source = source;
            this.data = data;
            this.base = base;
        }

        MalformedBinaryException malformed(String problem) {
            return source.malformed(problem + " (in the section at offset " + base + ")");
        }

        int u8(String what) throws MalformedBinaryException {
            if (at >= data.length) {
                throw malformed(what + " lies beyond the end of its section");
            }
            return data[at++] & 0xff;
        }

        long leb(String what) throws MalformedBinaryException {
            Leb leb = Leb.decode(data, at, what, this::malformed);
            at += leb.length();
            return leb.value();
        }

        long count(String what) throws MalformedBinaryException {
            long count = leb("the number of " + what);
            // every entry takes at least one byte
            if (count > MAX_ENTRIES || count > data.length - at) {
                throw malformed(Bytes.unsigned(count) + " " + what + " cannot fit in a section of " + data.length
                        + " bytes");
            }
            return count;
        }

        String name(String what) throws MalformedBinaryException {
            long length = leb("the length of " + what);
            if (length > data.length - at || length > ByteSource.MAX_STRING) {
                throw malformed(what + " of " + Bytes.unsigned(length) + " bytes lies beyond the end of its section");
            }
            try {
                String name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(data, at, (int) length)).toString();
                at += (int) length;
                return name;
            } catch (CharacterCodingException e) {
                throw malformed(what + " is not UTF-8");
            }
        }

        /** Reads limits; true when they are those of a 64-bit memory. */
        boolean limits(String what) throws MalformedBinaryException {
            int flags = u8("the limits of " + what);
            if (flags > 7) {
                throw malformed("the limits of " + what + " have unknown flags " + flags);
            }
            leb("the minimum of " + what);
            if ((flags & 1) != 0) {
                leb("the maximum of " + what);
            }
            return (flags & 4) != 0;
        }
    }
}
