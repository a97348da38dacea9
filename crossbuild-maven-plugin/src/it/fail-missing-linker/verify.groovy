import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, "target `linux-riscv64`: <linker>riscv64-linux-gnu-gcc</linker>: `riscv64-linux-gnu-gcc` is not on PATH; install it (Debian/Ubuntu: `apt-get install gcc-riscv64-linux-gnu`)")
contains(log, "target `linux-riscv64`: <runner>qemu-riscv64-static -L /usr/riscv64-linux-gnu</runner>: `qemu-riscv64-static` is not on PATH")
// all problems at once: the missing standard library is listed too
contains(log, "rustup target add riscv64gc-unknown-linux-gnu --toolchain stable")
contains(log, 'the toolchain check found 3 problems')
check((log =~ /linux-x64\s+x86_64-unknown-linux-gnu\s+stable.*OK/).find(), 'the healthy target is reported OK')

// validation fails before any compiling
check(!log.contains('cargo-build'), 'cargo-build ran although validation failed')
check(!new File(basedir, 'target/crossbuild/targets/linux-x64/cargo').exists(), 'something was compiled')
return true
