package dev.crossbuild.binary;

import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a binary's header fits a target triple: the object format of the target's
 * operating system and the machine of its architecture. A universal Mach-O file fits when one of its
 * slices does; a static library fits when all of its objects do.
 */
public final class ArchitectureCheck {

    private static final Set<String> APPLE_OS = Set.of("darwin", "macos", "ios", "tvos", "watchos", "visionos");

    private ArchitectureCheck() {
    }

    /**
     * What a target's binaries must be.
     *
     * @param format        the object format
     * @param architectures the accepted machine names (usually one)
     */
    public record Expectation(ObjectFormat format, Set<String> architectures) {

        public String describe() {
            return String.join(" or ", architectures.stream().sorted().toList()) + " (" + format.displayName() + ")";
        }
    }

    /** The expectation for a triple, or empty when the plugin cannot tell. */
    public static Optional<Expectation> expected(TargetTriple triple) {
        if (triple.arch().equals("wasm32") || triple.arch().equals("wasm64")) {
            return Optional.of(new Expectation(ObjectFormat.WASM, Set.of(triple.arch())));
        }
        Optional<Set<String>> arches = architectures(triple.arch());
        if (arches.isEmpty()) {
            return Optional.empty();
        }
        ObjectFormat format;
        if (triple.os().equals("windows") || triple.os().equals("uefi")) {
            format = ObjectFormat.PE_COFF;
        } else if (APPLE_OS.contains(triple.os())) {
            format = ObjectFormat.MACH_O;
        } else {
            format = ObjectFormat.ELF;
        }
        return Optional.of(new Expectation(format, arches.get()));
    }

    /**
     * Machine names a triple's architecture accepts, in the names {@link BinaryHeaders} reports.
     * ARM64EC images carry the x64 machine type in their PE header, their objects the ARM64EC one.
     */
    static Optional<Set<String>> architectures(String tripleArch) {
        String arch = tripleArch;
        if (arch.matches("i[3-6]86|x86")) {
            return Optional.of(Set.of("x86"));
        }
        if (arch.equals("x86_64") || arch.equals("x86_64h") || arch.equals("amd64")) {
            return Optional.of(Set.of("x86_64"));
        }
        if (arch.equals("aarch64") || arch.equals("arm64") || arch.equals("arm64e")) {
            return Optional.of(Set.of("aarch64"));
        }
        if (arch.equals("arm64ec")) {
            return Optional.of(Set.of("arm64ec", "x86_64"));
        }
        if (arch.equals("aarch64_be")) {
            return Optional.of(Set.of("aarch64_be"));
        }
        if (arch.startsWith("armeb") || arch.startsWith("thumbeb")) {
            return Optional.of(Set.of("armeb"));
        }
        if (arch.startsWith("arm") || arch.startsWith("thumb")) {
            return Optional.of(Set.of("arm"));
        }
        if (arch.startsWith("riscv64")) {
            return Optional.of(Set.of("riscv64"));
        }
        if (arch.startsWith("riscv32")) {
            return Optional.of(Set.of("riscv32"));
        }
        if (arch.equals("sparcv9")) {
            return Optional.of(Set.of("sparc64"));
        }
        List<String> same = List.of("powerpc", "powerpc64", "powerpc64le", "s390x", "mips", "mipsel", "mips64",
                "mips64el", "loongarch64", "sparc64", "sparc", "arm64_32");
        return same.contains(arch) ? Optional.of(Set.of(arch)) : Optional.empty();
    }

    /**
     * Why a binary does not fit the target, as "is … but the target needs …", or empty when it fits.
     */
    public static Optional<String> mismatch(BinaryHeader header, Expectation expected) {
        boolean formatFits = header.format() == expected.format();
        boolean archFits;
        if (header.format() == ObjectFormat.MACH_O && header.architectures().size() > 1
                && header.kind() != BinaryKind.STATIC_LIBRARY) {
            archFits = header.architectures().stream().anyMatch(expected.architectures()::contains);
        } else {
            archFits = expected.architectures().containsAll(header.architectures());
        }
        if (formatFits && archFits) {
            return Optional.empty();
        }
        return Optional.of("is " + header.description() + ", but the target needs " + expected.describe());
    }
}
