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
check(parseReports(reports) == 9, 'nine reports: library and binary tests of four targets, the host\'s doctests')

// no <runner> in the pom: validate-toolchain names what the plugin chose for each target
contains(log, '[linux-x64] tests run natively')
contains(log, '[linux-arm64] tests run with: qemu-aarch64')
contains(log, '[windows-x64-gnu] tests run with: wine')
contains(log, '[wasm-wasi] tests run with: crossbuild-wasi')
contains(log, '[wasm-web] tests: built, not run (no runner for wasm32-unknown-unknown)')
check(!log.contains(' -L ') && !log.contains('--test-threads'), 'a runner with -L, or tests forced onto one thread')

// the first run: every target's tests passed where they ran, the threaded one under qemu among them
check((log =~ /linux-x64 +native +4 +4 +0 +0 /).find(), 'the host summary row')
check((log =~ /linux-arm64 +qemu-aarch64 +4 +4 +0 +0 /).find(), 'the arm64 summary row')
check((log =~ /windows-x64-gnu +wine +4 +4 +0 +0 /).find(), 'the windows summary row')
check((log =~ /wasm-wasi +crossbuild-wasi +4 +4 +0 +0 /).find(), 'the first run\'s wasm-wasi summary row')
check((log =~ /wasm-web +- +0 +0 +0 +0 .*built, not run/).find(), 'the wasm-web summary row')
check(names(suite('linux-arm64', 'fourway')) == ['tests::a_reports', 'tests::a_threads', 'tests::c_after_the_failure',
        'tests::d_last'] as Set, 'arm64 tests')
check(!new File(reports, 'TEST-wasm-web.fourway.xml').exists(), 'a report for wasm32-unknown-unknown, whose tests cannot run')

// the second run: the wasm-only failure aborted its test binary; the build failed naming the target and the test,
// the failing test carries its panic message, and the tests after it are reported as not run
contains(log, '1 test failed:')
contains(log, 'wasm-wasi: fourway tests::b_fails_on_wasm: assertion failed: `(left == right)`')
contains(log, 'configured to fail on wasm')
check((log =~ /wasm-wasi +crossbuild-wasi +5 +2 +1 +0 .*2 not run \(the test binary aborted\)/).find(),
        'the second run\'s wasm-wasi summary row')
def wasm = suite('wasm-wasi', 'fourway')
check(wasm.@tests.text() == '5' && wasm.@failures.text() == '1' && wasm.@skipped.text() == '2', 'wasm-wasi counts')
def failed = wasm.testcase.find { it.@name.text() == 'tests::b_fails_on_wasm' }.failure
check(failed.@message.text().contains('configured to fail on wasm (src/lib.rs:'), "message: ${failed.@message}")
check(failed.text().contains('before the failure'), 'the failing test\'s output is not in its report')
['tests::c_after_the_failure', 'tests::d_last'].each { name ->
    def skipped = wasm.testcase.find { it.@name.text() == name }.skipped
    check(skipped.size() == 1 && skipped.@message.text().contains('aborted during `tests::b_fails_on_wasm`'),
            "${name} is not reported as not run")
}

// the third run: a wasi module importing from a module no WASI runtime provides is refused, naming it
contains(log, 'fourway.wasm imports from the module `host`, which a WASI runtime does not provide')

// the archives hold the .wasm modules; the wasi one, left from the first run, prints under node's WASI what the
// host's program prints
def unpacked = new File(basedir, 'unpacked')
unpacked.mkdirs()
['linux-x64', 'wasm-wasi', 'wasm-web'].each { id ->
    run(['tar', 'xzf', new File(basedir, "target/test-four-targets-1.0-${id}.tar.gz").path], unpacked)
}
def hostOut = run([new File(unpacked, 'test-four-targets-1.0-linux-x64/fourway').path], unpacked)
check(hostOut.startsWith('fourway: 5 words, checksum '), "host printed: ${hostOut}")
def wasi = new File(unpacked, 'test-four-targets-1.0-wasm-wasi/fourway.wasm')
def nodeOut = run(['node', '--no-warnings', new File(basedir, 'wasi-run.mjs').path, wasi.path], unpacked)
check(nodeOut == hostOut, "node printed ${nodeOut}, the host binary ${hostOut}")
check(new File(unpacked, 'test-four-targets-1.0-wasm-web/fourway.wasm').bytes[0..3] == [0, 0x61, 0x73, 0x6d] as byte[],
        'the wasm32-unknown-unknown archive holds no wasm module')
return true
