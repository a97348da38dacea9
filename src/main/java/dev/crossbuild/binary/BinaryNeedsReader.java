package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what an ELF, PE or Mach-O binary needs to start (see {@link BinaryNeeds}), in Java, from the file's
 * own tables: the dynamic section and {@code .gnu.version_r} of ELF, the import and delay-import directories
 * of PE, the load commands of Mach-O (every slice of a universal file).
 */
public final class BinaryNeedsReader {

    private static final int MAX_ENTRIES = 100_000;

    private BinaryNeedsReader() {
    }

    /** What the binary needs, or empty for files that are none of these formats (or objects, archives). */
    public static Optional<BinaryNeeds> read(Path file) throws IOException {
        try (ByteSource source = ByteSource.open(file)) {
            return read(source);
        }
    }

    static Optional<BinaryNeeds> read(byte[] data) throws IOException {
        return read(ByteSource.of(data));
    }

    static Optional<BinaryNeeds> read(ByteSource source) throws IOException {
        byte[] head = source.read(0, 64);
        if (head.length >= 52 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return Optional.of(ElfNeeds.read(source, head));
        }
        if (head.length >= 64 && head[0] == 'M' && head[1] == 'Z') {
            return PeNeeds.read(source);
        }
        if (head.length >= 8) {
            long magic = u32(head, 0, false);
            if (magic == 0xCAFEBABEL && u32(head, 4, false) < 44) {
                return universal(source, head);
            }
            return MachONeeds.read(source, 0);
        }
        return Optional.empty();
    }

    /** A universal Mach-O file: what every slice needs, merged. */
    private static Optional<BinaryNeeds> universal(ByteSource source, byte[] head) throws IOException {
        int count = (int) u32(head, 4, false);
        List<String> libraries = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String minimum = null;
        for (int i = 0; i < count; i++) {
            byte[] arch = source.read(8 + 20L * i, 20);
            Optional<BinaryNeeds> slice = MachONeeds.read(source, u32(arch, 8, false));
            if (slice.isEmpty()) {
                continue;
            }
            slice.get().libraries().stream().filter(l -> !libraries.contains(l)).forEach(libraries::add);
            slice.get().searchPaths().stream().filter(p -> !paths.contains(p)).forEach(paths::add);
            String os = slice.get().minimumOs();
            if (os != null && (minimum == null || BinaryNeeds.compareVersions(os, minimum) > 0)) {
                minimum = os;
            }
        }
        return Optional.of(new BinaryNeeds(ObjectFormat.MACH_O, libraries, paths, Map.of(), null, minimum));
    }

    /** A NUL-terminated string at {@code offset}, at most 4 KiB. */
    static String string(ByteSource source, long offset) throws IOException {
        byte[] bytes = source.read(offset, 4096);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    static int u16(byte[] b, int at, boolean little) {
        return BinaryHeaders.u16(b, at, little);
    }

    static long u32(byte[] b, int at, boolean little) {
        return BinaryHeaders.u32(b, at, little);
    }

    static long u64(byte[] b, int at, boolean little) {
        long low = u32(b, at, little);
        long high = u32(b, at + 4, little);
        return little ? (high << 32) | low : (low << 32) | high;
    }

    static void guard(int count) throws IOException {
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("implausible table size " + count);
        }
    }
}
