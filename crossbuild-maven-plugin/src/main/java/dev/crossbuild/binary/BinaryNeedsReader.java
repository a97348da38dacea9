package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what an ELF, PE or Mach-O binary needs to start (see {@link BinaryNeeds}), in Java, from the file's
 * own tables: the dynamic section and {@code .gnu.version_r} of ELF, the import and delay-import directories
 * of PE, the load commands of Mach-O (every slice of a universal file). A file that starts like one of these
 * but whose tables do not fit it is a {@link MalformedBinaryException}, never an answer of "needs nothing".
 */
public final class BinaryNeedsReader {

    private BinaryNeedsReader() {
    }

    /**
     * What the binary needs, or empty for files that are none of these formats (or archives).
     *
     * @throws MalformedBinaryException when the file starts like one of them but cannot be read as one
     */
    public static Optional<BinaryNeeds> read(Path file) throws IOException, MalformedBinaryException {
        try (ByteSource source = ByteSource.open(file)) {
            return read(source);
        }
    }

    static Optional<BinaryNeeds> read(byte[] data) throws IOException, MalformedBinaryException {
        return read(ByteSource.of(data));
    }

    static Optional<BinaryNeeds> read(ByteSource source) throws IOException, MalformedBinaryException {
        byte[] head = source.readUpTo(0, 8);
        if (ElfHeader.isElf(head)) {
            return Optional.of(ElfNeeds.read(source));
        }
        if (MachOHeader.isMachO(head)) {
            return Optional.of(MachONeeds.read(source));
        }
        if (UniversalHeader.isUniversal(head)) {
            return Optional.of(universal(source));
        }
        if (WasmModule.isWasm(head)) {
            return Optional.of(WasmModule.read(source).needs());
        }
        Optional<Long> pe = PeHeader.signature(source);
        if (pe.isPresent()) {
            return Optional.of(PeNeeds.read(source, pe.get()));
        }
        return Optional.empty();
    }

    /** A universal Mach-O file: what every slice needs, merged (archive slices need nothing). */
    private static BinaryNeeds universal(ByteSource source) throws IOException, MalformedBinaryException {
        List<String> libraries = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        String minimum = null;
        for (UniversalHeader.Slice slice : UniversalHeader.slices(source)) {
            if (slice.archive()) {
                continue;
            }
            BinaryNeeds needs = MachONeeds.read(slice.bytes());
            needs.libraries().stream().filter(l -> !libraries.contains(l)).forEach(libraries::add);
            needs.searchPaths().stream().filter(p -> !paths.contains(p)).forEach(paths::add);
            String os = needs.minimumOs();
            if (os != null && (minimum == null || BinaryNeeds.compareVersions(os, minimum) > 0)) {
                minimum = os;
            }
        }
        return new BinaryNeeds(ObjectFormat.MACH_O, libraries, paths, Map.of(), null, minimum);
    }
}
