package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RunnersTest {

    /** A machine that has exactly the listed files and programs ({@code ;}-separated). */
    private static Runners.Machine machine(String files, String programs) {
        Set<String> haveFiles = split(files);
        Set<String> havePrograms = split(programs);
        return new Runners.Machine() {
            @Override
            public boolean exists(Path file) {
                return haveFiles.contains(file.toString());
            }

            @Override
            public boolean onPath(String program) {
                return havePrograms.contains(program);
            }
        };
    }

    private static Set<String> split(String list) {
        return list == null ? Set.of() : Arrays.stream(list.split(";")).map(String::trim).collect(Collectors.toSet());
    }

    private static final String MULTIARCH = "/lib/ld-linux-aarch64.so.1;/lib/aarch64-linux-gnu/libc.so.6";
    private static final String SYSROOT = "/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1";

    @ParameterizedTest(name = "{1} on {0}: {4}")
    @CsvSource(delimiter = '|', value = {
            // the host and what it runs itself: no runner
            "x86_64-unknown-linux-gnu|x86_64-unknown-linux-gnu||qemu-aarch64|",
            "x86_64-unknown-linux-gnu|x86_64-unknown-linux-musl||qemu-aarch64|",
            "x86_64-unknown-linux-gnu|i686-unknown-linux-gnu||qemu-aarch64|",
            // another CPU with Debian's multiarch C library: qemu alone, never -L
            "x86_64-unknown-linux-gnu|aarch64-unknown-linux-gnu|" + MULTIARCH + "|qemu-aarch64|qemu-aarch64",
            // only the cross toolchain's sysroot: its loader with --library-path
            "x86_64-unknown-linux-gnu|aarch64-unknown-linux-gnu|" + SYSROOT + "|qemu-aarch64|"
                    + "qemu-aarch64 /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 --library-path /usr/aarch64-linux-gnu/lib",
            // a static musl binary needs no loader
            "x86_64-unknown-linux-gnu|aarch64-unknown-linux-musl||qemu-aarch64|qemu-aarch64",
            "x86_64-unknown-linux-gnu|armv7-unknown-linux-gnueabihf|/lib/ld-linux-armhf.so.3;/lib/arm-linux-gnueabihf/libc.so.6|qemu-arm|qemu-arm",
            "x86_64-unknown-linux-gnu|riscv64gc-unknown-linux-gnu|/usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1|qemu-riscv64|"
                    + "qemu-riscv64 /usr/riscv64-linux-gnu/lib/ld-linux-riscv64-lp64d.so.1 --library-path /usr/riscv64-linux-gnu/lib",
            "aarch64-unknown-linux-gnu|x86_64-unknown-linux-gnu|/lib/ld-linux-x86-64.so.2;/lib/x86_64-linux-gnu/libc.so.6|qemu-x86_64|qemu-x86_64",
            // Windows GNU under wine
            "x86_64-unknown-linux-gnu|x86_64-pc-windows-gnu||wine|wine",
            "x86_64-unknown-linux-gnu|i686-pc-windows-gnu||wine|wine",
            // WASI preview 1 in the plugin's own runtime, on every host; other wasm targets have no runner
            "x86_64-unknown-linux-gnu|wasm32-wasi|||crossbuild-wasi",
            "x86_64-unknown-linux-gnu|wasm32-wasip1|||crossbuild-wasi",
            "x86_64-pc-windows-msvc|wasm32-wasi|||crossbuild-wasi",
            "aarch64-apple-darwin|wasm32-wasip1|||crossbuild-wasi",
            "x86_64-unknown-linux-gnu|wasm32-unknown-unknown||qemu-aarch64;wine|",
            // what nothing here runs
            "x86_64-unknown-linux-gnu|aarch64-pc-windows-msvc||wine|",
            "x86_64-unknown-linux-gnu|aarch64-apple-darwin||qemu-aarch64|",
            "x86_64-pc-windows-msvc|aarch64-pc-windows-msvc||qemu-aarch64|",
    })
    void theRunnerChosenForATarget(String host, String target, String files, String programs, String runner) {
        Runners.Choice choice = Runners.choose(TargetTriple.parse(target), TargetTriple.parse(host),
                machine(files, programs));
        assertThat(choice.command().orElse(null)).isEqualTo(runner);
        assertThat(choice.command().orElse("")).doesNotContain(" -L ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aarch64-unknown-linux-gnu||install qemu-user (qemu-aarch64)",
            "aarch64-unknown-linux-gnu|qemu-aarch64|install the target's C library (Debian: libc6:arm64",
            "x86_64-pc-windows-gnu||install wine (Debian: wine)",
    })
    void whatToInstallWhenTheRunnerIsMissing(String target, String programs, String hint) {
        Runners.Choice choice = Runners.choose(TargetTriple.parse(target),
                TargetTriple.parse("x86_64-unknown-linux-gnu"), machine(null, programs));
        assertThat(choice.command()).isEmpty();
        assertThat(choice.missing().orElseThrow()).startsWith(hint);
    }

    @Test
    void aConfiguredRunnerAlwaysWinsAndNoneStaysNone() {
        TargetTriple host = TargetTriple.parse("x86_64-unknown-linux-gnu");
        Runners.Machine all = machine(MULTIARCH, "qemu-aarch64;wine");
        List<TargetSpec> targets = Runners.withChosenRunners(List.of(
                spec("a", "aarch64-unknown-linux-gnu", null),
                spec("b", "aarch64-unknown-linux-gnu", "my-emulator --fast"),
                spec("c", "x86_64-pc-windows-gnu", "none"),
                spec("d", "x86_64-unknown-linux-gnu", null)), host, all);
        assertThat(targets).extracting(TargetSpec::runner).containsExactly("qemu-aarch64", "my-emulator --fast", "none",
                null);
        assertThat(targets.get(2).runnerCommand()).isEmpty();
        assertThat(targets.get(2).runnerDisabled()).isTrue();
    }

    /** The plugin's own WASI runtime is a runner, but no program: nothing looks for it on PATH. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "crossbuild-wasi      | true  | -",
            "wasmtime run         | false | wasmtime run",
            "none                 | false | -",
            "-                    | false | -"})
    void theBuiltInWasiRuntimeIsARunnerButNoProgram(String runner, boolean builtIn, String program) {
        TargetSpec target = spec("w", "wasm32-wasip1", runner);
        assertThat(target.runsInBuiltInWasi()).isEqualTo(builtIn);
        assertThat(target.runnerProgram().orElse(null)).isEqualTo(program);
    }

    @ParameterizedTest
    @CsvSource({
            "x86_64-unknown-linux-gnu, amd64, x86_64-linux-gnu",
            "aarch64-unknown-linux-gnu, arm64, aarch64-linux-gnu",
            "i686-unknown-linux-gnu, i386, i386-linux-gnu",
            "armv7-unknown-linux-gnueabihf, armhf, arm-linux-gnueabihf",
            "powerpc64le-unknown-linux-gnu, ppc64el, powerpc64le-linux-gnu",
            "riscv64gc-unknown-linux-gnu, riscv64, riscv64-linux-gnu",
            "s390x-unknown-linux-gnu, s390x, s390x-linux-gnu"})
    void debianNamesOfLinuxCpus(String triple, String debianArch, String multiarch) {
        TargetTriple t = TargetTriple.parse(triple);
        assertThat(LinuxPlatforms.debianArch(t)).contains(debianArch);
        assertThat(LinuxPlatforms.multiarchTuple(t)).contains(multiarch);
    }

    private static TargetSpec spec(String id, String triple, String runner) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, runner, Map.of(),
                null, List.of(), Map.of());
    }
}
