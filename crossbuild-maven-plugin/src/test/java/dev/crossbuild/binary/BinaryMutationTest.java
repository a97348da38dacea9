package dev.crossbuild.binary;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossbuild.Toolchains;
import dev.crossbuild.model.TargetTriple;
import java.io.File;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real binaries (built here by the real toolchains, the machine's own {@code ls} and {@code libjvm.so}) and the
 * hand-made PE and Mach-O images, each cut at every length of its first 4 KiB and at a spread of lengths after,
 * and with seeded random bytes changed, mostly in the headers and tables the readers look at. Header detection,
 * needs reading, export reading and the architecture check must each end in a normal result or in a
 * {@link MalformedBinaryException} naming the file; any other exception, or a hang, fails the test. A cut file
 * that still reads must read as the whole file did: a reader may not answer from part of a table.
 */
class BinaryMutationTest {

    private static final long SEED = 0x5EED_B1A5L;
    private static final int EVERY_LENGTH_UP_TO = 4096;
    private static final int SPREAD_CUTS = 256;
    private static final int FLIP_CASES = 1500;
    /** Of the changed bytes, this share goes to the bytes the readers read from the whole file. */
    private static final double IN_TABLES = 0.85;
    private static final byte[] TELLING_VALUES = {0, (byte) 0xff, 0x7f, (byte) 0x80, 1};

    @TempDir
    Path dir;

    /** A binary to damage, where it comes from, and the target it is for. */
    private record Subject(String name, String triple, Builder builder) {
    }

    @FunctionalInterface
    private interface Builder {
        byte[] build(Path dir) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> everyCutAndFlipIsANormalResultOrANamedError() {
        return subjects().map(subject -> DynamicTest.dynamicTest(subject.name(), () -> {
            byte[] data = subject.builder().build(dir);
            Outcomes outcomes = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> mutate(subject, data));
            System.out.printf("%s: %d cases (%d cut, %d flipped), %d named errors, in %d ms%n", subject.name(),
                    outcomes.cases(), outcomes.cuts, outcomes.flips, outcomes.errors, outcomes.millis);
            // the cases bite: most cut files are refused
            assertThat(outcomes.errors).as("named errors").isGreaterThan(outcomes.cuts / 2);
        }));
    }

    private static Stream<Subject> subjects() {
        return Stream.of(
                new Subject("ls of this machine", "x86_64-unknown-linux-gnu", dir -> {
                    Path ls = Path.of("/bin/ls");
                    require(Toolchains.linux() && Files.isRegularFile(ls), "/bin/ls is needed");
                    return Files.readAllBytes(ls);
                }),
                new Subject("libjvm.so of the running JDK", "x86_64-unknown-linux-gnu", dir -> {
                    Path libjvm = Path.of(System.getProperty("java.home"), "lib", "server", "libjvm.so");
                    require(Files.isRegularFile(libjvm), libjvm + " is needed");
                    return Files.readAllBytes(libjvm);
                }),
                new Subject("gcc executable with a runpath", "x86_64-unknown-linux-gnu",
                        dir -> cc(dir, "gcc", "hello", "-Wl,-rpath,$ORIGIN/lib")),
                new Subject("gcc shared library", "x86_64-unknown-linux-gnu",
                        dir -> cc(dir, "gcc", "libhello.so", "-shared", "-fPIC")),
                new Subject("32-bit ELF shared library (gcc -m32 -nostdlib)", "i686-unknown-linux-gnu",
                        BinaryMutationTest::elf32),
                new Subject("aarch64 executable", "aarch64-unknown-linux-gnu",
                        dir -> cc(dir, "aarch64-linux-gnu-gcc", "hello")),
                new Subject("aarch64 static library", "aarch64-unknown-linux-gnu",
                        dir -> staticLibrary(dir, "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-ar")),
                new Subject("mingw executable", "x86_64-pc-windows-gnu",
                        dir -> cc(dir, "x86_64-w64-mingw32-gcc", "hello.exe")),
                new Subject("mingw DLL", "x86_64-pc-windows-gnu",
                        dir -> cc(dir, "x86_64-w64-mingw32-gcc", "hello.dll", "-shared")),
                new Subject("mingw import library", "x86_64-pc-windows-gnu", BinaryMutationTest::importLibrary),
                new Subject("hand-made ELF with a runpath", "x86_64-unknown-linux-gnu",
                        dir -> HandMadeNeeds.elf(List.of("libc.so.6", "libgreet.so"), "$ORIGIN/lib")),
                new Subject("hand-made PE with delay imports", "x86_64-pc-windows-msvc",
                        dir -> HandMadeNeeds.pe(List.of("KERNEL32.dll", "VCRUNTIME140.dll"), List.of("dbghelp.dll"),
                                3)),
                new Subject("hand-made Mach-O", "aarch64-apple-darwin", dir -> machO()),
                new Subject("hand-made universal Mach-O", "x86_64-apple-darwin",
                        dir -> HandMadeHeaders.fat(false, HandMadeHeaders.machO(0x01000007, 2, true,
                                ByteOrder.LITTLE_ENDIAN), machO())),
                new Subject("hand-made universal Mach-O with 64-bit offsets", "aarch64-apple-darwin",
                        dir -> HandMadeHeaders.fat(true, machO())),
                new Subject("hand-made WebAssembly command", "wasm32-wasi",
                        dir -> HandMadeWasm.module(List.of("wasi_snapshot_preview1", "env"), true, false)),
                new Subject("rustc wasm32-wasi command", "wasm32-wasi",
                        dir -> Files.readAllBytes(dev.crossbuild.WasmBuilds.rustc(dir, "wasm32-wasi",
                                "fn main() { println!(\"hi\"); }"))),
                // libraries with exports, for the export reader
                new Subject("gcc JNI library (DT_GNU_HASH)", "x86_64-unknown-linux-gnu",
                        dir -> Files.readAllBytes(NativeFixtures.jniLibrary(dir, "gcc", "libjni.so", "-DON_LOAD"))),
                new Subject("gcc JNI library (DT_HASH only)", "x86_64-unknown-linux-gnu",
                        dir -> Files.readAllBytes(NativeFixtures.jniLibrary(dir, "gcc", "libjni.so",
                                "-Wl,--hash-style=sysv"))),
                new Subject("aarch64 JNI library", "aarch64-unknown-linux-gnu",
                        dir -> Files.readAllBytes(NativeFixtures.jniLibrary(dir, "aarch64-linux-gnu-gcc",
                                "libjni.so"))),
                new Subject("mingw JNI DLL", "x86_64-pc-windows-gnu",
                        dir -> Files.readAllBytes(NativeFixtures.jniLibrary(dir, "x86_64-w64-mingw32-gcc", "jni.dll"))),
                new Subject("32-bit mingw JNI DLL", "i686-pc-windows-gnu",
                        dir -> Files.readAllBytes(NativeFixtures.jniLibrary(dir, "i686-w64-mingw32-gcc", "jni.dll"))),
                new Subject("hand-made ELF with DT_HASH exports", "x86_64-unknown-linux-gnu",
                        dir -> HandMadeExports.elf(List.of("Java_a_B_c", "Java_a_B_d", "JNI_OnLoad"), false)),
                new Subject("hand-made ELF with DT_GNU_HASH exports", "x86_64-unknown-linux-gnu",
                        dir -> HandMadeExports.elf(List.of("Java_a_B_c", "Java_a_B_d", "JNI_OnLoad"), true)),
                new Subject("hand-made PE32 with exports", "i686-pc-windows-msvc",
                        dir -> HandMadeExports.pe32(List.of("_Java_a_B_c@8", "JNI_OnLoad", "Java_a_B_d"))),
                new Subject("Mach-O dylib from ld64.lld", "aarch64-apple-darwin",
                        dir -> Files.readAllBytes(NativeFixtures.machODylib(dir, "arm64-apple-macos11",
                                "libjni.dylib"))),
                new Subject("hand-made Mach-O with an export trie", "aarch64-apple-darwin",
                        dir -> HandMadeExports.machO(List.of("_Java_a_B_c", "_Java_a_B_d", "_Java_a_C_e",
                                "_JNI_OnLoad"), true)),
                new Subject("hand-made Mach-O with a symbol table", "aarch64-apple-darwin",
                        dir -> HandMadeExports.machO(List.of("_Java_a_B_c", "_JNI_OnLoad"), false)));
    }

    private static byte[] machO() {
        return HandMadeNeeds.machO(List.of("/usr/lib/libSystem.B.dylib", "@rpath/libtray.dylib"),
                List.of("@loader_path/../lib"), 0x000b0000);
    }

    private static final class Outcomes {
        int cuts;
        int flips;
        int errors;
        long millis;

        int cases() {
            return cuts + flips;
        }
    }

    /** What the readers made of one version of the file. */
    private record Result(Optional<BinaryHeader> header, Optional<BinaryNeeds> needs,
            Optional<BinaryExports> exports) {
    }

    private Outcomes mutate(Subject subject, byte[] data) throws Exception {
        long start = System.nanoTime();
        ArchitectureCheck.Expectation expected = ArchitectureCheck.expected(TargetTriple.parse(subject.triple()))
                .orElseThrow();
        RecordingSource whole = new RecordingSource(ByteSource.of(subject.name(), data, data.length));
        Result original = read(whole, expected, "the whole file").orElseThrow(
                () -> new AssertionError(subject.name() + " is refused whole"));
        assertThat(original.header()).as("the whole file is recognized").isPresent();
        List<long[]> tables = whole.ranges;
        boolean archive = BinaryHeaders.isArchive(data);
        // how much of the file tells what it is: an MZ file cut before its PE signature is no PE image, and a
        // universal file needs its architecture count to differ from a class file; others need their magic
        long recognizedFrom = UniversalHeader.isUniversal(data) ? 8
                : PeHeader.signature(whole).map(pe -> pe + 4).orElse(4L);

        Outcomes outcomes = new Outcomes();
        for (int length : cutLengths(data.length)) {
            String name = subject.name() + " cut to " + length + " bytes";
            Optional<Result> result = read(ByteSource.of(name, data, length), expected, name);
            outcomes.cuts++;
            if (result.isEmpty()) {
                outcomes.errors++;
            } else if (length < recognizedFrom) {
                assertThat(result.get()).as(name + " is no binary").isEqualTo(new Result(Optional.empty(),
                        Optional.empty(), Optional.empty()));
            } else if (!archive) {
                // an archive cut between members is a smaller, whole archive; anything else must be refused
                // or read exactly as before
                assertThat(result.get()).as(name + " reads differently from the whole file").isEqualTo(original);
            }
        }
        Random random = new Random(SEED ^ subject.name().hashCode());
        for (int i = 0; i < FLIP_CASES; i++) {
            int flips = 1 + random.nextInt(4);
            int[] positions = new int[flips];
            byte[] saved = new byte[flips];
            StringBuilder name = new StringBuilder(subject.name()).append(" with bytes changed at");
            for (int f = 0; f < flips; f++) {
                positions[f] = position(random, tables, data.length);
                saved[f] = data[positions[f]];
                name.append(' ').append(positions[f]);
            }
            // in place, and put back after: a copy of libjvm.so per case would cost seconds
            for (int f = 0; f < flips; f++) {
                data[positions[f]] = random.nextInt(3) == 0 ? TELLING_VALUES[random.nextInt(TELLING_VALUES.length)]
                        : (byte) (data[positions[f]] ^ (1 + random.nextInt(255)));
            }
            try {
                if (read(ByteSource.of(name.toString(), data, data.length), expected, name.toString()).isEmpty()) {
                    outcomes.errors++;
                }
            } finally {
                for (int f = flips - 1; f >= 0; f--) {
                    data[positions[f]] = saved[f];
                }
            }
            outcomes.flips++;
        }
        outcomes.millis = (System.nanoTime() - start) / 1_000_000;
        return outcomes;
    }

    /**
     * Runs the four readers; empty when the file was refused with a {@link MalformedBinaryException} that names
     * it. Any other exception fails the test, naming the case.
     */
    private static Optional<Result> read(ByteSource source, ArchitectureCheck.Expectation expected, String name) {
        try {
            Optional<BinaryHeader> header = BinaryHeaders.read(source);
            header.ifPresent(h -> ArchitectureCheck.mismatch(h, expected));
            Optional<BinaryNeeds> needs = BinaryNeedsReader.read(source);
            needs.ifPresent(BinaryNeeds::newestGlibc);
            Optional<BinaryExports> exports = BinaryExportsReader.read(source);
            return Optional.of(new Result(header, needs, exports));
        } catch (MalformedBinaryException e) {
            if (!e.getMessage().startsWith(source.name() + ":") && !e.file().startsWith(source.name() + " ")) {
                fail(name + ": the error does not name the file: " + e.getMessage());
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }

    /** Every length up to 4 KiB, then evenly spread lengths over the rest (the whole length excluded). */
    private static List<Integer> cutLengths(int size) {
        List<Integer> lengths = new ArrayList<>();
        for (int length = 0; length <= Math.min(EVERY_LENGTH_UP_TO, size - 1); length++) {
            lengths.add(length);
        }
        if (size - 1 > EVERY_LENGTH_UP_TO) {
            long rest = size - 1 - EVERY_LENGTH_UP_TO;
            for (int i = 1; i <= SPREAD_CUTS; i++) {
                lengths.add((int) (EVERY_LENGTH_UP_TO + rest * i / SPREAD_CUTS));
            }
        }
        return lengths;
    }

    /** Mostly a byte the readers read from the whole file (a header or table), sometimes any byte. */
    private static int position(Random random, List<long[]> tables, int size) {
        if (random.nextDouble() < IN_TABLES) {
            long[] range = tables.get(random.nextInt(tables.size()));
            long end = Math.min(size, range[0] + range[1]);
            if (range[0] >= 0 && range[0] < end) {
                return (int) (range[0] + random.nextInt((int) (end - range[0])));
            }
        }
        return random.nextInt(size);
    }

    /** A source that notes every range the readers read, so that changes can aim at the headers and tables. */
    private static final class RecordingSource implements ByteSource {
        private final ByteSource source;
        final List<long[]> ranges = new ArrayList<>();

        RecordingSource(ByteSource source) {
            this.source = source;
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public long size() {
            return source.size();
        }

        @Override
        public byte[] readUpTo(long offset, int length) throws IOException {
            byte[] bytes = source.readUpTo(offset, length);
            if (bytes.length > 0) {
                ranges.add(new long[] {offset, bytes.length});
            }
            return bytes;
        }

        @Override
        public void close() {
        }
    }

    private static byte[] cc(Path dir, String compiler, String output, String... flags) throws Exception {
        require(dev.crossbuild.Toolchains.onPath(compiler), compiler + " is needed");
        Files.writeString(dir.resolve("hello.c"), "int answer(void) { return 42; }\n"
                + "int main(void) { return answer() - 42; }\n");
        List<String> command = new ArrayList<>(List.of(compiler));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", output, "hello.c"));
        run(dir, command);
        return Files.readAllBytes(dir.resolve(output));
    }

    private static byte[] staticLibrary(Path dir, String compiler, String archiver) throws Exception {
        require(dev.crossbuild.Toolchains.onPath(compiler) && dev.crossbuild.Toolchains.onPath(archiver), compiler + " and " + archiver + " are needed");
        Files.writeString(dir.resolve("hello.c"), "int answer(void) { return 42; }\n");
        run(dir, List.of(compiler, "-c", "-o", "hello.o", "hello.c"));
        run(dir, List.of(archiver, "rcs", "libhello.a", "hello.o"));
        return Files.readAllBytes(dir.resolve("libhello.a"));
    }

    private static byte[] importLibrary(Path dir) throws Exception {
        require(dev.crossbuild.Toolchains.onPath("x86_64-w64-mingw32-gcc"), "x86_64-w64-mingw32-gcc is needed");
        Files.writeString(dir.resolve("hello.c"), "__declspec(dllexport) int answer(void) { return 42; }\n");
        run(dir, List.of("x86_64-w64-mingw32-gcc", "-shared", "-o", "hello.dll", "-Wl,--out-implib,libhello.dll.a",
                "hello.c"));
        return Files.readAllBytes(dir.resolve("libhello.dll.a"));
    }

    /** A 32-bit ELF shared object that needs a library and has a runpath; no 32-bit libc is needed to link it. */
    private static byte[] elf32(Path dir) throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc") && Toolchains.linux(), "gcc on Linux is needed");
        Files.writeString(dir.resolve("dep.c"), "int dep(void) { return 1; }\n");
        Files.writeString(dir.resolve("api.c"), "int dep(void);\nint api(void) { return dep() + 1; }\n");
        run(dir, List.of("gcc", "-m32", "-shared", "-nostdlib", "-fPIC", "-o", "libdep.so", "dep.c"));
        run(dir, List.of("gcc", "-m32", "-shared", "-nostdlib", "-fPIC", "-Wl,-rpath,$ORIGIN/lib", "-o", "libapi.so",
                "api.c", "-L.", "-ldep"));
        return Files.readAllBytes(dir.resolve("libapi.so"));
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
    }

}
