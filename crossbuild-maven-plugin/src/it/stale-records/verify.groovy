import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, "target `linux-x64` (x86_64-unknown-linux-gnu): the cargo build record")
contains(log, "is stale: it was built with profile `dev`, features [], but this build packages profile `release`,"
        + " features []; run cargo-build again")
contains(log, "target `linux-x64` (x86_64-unknown-linux-musl): the cargo build record")
contains(log, "is stale: it was built for x86_64-unknown-linux-gnu, but the target is now x86_64-unknown-linux-musl")
// the last invocation packaged the release binary, and only that one
def archive = new File(basedir, 'target/stale-records-1.0-linux-x64.tar.gz')
check(archive.isFile(), "no archive ${archive}")
def listing = run(['tar', 'tzvf', archive.path], basedir)
contains(listing, 'stale-records-1.0-linux-x64/hello')
def release = new File(basedir, 'target/crossbuild/targets/linux-x64/cargo/x86_64-unknown-linux-gnu/release/hello')
contains(listing, " ${release.length()} ")
check(listing.contains('-rwxr-xr-x'), "the binary is not executable in the archive:\n${listing}")
// the archive itself is readable by everyone once deployed
check(java.nio.file.Files.getPosixFilePermissions(archive.toPath()).toString().contains('OTHERS_READ'),
        "archive not world-readable")
return true
