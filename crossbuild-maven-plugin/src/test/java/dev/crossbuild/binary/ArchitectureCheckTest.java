package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetTriple;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ArchitectureCheckTest {

    @ParameterizedTest(name = "{0} needs {2} ({1})")
    @CsvSource({
            "x86_64-unknown-linux-gnu, ELF, x86_64",
            "x86_64-unknown-linux-musl, ELF, x86_64",
            "aarch64-unknown-linux-gnu, ELF, aarch64",
            "armv7-unknown-linux-gnueabihf, ELF, arm",
            "thumbv7neon-unknown-linux-gnueabihf, ELF, arm",
            "i686-unknown-linux-gnu, ELF, x86",
            "riscv64gc-unknown-linux-gnu, ELF, riscv64",
            "powerpc64le-unknown-linux-gnu, ELF, powerpc64le",
            "s390x-unknown-linux-gnu, ELF, s390x",
            "aarch64-linux-android, ELF, aarch64",
            "x86_64-unknown-freebsd, ELF, x86_64",
            "x86_64-pc-windows-msvc, PE_COFF, x86_64",
            "i686-pc-windows-msvc, PE_COFF, x86",
            "aarch64-pc-windows-msvc, PE_COFF, aarch64",
            "thumbv7a-pc-windows-msvc, PE_COFF, arm",
            "x86_64-pc-windows-gnu, PE_COFF, x86_64",
            "aarch64-apple-darwin, MACH_O, aarch64",
            "x86_64-apple-darwin, MACH_O, x86_64",
            "aarch64-apple-ios, MACH_O, aarch64",
    })
    void expectationOfATriple(String triple, ObjectFormat format, String arch) {
        var expected = ArchitectureCheck.expected(TargetTriple.parse(triple)).orElseThrow();
        assertThat(expected.format()).isEqualTo(format);
        assertThat(expected.architectures()).containsExactly(arch);
    }

    @Test
    void arm64ecAcceptsTheX64MachineItsImagesCarry() {
        var expected = ArchitectureCheck.expected(TargetTriple.parse("arm64ec-pc-windows-msvc")).orElseThrow();
        assertThat(expected.architectures()).isEqualTo(Set.of("arm64ec", "x86_64"));
    }

    @Test
    void webAssemblyTargetsNeedWebAssemblyModules() throws Exception {
        var expected = ArchitectureCheck.expected(TargetTriple.parse("wasm32-wasi")).orElseThrow();
        assertThat(expected.describe()).isEqualTo("wasm32 (WebAssembly)");
        BinaryHeader module = BinaryHeaders.read(HandMadeWasm.module(List.of("wasi_snapshot_preview1"), true, false))
                .orElseThrow();
        assertThat(ArchitectureCheck.mismatch(module, expected)).isEmpty();
        BinaryHeader elf = BinaryHeaders.read(HandMadeHeaders.pe(0x8664, false, true)).orElseThrow();
        assertThat(ArchitectureCheck.mismatch(elf, expected)).hasValueSatisfying(problem ->
                assertThat(problem).contains("but the target needs wasm32 (WebAssembly)"));
        BinaryHeader wasm64 = BinaryHeaders.read(HandMadeWasm.module(List.of(), false, true)).orElseThrow();
        assertThat(ArchitectureCheck.mismatch(wasm64, expected)).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("is WebAssembly (wasm64) library module"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "thumbv7em-none-eabihf, 'arm (ELF, EABI5 hard-float)'",
            "armv7-unknown-linux-gnueabihf, 'arm (ELF, EABI5 hard-float)'",
            "armv7-unknown-linux-musleabihf, 'arm (ELF, EABI5 hard-float)'",
            "thumbv7em-none-eabi, 'arm (ELF, EABI5 soft-float)'",
            "arm-unknown-linux-gnueabi, 'arm (ELF, EABI5 soft-float)'",
            "aarch64-unknown-linux-gnu, 'aarch64 (ELF)'",
            "thumbv7a-pc-windows-msvc, 'arm (PE/COFF)'",
    })
    void armTriplesNeedTheirFloatAbi(String triple, String described) {
        assertThat(ArchitectureCheck.expected(TargetTriple.parse(triple)).orElseThrow().describe()).isEqualTo(described);
    }

    @Test
    void theHeaderOfAnArmElfFileSaysItsEabi() throws Exception {
        BinaryHeader program = BinaryHeaders.read(HandMadeHeaders.elf32(2, 40, 0x05000400)).orElseThrow();
        assertThat(program.description()).isEqualTo("ELF 32-bit LSB executable, arm, EABI5 hard-float");
        assertThat(program.arm()).contains(new ArmEabi(5, ArmEabi.FloatAbi.HARD));
        BinaryHeader object = BinaryHeaders.read(HandMadeHeaders.elf32(1, 40, 0x05000000)).orElseThrow();
        assertThat(object.description()).isEqualTo("ELF 32-bit LSB object file, arm");
        assertThat(object.arm()).contains(new ArmEabi(5, ArmEabi.FloatAbi.UNSTATED));
        assertThat(BinaryHeaders.read(HandMadeHeaders.elf32(2, 3, 0x400)).orElseThrow().arm()).isEmpty();
    }

    static Stream<Arguments> verdicts() throws Exception {
        BinaryHeader hardFloat = BinaryHeaders.read(HandMadeHeaders.elf32(2, 40, 0x05000400)).orElseThrow();
        BinaryHeader softFloat = BinaryHeaders.read(HandMadeHeaders.elf32(2, 40, 0x05000200)).orElseThrow();
        BinaryHeader unstated = BinaryHeaders.read(HandMadeHeaders.elf32(3, 40, 0x05000000)).orElseThrow();
        BinaryHeader oldAbi = BinaryHeaders.read(HandMadeHeaders.elf32(2, 40, 0x400)).orElseThrow();
        BinaryHeader armObject = BinaryHeaders.read(HandMadeHeaders.elf32(1, 40, 0x05000000)).orElseThrow();
        BinaryHeader x86 = BinaryHeaders.read(HandMadeHeaders.elf32(2, 3, 0)).orElseThrow();
        Stream<Arguments> arm = Stream.of(
                Arguments.of(hardFloat, "thumbv7em-none-eabihf", null),
                Arguments.of(hardFloat, "armv7-unknown-linux-gnueabihf", null),
                Arguments.of(softFloat, "thumbv7em-none-eabihf", "is ELF 32-bit LSB executable, arm, EABI5 soft-float,"
                        + " but the target needs arm (ELF, EABI5 hard-float)"),
                Arguments.of(unstated, "thumbv7em-none-eabihf", "is ELF 32-bit LSB shared object, arm, EABI5 float ABI"
                        + " not stated, but the target needs arm (ELF, EABI5 hard-float)"),
                Arguments.of(oldAbi, "thumbv7em-none-eabihf", "is ELF 32-bit LSB executable, arm, GNU (non-EABI)"
                        + " hard-float, but the target needs arm (ELF, EABI5 hard-float)"),
                Arguments.of(hardFloat, "thumbv7em-none-eabi", "is ELF 32-bit LSB executable, arm, EABI5 hard-float,"
                        + " but the target needs arm (ELF, EABI5 soft-float)"),
                Arguments.of(softFloat, "thumbv7em-none-eabi", null),
                Arguments.of(unstated, "arm-unknown-linux-gnueabi", null),
                // an object's float ABI is in its build attributes, not in its header: not asked
                Arguments.of(armObject, "thumbv7em-none-eabihf", null),
                Arguments.of(x86, "thumbv7em-none-eabihf", "is ELF 32-bit LSB executable, x86, but the target needs"
                        + " arm (ELF, EABI5 hard-float)"));
        return Stream.concat(arm, otherVerdicts());
    }

    static Stream<Arguments> otherVerdicts() throws Exception {
        byte[] arm64 = HandMadeHeaders.machO(0x0100000c, 2, true, ByteOrder.LITTLE_ENDIAN);
        byte[] x64 = HandMadeHeaders.machO(0x01000007, 2, true, ByteOrder.LITTLE_ENDIAN);
        BinaryHeader universal = BinaryHeaders.read(HandMadeHeaders.fat(false, x64, arm64)).orElseThrow();
        BinaryHeader peArm64 = BinaryHeaders.read(HandMadeHeaders.pe(0xAA64, false, true)).orElseThrow();
        BinaryHeader peX64 = BinaryHeaders.read(HandMadeHeaders.pe(0x8664, false, true)).orElseThrow();
        BinaryHeader peX86 = BinaryHeaders.read(HandMadeHeaders.pe(0x14c, false, false)).orElseThrow();
        BinaryHeader mixedLib = BinaryHeaders.read(HandMadeHeaders.ar(HandMadeHeaders.importObject(0x8664),
                HandMadeHeaders.importObject(0xAA64))).orElseThrow();
        BinaryHeader arm64ImportLib = BinaryHeaders.read(HandMadeHeaders.ar(HandMadeHeaders.importObject(0xAA64)))
                .orElseThrow();
        return Stream.of(
                Arguments.of(peArm64, "aarch64-pc-windows-msvc", null),
                Arguments.of(peX64, "aarch64-pc-windows-msvc",
                        "is PE32+ executable, x86_64, but the target needs aarch64 (PE/COFF)"),
                Arguments.of(peX86, "x86_64-pc-windows-msvc",
                        "is PE32 executable, x86, but the target needs x86_64 (PE/COFF)"),
                Arguments.of(peX64, "i686-pc-windows-msvc",
                        "is PE32+ executable, x86_64, but the target needs x86 (PE/COFF)"),
                Arguments.of(peArm64, "aarch64-unknown-linux-gnu",
                        "is PE32+ executable, aarch64, but the target needs aarch64 (ELF)"),
                Arguments.of(universal, "aarch64-apple-darwin", null),
                Arguments.of(universal, "x86_64-apple-darwin", null),
                Arguments.of(universal, "aarch64-pc-windows-msvc",
                        "is universal Mach-O executable (x86_64, aarch64), but the target needs aarch64 (PE/COFF)"),
                Arguments.of(arm64ImportLib, "aarch64-pc-windows-msvc", null),
                Arguments.of(mixedLib, "aarch64-pc-windows-msvc",
                        "is import library (ar archive of PE/COFF objects), x86_64+aarch64, but the target needs"
                                + " aarch64 (PE/COFF)"));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("verdicts")
    void verdict(BinaryHeader header, String triple, String problem) {
        var expected = ArchitectureCheck.expected(TargetTriple.parse(triple)).orElseThrow();
        if (problem == null) {
            assertThat(ArchitectureCheck.mismatch(header, expected)).isEmpty();
        } else {
            assertThat(ArchitectureCheck.mismatch(header, expected)).hasValue(problem);
        }
    }
}
