import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'the toolchain check found 2 problems')
contains(log, "target `linux-arm64`: <triple>aarch64-unknown-linux-gnuu</triple> is not a target rustc 1.63")
contains(log, "did you mean `aarch64-unknown-linux-gnu`?")
contains(log, "target `windows-x64-gnu`: <triple>x86_64-pc-windos-gnu</triple> is not a target rustc 1.63")
contains(log, "did you mean `x86_64-pc-windows-gnu`?")
check((log =~ /linux-arm64\s+aarch64-unknown-linux-gnuu\s+debian.*FAILED/).find(), 'table row marks linux-arm64 FAILED')

// validation fails before any compiling
check(!log.contains('cargo-build'), 'cargo-build ran although validation failed')
check(!new File(basedir, 'target/crossbuild/targets/linux-x64/cargo').exists(), 'something was compiled')
return true
