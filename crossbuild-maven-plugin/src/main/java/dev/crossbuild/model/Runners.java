package dev.crossbuild.model;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which program runs a target's binaries on this machine when the pom names none, as a pure function of the
 * host, the target and what the machine has ({@link Machine}), so every host is testable here.
 * <ul>
 * <li>none when the host runs the target itself (see {@link #runsNatively});</li>
 * <li>{@code qemu-<cpu>} for Linux on another CPU, never with {@code -L} (or {@code QEMU_LD_PREFIX}): with it,
 *     qemu-user 7.2 hangs as soon as the guest starts a second thread (PLATFORM-NOTES: running tests of other
 *     architectures). With Debian's multiarch C library installed ({@code libc6:arm64}) qemu finds the target's
 *     loader where the binary names it; otherwise the loader of the cross toolchain's sysroot is started with
 *     {@code --library-path}; a static (musl) binary needs neither;</li>
 * <li>{@code wine} for Windows GNU targets on Linux;</li>
 * <li>none for bare-metal targets ({@code thumbv7em-none-eabihf}): the board (or the emulator's machine) is the
 *     user's to name;</li>
 * <li>{@value #WASI}, the plugin's own WASI runtime in a JVM (Chicory), for WASI preview 1 targets
 *     ({@code wasm32-wasi}, {@code wasm32-wasip1}) on every host. Other wasm targets
 *     ({@code wasm32-unknown-unknown}) have no runner: what they import is up to their embedder.</li>
 * </ul>
 */
public final class Runners {

    /** The value of {@code <runner>} that means "built, not run". */
    public static final String NONE = "none";

    /**
     * The runner of WASI targets built into the plugin: a JVM running Chicory with its compiler, so a wasm test
     * needs no wasmtime or node. Also accepted as {@code <runner>crossbuild-wasi</runner>}.
     */
    public static final String WASI = "crossbuild-wasi";

    /** What a bare-metal target needs to run: no runner fits every board. */
    static final String BARE_METAL = "a bare-metal program runs on its board: set the target's <runner>, e.g."
            + " `qemu-system-arm -M mps2-an386 -display none -chardev stdio,id=out -semihosting-config"
            + " enable=on,target=native,chardev=out -kernel` (semihosting output and exit status)";

    /** Whether a runner is the plugin's own WASI runtime rather than a program on PATH. */
    public static boolean isBuiltInWasi(String runner) {
        return runner != null && runner.trim().equals(WASI);
    }

    /** What the runner choice may look at; {@link #LOCAL} looks at this machine. */
    public interface Machine {
        boolean exists(Path file);

        boolean onPath(String program);

        Machine LOCAL = new Machine() {
            @Override
            public boolean exists(Path file) {
                return Files.exists(file);
            }

            @Override
            public boolean onPath(String program) {
                String path = System.getenv("PATH");
                if (path == null) {
                    return false;
                }
                for (String dir : path.split(File.pathSeparator)) {
                    if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /**
     * The runner chosen for a target: the command, or why there is none here with the fix.
     *
     * @param command the runner command line, or empty
     * @param missing what to install for one, or empty (also when the host runs the target itself)
     */
    public record Choice(Optional<String> command, Optional<String> missing) {

        static Choice of(String command) {
            return new Choice(Optional.of(command), Optional.empty());
        }

        static Choice none(String missing) {
            return new Choice(Optional.empty(), Optional.ofNullable(missing));
        }
    }

    private Runners() {
    }

    /** Each target with its runner: the pom's, or the one chosen here when the pom names none. */
    public static java.util.List<TargetSpec> withChosenRunners(java.util.List<TargetSpec> targets, TargetTriple host,
            Machine machine) {
        return targets.stream().map(t -> t.runner() != null && !t.runner().isBlank() ? t
                : choose(t.triple(), host, machine).command().map(t::withRunner).orElse(t)).toList();
    }

    /** The runner for a target whose pom names none. */
    public static Choice choose(TargetTriple target, TargetTriple host, Machine machine) {
        if (target.isWasiPreview1()) {
            return Choice.of(WASI);
        }
        if (runsNatively(target, host)) {
            return Choice.none(null);
        }
        if (target.isBareMetal()) {
            // the board decides: qemu-system-<cpu> needs its machine (-M), a probe its own runner
            return Choice.none(BARE_METAL);
        }
        if (target.isLinux() && host.isLinux()) {
            return qemu(target, machine);
        }
        if (target.isWindows() && !target.isMsvc() && host.isLinux()
                && (target.archFamily().equals("x86_64") || target.archFamily().equals("x86"))) {
            return machine.onPath("wine") ? Choice.of("wine") : Choice.none("install wine (Debian: wine)");
        }
        return Choice.none(null);
    }

    private static Choice qemu(TargetTriple target, Machine machine) {
        Optional<String> cpu = qemuCpu(target);
        if (cpu.isEmpty()) {
            return Choice.none(null);
        }
        String qemu = "qemu-" + cpu.get();
        if (!machine.onPath(qemu)) {
            return Choice.none("install qemu-user (" + qemu + ")");
        }
        if (target.env().startsWith("musl")) {
            return Choice.of(qemu);
        }
        Optional<String> loader = glibcLoader(target);
        Optional<String> multiarch = LinuxPlatforms.multiarchTuple(target);
        if (loader.isEmpty() || multiarch.isEmpty()) {
            return Choice.of(qemu);
        }
        if (machine.exists(Path.of("/lib", loader.get()))
                && machine.exists(Path.of("/lib", multiarch.get(), "libc.so.6"))) {
            return Choice.of(qemu);
        }
        Path sysroot = Path.of("/usr", LinuxPlatforms.gnuTuple(target).orElse(multiarch.get()), "lib");
        if (machine.exists(sysroot.resolve(loader.get()))) {
            return Choice.of(qemu + " " + sysroot.resolve(loader.get()) + " --library-path " + sysroot);
        }
        return Choice.none("install the target's C library (Debian: libc6:" + LinuxPlatforms.debianArch(target)
                .orElse(target.arch()) + " after dpkg --add-architecture, or libc6-dev-"
                + LinuxPlatforms.debianArch(target).orElse(target.arch()) + "-cross)");
    }

    /** qemu-user's name for the CPU ({@code qemu-aarch64}, {@code qemu-arm}, {@code qemu-i386}…). */
    public static Optional<String> qemuCpu(TargetTriple target) {
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            case "x86" -> "i386";
            case "arm" -> "arm";
            case "riscv64" -> "riscv64";
            case "powerpc64" -> arch.endsWith("le") ? "ppc64le" : "ppc64";
            case "s390x" -> "s390x";
            case "loongarch64" -> "loongarch64";
            default -> null;
        });
    }

    /** The file name of glibc's dynamic loader for the CPU, as the binary's {@code PT_INTERP} names it. */
    public static Optional<String> glibcLoader(TargetTriple target) {
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> "ld-linux-x86-64.so.2";
            case "aarch64" -> "ld-linux-aarch64.so.1";
            case "x86" -> "ld-linux.so.2";
            case "arm" -> target.env().endsWith("hf") ? "ld-linux-armhf.so.3" : "ld-linux.so.3";
            case "riscv64" -> "ld-linux-riscv64-lp64d.so.1";
            case "powerpc64" -> arch.endsWith("le") ? "ld64.so.2" : "ld64.so.1";
            case "s390x" -> "ld64.so.1";
            default -> null;
        });
    }

    /**
     * The host and what a host of that OS runs without help: the same CPU with another C library or ABI
     * (x86_64 gnu and musl, Windows gnu and msvc), and 32-bit x86 on an x86_64 Linux or Windows host.
     */
    public static boolean runsNatively(TargetTriple triple, TargetTriple host) {
        if (triple.equals(host)) {
            return true;
        }
        if (!triple.osName().equals(host.osName()) || triple.isApple() != host.isApple()) {
            return false;
        }
        if (triple.archFamily().equals(host.archFamily())) {
            return true;
        }
        return host.archFamily().equals("x86_64") && triple.archFamily().equals("x86")
                && (triple.osName().equals("linux") || triple.isWindows());
    }
}
