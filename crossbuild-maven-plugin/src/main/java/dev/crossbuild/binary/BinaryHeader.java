package dev.crossbuild.binary;

import java.util.List;
import java.util.Optional;

/**
 * What the header of a binary file says.
 *
 * @param format        the object format family
 * @param kind          executable, library, object…
 * @param architectures the machine architectures inside, in canonical names ({@code x86_64},
 *                      {@code aarch64}, {@code x86}, {@code arm}…); more than one for universal
 *                      Mach-O files and for static libraries mixing objects
 * @param description   a one-line description in the style of file(1), for messages
 * @param armEabi       the EABI version and float ABI of a 32-bit ARM ELF file, else null (a plain value, not an
 *                      {@code Optional}: the record is stored as JSON with what a target ships)
 */
public record BinaryHeader(ObjectFormat format, BinaryKind kind, List<String> architectures, String description,
        ArmEabi armEabi) {

    public BinaryHeader {
        architectures = List.copyOf(architectures);
    }

    /** A header without an ARM EABI (every format but 32-bit ARM ELF). */
    public BinaryHeader(ObjectFormat format, BinaryKind kind, List<String> architectures, String description) {
        this(format, kind, architectures, description, null);
    }

    /** The EABI of a 32-bit ARM ELF file, or empty. */
    public Optional<ArmEabi> arm() {
        return Optional.ofNullable(armEabi);
    }

    /** The architectures as one readable word: {@code aarch64} or {@code x86_64+aarch64}. */
    public String architectureNames() {
        return String.join("+", architectures);
    }
}
