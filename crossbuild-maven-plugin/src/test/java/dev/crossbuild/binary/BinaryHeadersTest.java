package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Header reading for the formats no toolchain here produces, from minimal hand-made headers. */
class BinaryHeadersTest {

    private static final int CPU_X86_64 = 0x01000007;
    private static final int CPU_ARM64 = 0x0100000c;
    private static final int MH_EXECUTE = 2;
    private static final int MH_DYLIB = 6;

    static Stream<Arguments> handMade() {
        byte[] arm64 = HandMadeHeaders.machO(CPU_ARM64, MH_EXECUTE, true, ByteOrder.LITTLE_ENDIAN);
        byte[] x64 = HandMadeHeaders.machO(CPU_X86_64, MH_EXECUTE, true, ByteOrder.LITTLE_ENDIAN);
        return Stream.of(
                Arguments.of("PE ARM64 exe", HandMadeHeaders.pe(0xAA64, false, true),
                        ObjectFormat.PE_COFF, BinaryKind.EXECUTABLE, List.of("aarch64"), "PE32+ executable, aarch64"),
                Arguments.of("PE x64 DLL", HandMadeHeaders.pe(0x8664, true, true),
                        ObjectFormat.PE_COFF, BinaryKind.SHARED_LIBRARY, List.of("x86_64"), "PE32+ DLL, x86_64"),
                Arguments.of("PE x86 exe", HandMadeHeaders.pe(0x14c, false, false),
                        ObjectFormat.PE_COFF, BinaryKind.EXECUTABLE, List.of("x86"), "PE32 executable, x86"),
                Arguments.of("PE ARMv7 (ARMNT) exe", HandMadeHeaders.pe(0x1c4, false, false),
                        ObjectFormat.PE_COFF, BinaryKind.EXECUTABLE, List.of("arm"), "PE32 executable, arm"),
                Arguments.of("PE unknown machine", HandMadeHeaders.pe(0x9041, false, false),
                        ObjectFormat.PE_COFF, BinaryKind.EXECUTABLE, List.of("PE machine 0x9041"),
                        "PE32 executable, PE machine 0x9041"),
                Arguments.of("Mach-O arm64 exe", arm64,
                        ObjectFormat.MACH_O, BinaryKind.EXECUTABLE, List.of("aarch64"), "Mach-O 64-bit executable, aarch64"),
                Arguments.of("Mach-O x86_64 dylib",
                        HandMadeHeaders.machO(CPU_X86_64, MH_DYLIB, true, ByteOrder.LITTLE_ENDIAN),
                        ObjectFormat.MACH_O, BinaryKind.SHARED_LIBRARY, List.of("x86_64"),
                        "Mach-O 64-bit shared library, x86_64"),
                Arguments.of("Mach-O big-endian ppc", HandMadeHeaders.machO(18, MH_EXECUTE, false, ByteOrder.BIG_ENDIAN),
                        ObjectFormat.MACH_O, BinaryKind.EXECUTABLE, List.of("powerpc"), "Mach-O 32-bit executable, powerpc"),
                Arguments.of("universal x86_64+arm64", HandMadeHeaders.fat(false, x64, arm64),
                        ObjectFormat.MACH_O, BinaryKind.EXECUTABLE, List.of("x86_64", "aarch64"),
                        "universal Mach-O executable (x86_64, aarch64)"),
                Arguments.of("universal fat64 arm64", HandMadeHeaders.fat(true, arm64),
                        ObjectFormat.MACH_O, BinaryKind.EXECUTABLE, List.of("aarch64"),
                        "universal Mach-O executable (aarch64)"),
                Arguments.of("MSVC import library for ARM64", HandMadeHeaders.ar(HandMadeHeaders.importObject(0xAA64)),
                        ObjectFormat.PE_COFF, BinaryKind.IMPORT_LIBRARY, List.of("aarch64"),
                        "import library (ar archive of PE/COFF objects), aarch64"),
                Arguments.of("BSD ar of Mach-O objects", HandMadeHeaders.bsdAr("lib_a-very-long-member-name.o",
                        HandMadeHeaders.machO(CPU_ARM64, 1, true, ByteOrder.LITTLE_ENDIAN)),
                        ObjectFormat.MACH_O, BinaryKind.STATIC_LIBRARY, List.of("aarch64"),
                        "static library (ar archive of Mach-O objects), aarch64"),
                Arguments.of("ar mixing two architectures", HandMadeHeaders.ar(HandMadeHeaders.importObject(0x8664),
                        HandMadeHeaders.importObject(0xAA64)),
                        ObjectFormat.PE_COFF, BinaryKind.IMPORT_LIBRARY, List.of("x86_64", "aarch64"),
                        "import library (ar archive of PE/COFF objects), x86_64+aarch64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handMade")
    void readsHandMadeHeaders(String name, byte[] data, ObjectFormat format, BinaryKind kind, List<String> arches,
            String description) throws Exception {
        BinaryHeader header = BinaryHeaders.read(data).orElseThrow();
        assertThat(header.format()).isEqualTo(format);
        assertThat(header.kind()).isEqualTo(kind);
        assertThat(header.architectures()).isEqualTo(arches);
        assertThat(header.description()).isEqualTo(description);
    }

    static Stream<Arguments> notBinaries() {
        byte[] javaClass = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 0, 0, 0};
        byte[] dosOnly = new byte[128];
        dosOnly[0] = 'M';
        dosOnly[1] = 'Z';
        return Stream.of(
                Arguments.of("empty file", new byte[0]),
                Arguments.of("shell script", "#!/bin/sh\necho hi\n".getBytes()),
                Arguments.of("Java class file (also 0xCAFEBABE)", javaClass),
                Arguments.of("DOS program without a PE header", dosOnly),
                Arguments.of("ar archive of text files", HandMadeHeaders.ar("hello\n".getBytes())),
                Arguments.of("the ELF magic's first three bytes", new byte[] {0x7f, 'E', 'L'}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notBinaries")
    void recognizesNothingInOtherFiles(String name, byte[] data) throws Exception {
        assertThat(BinaryHeaders.read(data)).isEmpty();
    }

    @Test
    void universalFileReportsTheKindOfItsFirstSlice() throws Exception {
        byte[] dylib = HandMadeHeaders.machO(CPU_ARM64, MH_DYLIB, true, ByteOrder.LITTLE_ENDIAN);
        assertThat(BinaryHeaders.read(HandMadeHeaders.fat(false, dylib)).orElseThrow().kind())
                .isEqualTo(BinaryKind.SHARED_LIBRARY);
    }
}
