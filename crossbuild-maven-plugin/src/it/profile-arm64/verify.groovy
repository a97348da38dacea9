import static dev.crossbuild.it.ItSupport.*

def exe = new File(basedir, 'target/crossbuild/targets/linux-arm64/cargo/aarch64-unknown-linux-gnu/release/hello')
check(exe.isFile(), "no arm64 binary at ${exe}")
contains(runBinary('aarch64-unknown-linux-gnu', exe), 'hello says arch=aarch64 os=linux')
check(!new File(basedir, 'target/crossbuild/targets/linux-x64').exists(), 'linux-x64 was built although not selected')
check(!new File(basedir, 'target/crossbuild/targets/windows-x64-gnu').exists(), 'windows-x64-gnu was built although not selected')
check(!buildLog(basedir).contains('[linux-x64]'), 'linux-x64 appears in the log')
return true
