import static dev.crossbuild.it.ItSupport.*
import groovy.xml.XmlSlurper

def log = buildLog(basedir)
noStackTrace(log)
// every report is well-formed XML, as Jenkins and GitLab parse it
parseReports(new File(basedir, 'target/surefire-reports'))
['linux-x64': 'x86_64', 'linux-arm64': 'aarch64'].each { id, arch ->
    def file = new File(basedir, "target/surefire-reports/TEST-${id}.native-calc.xml")
    check(file.isFile(), "no native test report ${file}")
    def xml = new XmlSlurper().parse(file)
    check(xml.testcase.collect { it.@name.text() } as Set == ['adds', 'built_for_the_target'] as Set,
            "${id}: ${xml.testcase.collect { it.@name.text() }}")
    check(xml.@failures.text() == '0', "${id} native failures")
    // ctest ran the aarch64 test program through the runner of the toolchain file
    contains(log, "[${id}/calc] ")
    contains(new File(basedir, "target/crossbuild/targets/${id}/native/calc/ctest-junit.xml").text, "arch=${arch}")
}
check((log =~ /linux-arm64 +qemu-aarch64 +3 +3 +0 +0 /).find(), 'arm64 row with native tests')
return true
