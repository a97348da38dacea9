import static dev.crossbuild.it.ItSupport.*
import groovy.xml.XmlSlurper

def log = buildLog(basedir)
noStackTrace(log)
def reports = new File(basedir, 'target/surefire-reports')
def suite = { id, binary ->
    def file = new File(reports, "TEST-${id}.${binary}.xml")
    check(file.isFile(), "no report ${file}")
    new XmlSlurper().parse(file)
}
def names = { xml -> xml.testcase.collect { it.@name.text() } as Set }

// every report is well-formed XML, as Jenkins and GitLab parse it: the host's are from the fifth run, whose test
// printed and panicked with NUL, BEL and ESC; the others' from the third
check(parseReports(reports) == 7, "seven reports: every target's unit and integration tests, the host's doctests")

// unit tests of the library: the arch-only tests exist only where they belong
def host = suite('linux-x64', 'testme')
check(names(host) == ['tests::adds', 'tests::needs_a_network', 'tests::prints_control_characters'] as Set,
        "linux-x64: ${names(host)}")
check(host.@name.text() == 'linux-x64.testme', "suite name ${host.@name}")
check(host.@skipped.text() == '1' && host.@failures.text() == '1', 'linux-x64 counts')
check(host.testcase.find { it.@name.text() == 'tests::needs_a_network' }.skipped.size() == 1, 'ignored test not skipped')
// the characters XML 1.0 forbids are shown as Rust's Debug shows them, in the message and in the output
def controls = host.testcase.find { it.@name.text() == 'tests::prints_control_characters' }.failure
check(controls.@message.text().startsWith('NUL \\u{0} BEL \\u{7} ESC \\u{1b}[1m in a panic (src/lib.rs:'),
        "message: ${controls.@message}")
contains(controls.text(), 'NUL \\u{0} BEL \\u{7} ESC \\u{1b}[31mred\\u{1b}[0m')

def arm = suite('linux-arm64', 'testme')
check(names(arm) == ['tests::adds', 'tests::needs_a_network', 'tests::only_on_aarch64',
                     'tests::fails_where_configured'] as Set, "linux-arm64: ${names(arm)}")
def failed = arm.testcase.find { it.@name.text() == 'tests::fails_where_configured' }
check(failed.failure.size() == 1, 'no <failure> for the failing test')
check(failed.failure.@message.text().contains('configured to fail on aarch64'), "message: ${failed.failure.@message}")
check(arm.@failures.text() == '1', "linux-arm64 failures ${arm.@failures}")

def win = suite('windows-x64-gnu', 'testme')
check(names(win) == ['tests::adds', 'tests::needs_a_network', 'tests::only_on_windows'] as Set,
        "windows-x64-gnu: ${names(win)}")
check(win.@failures.text() == '0', 'windows failures')

// the integration test ran on each target's own CPU
['linux-x64', 'linux-arm64', 'windows-x64-gnu'].each { id ->
    def it = suite(id, 'integration')
    check(names(it) == ['runs_on_its_own_cpu'] as Set && it.@failures.text() == '0', "${id} integration")
}
// doctests run for the host only, and the summary says so for the others
check(names(suite('linux-x64', 'testme-doc')).size() == 1, 'host doctest')
check(!new File(reports, 'TEST-linux-arm64.testme-doc.xml').exists(), 'a doctest report for aarch64')
contains(log, 'crossbuild cargo-test summary:')
// no <runner> in the pom: validate-toolchain says what the plugin chose, and the tests ran through it
contains(log, '[linux-arm64] tests run with: qemu-aarch64')
contains(log, '[windows-x64-gnu] tests run with: wine')
contains(log, '[linux-x64] tests run natively')
check(!log.contains(' -L '), 'a runner with -L')
check((log =~ /linux-arm64 +qemu-aarch64 +4 +3 +0 +1 .*doctests not run/).find(),
        'the first run\'s arm64 summary row')
check((log =~ /windows-x64-gnu +wine +4 +3 +0 +1 /).find(), 'the windows summary row')
check((log =~ /linux-x64 +native +4 +3 +0 +1 /).find(), 'the first run\'s host summary row')
check((log =~ /linux-x64 +native +5 +3 +1 +1 /).find(), 'the fifth run\'s host summary row')

// the second run: the failure names the target, the test and its message
contains(log, 'linux-arm64: testme tests::fails_where_configured: assertion failed: `(left == right)`')
contains(log, 'configured to fail on aarch64')
// the third: reported, ignored, and the build went on
contains(log, '(ignored: maven.test.failure.ignore is true)')
// the fourth: skipped with its reason
contains(log, 'Skipping: skipTests is true')
return true
