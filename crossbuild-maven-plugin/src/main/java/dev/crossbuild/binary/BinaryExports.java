package dev.crossbuild.binary;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The symbols a shared library exports by name: what {@code dlsym}, {@code GetProcAddress} and dyld can find in
 * it.
 *
 * @param format        the object format family
 * @param architectures the machine architectures, in canonical names ({@code x86_64}, {@code x86}…); more than one
 *                      for a universal Mach-O file
 * @param symbols       the exported names, sorted; for Mach-O without the leading underscore of C names, so that
 *                      they read as on ELF and PE; for a universal file, the names every slice exports
 */
public record BinaryExports(ObjectFormat format, List<String> architectures, Set<String> symbols) {

    public BinaryExports {
        architectures = List.copyOf(architectures);
        symbols = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(symbols));
    }

    public boolean exports(String symbol) {
        return symbols.contains(symbol);
    }

    /** Whether this is a 32-bit x86 Windows image, whose JNI functions may carry stdcall decorations. */
    public boolean isWindowsX86() {
        return format == ObjectFormat.PE_COFF && architectures.equals(List.of("x86"));
    }
}
