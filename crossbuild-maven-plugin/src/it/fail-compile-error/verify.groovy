import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, "target `linux-x64` (x86_64-unknown-linux-gnu): cargo build failed: error[E0308]: mismatched types at ")
contains(log, "src/main.rs:2:22")
// rustc's rendered diagnostic is in the log, prefixed with the target id
contains(log, "[ERROR] [linux-x64] error[E0308]: mismatched types")
contains(log, "[linux-x64]  --> src/main.rs:2:22")
// raw JSON messages never reach the log
check(!log.contains('"reason":"compiler-message"'), 'raw cargo JSON in the log')
contains(log, 'linux-x64  x86_64-unknown-linux-gnu  FAILED')
def script = new File(basedir, 'target/crossbuild/targets/linux-x64/cargo-build.sh')
check(script.isFile(), 'no reproduction script')
contains(script.text, 'cargo +stable build --target x86_64-unknown-linux-gnu')
contains(new File(basedir, 'target/crossbuild/targets/linux-x64/cargo-build.json').text, '"result": "FAILED"')
return true
