import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
contains(log, 'crossbuild cargo-build summary:')
def triple = 'x86_64-unknown-linux-gnu'
def exe = new File(basedir, "target/crossbuild/targets/${triple}/cargo/${triple}/release/hello")
check(exe.isFile(), "no host binary at ${exe}")
def out = runBinary(triple, exe)
contains(out, 'hello from arch=x86_64 os=linux')
check(new File(basedir, 'target/crossbuild/toolchain.json').isFile(), 'toolchain.json missing')
return true
