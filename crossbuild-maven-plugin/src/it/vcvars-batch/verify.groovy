import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
def vs = 'Program Files (x86)/Microsoft Visual Studio/2022/BuildTools/VC/Auxiliary/Build'

// every value arrived exactly, in the native build and in cargo's build script
def expected = [
    'IT_ODD=a=b=c%d&e!f^g (x86) Zürich ÄÖß',
    'INCLUDE=C:\\Program Files (x86)\\VS\\include;C:\\VS\\ucrt',
    'LIB=C:\\VS\\lib\\x64',
    'VSCMD_ARG_TGT_ARCH=x64',
    'VCINSTALLDIR=C:\\Program Files (x86)\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\',
    'WINE_ONLY=',
]
def nativeSeen = new File(basedir, 'target/crossbuild/targets/vs-x64/native/seen/seen.txt').getText('UTF-8')
def exe = new File(basedir, 'target/crossbuild/targets/vs-x64/cargo/x86_64-unknown-linux-gnu/release/vcvars-batch')
def cargo = runBinary('x86_64-unknown-linux-gnu', exe)
[nativeSeen, cargo].each { seen ->
    def lines = seen.readLines()
    expected.each { line -> check(lines.contains(line), "expected the line\n  ${line}\nin:\n${seen}") }
    // the script's PATH entry in front, the host's PATH kept behind it (cargo and sh were still found)
    def path = lines.find { it.startsWith('PATH=') }
    check(path.startsWith('PATH=C:\\VS\\bin\\Hostx64\\x64:'), "PATH does not start with the script's entry: ${path}")
    check(path.contains(':/usr/bin'), "the host PATH was lost: ${path}")
}

// the script ran once across the two builds and their three goals; then once per failing target
// (cmd /u writes what `echo` redirects in UTF-16LE)
def runs = new String(new File(basedir, "${vs}/runs.txt").bytes, 'UTF-16LE').readLines().collect { it.trim() }
        .findAll { it }
check(runs.count('ran x64') == 1, "the script ran more than once for vs-x64: ${runs}")
check(runs.size() == 3, "unexpected script runs: ${runs}")
contains(log, 'reused from')
contains(log, 'script not run again')

// the failing case shows the script, its arguments and its own error lines
contains(log, 'target `vs-bad-arg`: <vcvars>')
contains(log, 'with arguments x64_sparc reported errors')
contains(log, '[ERROR:vcvarsall.bat] Invalid argument found : x64_sparc')
contains(log, 'target `vs-wrong-arch`')
contains(log, 'set up tools for `arm64` but target `vs-wrong-arch` (x86_64-unknown-linux-gnu) needs `x64`')
// values are never printed at info level
check(!log.contains('Zürich ÄÖß'), 'an environment value was printed in the log')
return true
