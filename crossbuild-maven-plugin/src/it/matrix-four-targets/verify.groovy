import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper

def expected = [
    [id: 'windows-x64', triple: 'x86_64-pc-windows-msvc', runner: 'windows-latest', archive: 'zip'],
    [id: 'windows-arm64', triple: 'aarch64-pc-windows-msvc', runner: 'windows-11-arm', archive: 'zip'],
    [id: 'linux-arm64', triple: 'aarch64-unknown-linux-gnu', runner: 'ubuntu-24.04-arm', archive: 'tar.gz'],
    [id: 'macos-x64', triple: 'x86_64-apple-darwin', runner: 'macos-15-intel', archive: 'tar.gz'],
]
def file = new JsonSlurper().parse(new File(basedir, 'target/matrix.json'))
check(file.include == expected, "target/matrix.json: ${file}")

def one = new JsonSlurper().parse(new File(basedir, 'target/one.json'))
check(one.include == [expected[2]], "target/one.json: ${one}")

// with -q the standard output is the JSON line alone (the logs of later invocations follow it); Maven 3.8
// may put a colour reset escape in front of it
def stdout = buildLog(basedir).readLines().find { it.contains('{"include":') }?.replaceAll(/^\u001B\[[0-9;]*m/, '')
check(stdout != null, 'no matrix JSON line on standard output')
check(new JsonSlurper().parseText(stdout).include == expected, "stdout matrix: ${stdout}")
return true
