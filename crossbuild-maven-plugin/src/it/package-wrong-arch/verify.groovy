import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper

def log = buildLog(basedir)
def slipped = new File(basedir, 'target/crossbuild/targets/linux-arm64/cargo/aarch64-unknown-linux-gnu/release/hello')
// the file, what it is, and what the target needs
contains(log, "target `linux-arm64` (aarch64-unknown-linux-gnu): ${slipped.canonicalPath} (bin) is ELF 64-bit LSB")
contains(log, 'x86_64, but the target needs aarch64 (ELF)')
contains(log, 'rebuild from clean (mvn clean package)')
check(!log.contains("target `linux-x64` (x86_64-unknown-linux-gnu): "), 'the host target was wrongly blamed')

// nothing was packaged: no archive under a final name, no temporary leftovers
def archives = new File(basedir, 'target').listFiles().findAll { it.name.contains('.tar.gz') }
check(archives.isEmpty(), "archives written despite the failure: ${archives}")
def report = new JsonSlurper().parse(new File(basedir, 'target/crossbuild/report.json'))
check(report.targets*.result == ['NOT PACKAGED', 'FAILED'], "report.json results: ${report.targets*.result}")
check(report.targets[1].problems[0].contains('but the target needs aarch64'), "report.json problem: ${report.targets[1]}")
return true
