import static dev.crossbuild.it.ItSupport.*

def triple = 'aarch64-unknown-linux-gnu'
def exe = new File(basedir, "target/crossbuild/targets/linux-arm64/cargo/${triple}/release/env-script-posix")
check(exe.isFile(), "no binary at ${exe}")
contains(runBinary(triple, exe).trim(),
        'rust_arch=aarch64 c_arch=aarch64 flavour=aarch64-unknown-linux-gnu build_script_saw=release')

// the SDK's wrapper compiled the C library (make got CC from the script) and linked the Rust binary
// (cargo's linker came from the script's CC)
def calls = new File(basedir, 'sdk/wrapper-calls.log').readLines()
check(calls.any { it.contains('-c greet.c') }, "the wrapper did not compile greet.c: ${calls}")
check(calls.any { it.contains('.rcgu.o') || it.contains('env_script_posix') }, "the wrapper did not link the binary: ${calls}")
def log = buildLog(basedir)
contains(log, '[linux-arm64] capturing the environment of ')
return true
