import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
// every report is well-formed XML, as Jenkins and GitLab parse it
parseReports(new File(basedir, 'target/surefire-reports'))
// 1: filtered, and arm64 built only
check((log =~ /linux-x64 +native +1 +1 +0 +0 /).find(), 'the filtered host row')
check((log =~ /linux-arm64 +- +0 +0 +0 +0 .*built, not run \(<runner>none<\/runner>\)/).find(),
        'the arm64 row')
contains(log, '--no-fail-fast --no-run')
// 2: requireRun
contains(log, '-Dcrossbuild.test.requireRun=true, but these targets cannot run their tests here:')
contains(log, "target `linux-arm64`: <runner>none</runner>")
// 3: the hang
contains(log, "target `linux-x64` (x86_64-unknown-linux-gnu): the tests did not finish within 1 min 0 s"
        + " (-Dcrossbuild.test.timeout=<minutes>) and were stopped with all their processes; test binary `hangs`,"
        + " last test started: tests::hangs_forever")
def report = new File(basedir, 'target/surefire-reports/TEST-linux-x64.hangs.xml').text
contains(report, 'name="tests::hangs_forever"')
contains(report, '<failure message="target `linux-x64`')
// no test binary is left running
def left = run(['ps', '-eo', 'args'], basedir).readLines().findAll { it.contains("${basedir}/target/crossbuild/targets/") }
check(left.isEmpty(), "left running: ${left}")
return true
