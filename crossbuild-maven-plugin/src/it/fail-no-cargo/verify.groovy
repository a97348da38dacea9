import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'cargo was not found on PATH; install Rust from https://rustup.rs')
check(!log.contains('cargo-build'), 'cargo-build ran although validation failed')
return true
