package dev.crossbuild.binary;

import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a binary's header fits a target triple: the object format of the target's
 * operating system and the machine of its architecture. A universal Mach-O file fits when one of its
 * slices does; a static library fits when all of its objects do. For a macOS universal target
 * ({@code universal2-apple-darwin}) every binary must be universal Mach-O with a slice for each of its
 * architectures ({@code aarch64} and {@code x86_64}) and no other. A linked 32-bit ARM ELF file (program or shared
 * object) must also be EABI version 5 with the float ABI of its triple: hard-float for {@code *-eabihf}
 * ({@code thumbv7em-none-eabihf}, {@code armv7-unknown-linux-gnueabihf}), not hard-float for {@code *-eabi}.
 */
public final class ArchitectureCheck {

    /** The EABI version of every current ARM toolchain (GNU, LLVM). */
    private static final int ARM_EABI_VERSION = 5;

    private static final Set<String> APPLE_OS = Set.of("darwin", "macos", "ios", "tvos", "watchos", "visionos");

    private ArchitectureCheck() {
    }

    /**
     * What a target's binaries must be.
     *
     * @param format        the object format
     * @param architectures the accepted machine names (usually one)
     * @param everySlice    whether a binary needs all of them, one universal Mach-O slice each (a universal target)
     * @param armFloat      the float ABI a linked 32-bit ARM ELF file must declare ({@link ArmEabi}), else empty
     */
    public record Expectation(ObjectFormat format, Set<String> architectures, boolean everySlice,
            Optional<ArmEabi.FloatAbi> armFloat) {

        public Expectation(ObjectFormat format, Set<String> architectures) {
            this(format, architectures, false);
        }

        public Expectation(ObjectFormat format, Set<String> architectures, boolean everySlice) {
            this(format, architectures, everySlice, Optional.empty());
        }

        public String describe() {
            if (everySlice) {
                return "universal " + format.displayName() + " with " + String.join(" and ", sorted()) + " slices";
            }
            String abi = armFloat.map(f -> ", EABI" + ARM_EABI_VERSION + " " + f.displayName()).orElse("");
            return String.join(" or ", sorted()) + " (" + format.displayName() + abi + ")";
        }

        private List<String> sorted() {
            return architectures.stream().sorted().toList();
        }
    }

    /** The expectation for a triple, or empty when the plugin cannot tell. */
    public static Optional<Expectation> expected(TargetTriple triple) {
        if (triple.isUniversalApple()) {
            return Optional.of(new Expectation(ObjectFormat.MACH_O, Set.of("aarch64", "x86_64"), true));
        }
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
        return Optional.of(new Expectation(format, arches.get(), false, format == ObjectFormat.ELF
                ? armFloat(triple) : Optional.empty()));
    }

    /** Hard-float for an ARM {@code *eabihf} triple, soft-float for an ARM {@code *eabi} one, else nothing. */
    static Optional<ArmEabi.FloatAbi> armFloat(TargetTriple triple) {
        if (!triple.archFamily().equals("arm")) {
            return Optional.empty();
        }
        // the last part: the environment, or the OS part of a bare-metal triple without one (thumbv7em-none-eabihf)
        String abi = triple.value().substring(triple.value().lastIndexOf('-') + 1);
        if (abi.endsWith("eabihf")) {
            return Optional.of(ArmEabi.FloatAbi.HARD);
        }
        return abi.endsWith("eabi") ? Optional.of(ArmEabi.FloatAbi.SOFT) : Optional.empty();
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
        if (expected.everySlice()) {
            return sliceMismatch(header, expected);
        }
        boolean formatFits = header.format() == expected.format();
        boolean archFits;
        if (header.format() == ObjectFormat.MACH_O && header.architectures().size() > 1
                && header.kind() != BinaryKind.STATIC_LIBRARY) {
            archFits = header.architectures().stream().anyMatch(expected.architectures()::contains);
        } else {
            archFits = expected.architectures().containsAll(header.architectures());
        }
        if (formatFits && archFits && armAbiFits(header, expected)) {
            return Optional.empty();
        }
        return Optional.of("is " + header.description() + ", but the target needs " + expected.describe());
    }

    /**
     * A linked ARM file declares EABI 5 and its triple's float ABI; objects and static libraries are not asked
     * (their float ABI is in build attributes, which the linker reads).
     */
    private static boolean armAbiFits(BinaryHeader header, Expectation expected) {
        if (expected.armFloat().isEmpty() || header.arm().isEmpty() || !header.kind().isLoadable()) {
            return true;
        }
        ArmEabi eabi = header.arm().get();
        boolean hard = eabi.floatAbi() == ArmEabi.FloatAbi.HARD;
        return eabi.version() == ARM_EABI_VERSION && hard == (expected.armFloat().get() == ArmEabi.FloatAbi.HARD);
    }

    /** A universal target's binary: Mach-O, one slice per expected architecture, none missing and none other. */
    private static Optional<String> sliceMismatch(BinaryHeader header, Expectation expected) {
        String is = "is " + header.description() + ", but the target needs " + expected.describe();
        if (header.format() != ObjectFormat.MACH_O) {
            return Optional.of(is);
        }
        List<String> missing = expected.sorted().stream().filter(a -> !header.architectures().contains(a)).toList();
        if (!missing.isEmpty()) {
            return Optional.of(is + ": the " + String.join(" and ", missing) + " slice" + (missing.size() == 1 ? " is"
                    : "s are") + " missing");
        }
        List<String> other = header.architectures().stream().filter(a -> !expected.architectures().contains(a))
                .distinct().toList();
        if (!other.isEmpty()) {
            return Optional.of(is + ": it also holds " + String.join(" and ", other) + ", which the target does not"
                    + " build");
        }
        return Optional.empty();
    }
}
