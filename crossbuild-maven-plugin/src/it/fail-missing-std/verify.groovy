import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, "target `linux-musl`: the Rust standard library for x86_64-unknown-linux-musl is not installed in toolchain `stable`; run `rustup target add x86_64-unknown-linux-musl --toolchain stable`")
contains(log, "target `linux-x86`: the Rust standard library for i686-unknown-linux-gnu is not installed in toolchain `debian`")
contains(log, "Debian's package libstd-rust-dev:i386")
check(!log.contains('cargo-build'), 'cargo-build ran although validation failed')
def report = new File(basedir, 'target/crossbuild/toolchain.json').text
contains(report, '"standardLibrary": false')
return true
