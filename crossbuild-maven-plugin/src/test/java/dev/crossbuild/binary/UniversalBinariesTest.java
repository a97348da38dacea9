package dev.crossbuild.binary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetTriple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The architecture proof of a macOS universal target ({@code universal2-apple-darwin}) on real files: thin Mach-O
 * programs and libraries zig builds for arm64 and x86_64, and the universal files llvm-lipo joins from them. Every
 * binary must hold both slices; one missing is named.
 */
class UniversalBinariesTest {

    @TempDir
    static Path dir;

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    /**
     * A fixture by name: {@code aarch64-exe}, {@code x86_64-dylib} (thin, built by zig), or slices joined by lipo:
     * {@code aarch64+x86_64-exe}, {@code x86_64-static} alone in a fat file is {@code fat:x86_64-exe}.
     */
    static synchronized Path fixture(String name) throws IOException, InterruptedException {
        Path known = BUILT.get(name);
        if (known != null) {
            return known;
        }
        Path file;
        if (name.startsWith("fat:")) {
            String thin = name.substring(4);
            file = MachOFixtures.join(dir.resolve("fat-" + thin), fixture(thin));
        } else if (name.contains("+")) {
            String kind = name.substring(name.lastIndexOf('-') + 1);
            String[] arches = name.substring(0, name.lastIndexOf('-')).split("\\+");
            Path[] slices = new Path[arches.length];
            for (int i = 0; i < arches.length; i++) {
                slices[i] = fixture(arches[i] + "-" + kind);
            }
            file = MachOFixtures.join(dir.resolve("universal-" + name), slices);
        } else {
            String arch = name.substring(0, name.indexOf('-'));
            Path own = Files.createDirectories(dir.resolve(name + ".d"));
            file = MachOFixtures.build(own, arch, name.substring(name.indexOf('-') + 1));
        }
        BUILT.put(name, file);
        return file;
    }

    static Stream<Arguments> verdicts() {
        String universal = "universal2-apple-darwin";
        String needs = "but the target needs universal Mach-O with aarch64 and x86_64 slices";
        return Stream.of(
                Arguments.of("aarch64+x86_64-exe", universal, null),
                Arguments.of("x86_64+aarch64-exe", universal, null),
                Arguments.of("aarch64+x86_64-dylib", universal, null),
                Arguments.of("aarch64+x86_64-static", universal, null),
                Arguments.of("aarch64-exe", universal, "is Mach-O 64-bit executable, aarch64, " + needs
                        + ": the x86_64 slice is missing"),
                Arguments.of("x86_64-dylib", universal, "is Mach-O 64-bit shared library, x86_64, " + needs
                        + ": the aarch64 slice is missing"),
                Arguments.of("fat:x86_64-exe", universal, "is universal Mach-O executable (x86_64), " + needs
                        + ": the aarch64 slice is missing"),
                Arguments.of("fat:aarch64-dylib", universal, "is universal Mach-O shared library (aarch64), " + needs
                        + ": the x86_64 slice is missing"),
                Arguments.of("aarch64-static", universal, "is static library (ar archive of Mach-O objects),"
                        + " aarch64, " + needs + ": the x86_64 slice is missing"),
                // a universal file still fits a target of one of its architectures
                Arguments.of("aarch64+x86_64-exe", "aarch64-apple-darwin", null),
                Arguments.of("aarch64+x86_64-exe", "x86_64-apple-darwin", null),
                Arguments.of("aarch64-exe", "x86_64-apple-darwin", "is Mach-O 64-bit executable, aarch64, but the"
                        + " target needs x86_64 (Mach-O)"));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("verdicts")
    void verdict(String fixture, String triple, String problem) throws Exception {
        BinaryHeader header = BinaryHeaders.read(fixture(fixture)).orElseThrow();
        var expected = ArchitectureCheck.expected(TargetTriple.parse(triple)).orElseThrow();
        if (problem == null) {
            assertThat(ArchitectureCheck.mismatch(header, expected)).isEmpty();
        } else {
            assertThat(ArchitectureCheck.mismatch(header, expected)).hasValue(problem);
        }
    }

    @Test
    void universalFileListsBothSlicesInLipoOrder() throws Exception {
        BinaryHeader header = BinaryHeaders.read(fixture("aarch64+x86_64-exe")).orElseThrow();
        assertThat(header.format()).isEqualTo(ObjectFormat.MACH_O);
        assertThat(header.kind()).isEqualTo(BinaryKind.EXECUTABLE);
        // lipo sorts the slices by CPU type: x86_64 (0x01000007) before arm64 (0x0100000c)
        assertThat(header.architectures()).isEqualTo(List.of("x86_64", "aarch64"));
        assertThat(header.description()).isEqualTo("universal Mach-O executable (x86_64, aarch64)");
    }

    /** Java class files start with 0xCAFEBABE too: their version, read as a slice count, tells them apart. */
    @Test
    void aJavaClassFileIsNoUniversalBinary() throws Exception {
        byte[] classFile;
        try (var in = UniversalBinariesTest.class.getResourceAsStream("UniversalBinariesTest.class")) {
            classFile = in.readAllBytes();
        }
        assertThat(classFile).startsWith((byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE);
        assertThat(BinaryHeaders.read(classFile)).isEmpty();
    }

    @Test
    void otherTargetsAndFormatsAreRefused() throws Exception {
        var expected = ArchitectureCheck.expected(TargetTriple.parse("universal2-apple-darwin")).orElseThrow();
        assertThat(expected.everySlice()).isTrue();
        assertThat(expected.describe()).isEqualTo("universal Mach-O with aarch64 and x86_64 slices");
        BinaryHeader pe = BinaryHeaders.read(HandMadeHeaders.pe(0xAA64, false, true)).orElseThrow();
        assertThat(ArchitectureCheck.mismatch(pe, expected)).hasValue("is PE32+ executable, aarch64, but the target"
                + " needs universal Mach-O with aarch64 and x86_64 slices");
        byte[] arm64 = HandMadeHeaders.machO(0x0100000c, 2, true, java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] x64 = HandMadeHeaders.machO(0x01000007, 2, true, java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] x86 = HandMadeHeaders.machO(7, 2, false, java.nio.ByteOrder.LITTLE_ENDIAN);
        BinaryHeader three = BinaryHeaders.read(HandMadeHeaders.fat(false, x64, arm64, x86)).orElseThrow();
        assertThat(ArchitectureCheck.mismatch(three, expected)).hasValue("is universal Mach-O executable (x86_64,"
                + " aarch64, x86), but the target needs universal Mach-O with aarch64 and x86_64 slices: it also holds"
                + " x86, which the target does not build");
    }
}
