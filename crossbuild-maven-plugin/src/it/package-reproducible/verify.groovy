import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.PackageItSupport.*

['package-reproducible-1.0-linux-x64.tar.gz', 'package-reproducible-1.0-windows-x64-gnu.zip', 'SHA256SUMS'].each { name ->
    def first = new File(basedir, "first/${name}")
    def second = new File(basedir, "second/${name}")
    check(first.isFile() && second.isFile(), "${name} missing from one of the two builds")
    check(first.bytes == second.bytes, "${name} differs between two clean builds: ${sha256(first)} vs ${sha256(second)}")
}
// the entry time is project.build.outputTimestamp, not the build time
def entries = unpack(new File(basedir, 'first/package-reproducible-1.0-linux-x64.tar.gz'), new File(basedir, 'target/unpacked'))
check(entries == ['package-reproducible-1.0-linux-x64/', 'package-reproducible-1.0-linux-x64/Cargo.toml',
                  'package-reproducible-1.0-linux-x64/hello'], "entries: ${entries}")
def listing = run(['tar', '--utc', '-tvzf', new File(basedir, 'first/package-reproducible-1.0-linux-x64.tar.gz').path], basedir)
contains(listing, '2024-03-04 05:06')
check(!listing.contains('root'), "owner names left in the archive:\n${listing}")
return true
