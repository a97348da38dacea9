import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'Cargo.lock has lock file format `version = 4`, which cargo 1.65.0 of target(s) linux-arm64 cannot read (it needs cargo 1.78.0 or newer)')
contains(log, '`cargo +debian generate-lockfile`')
check(!log.contains('cargo-build'), 'cargo-build ran although validation failed')
return true
