import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.PackageItSupport.*
import groovy.json.JsonSlurper

def log = buildLog(basedir)
contains(log, 'crossbuild package-arch summary')

def targets = [
    'linux-x64'      : [triple: 'x86_64-unknown-linux-gnu', ext: 'tar.gz', exe: 'hello', lib: 'libgreeting.so',
                        arch: 'x86_64'],
    'linux-arm64'    : [triple: 'aarch64-unknown-linux-gnu', ext: 'tar.gz', exe: 'hello', lib: 'libgreeting.so',
                        arch: 'aarch64'],
    'windows-x64-gnu': [triple: 'x86_64-pc-windows-gnu', ext: 'zip', exe: 'hello.exe', lib: 'greeting.dll',
                        arch: 'x86_64'],
]
def repoDir = new File(localRepositoryPath, 'dev/crossbuild/it/package-install/1.0')
def sums = new File(basedir, 'target/SHA256SUMS').text
def report = new JsonSlurper().parse(new File(basedir, 'target/crossbuild/report.json'))

targets.each { id, t ->
    def name = "package-install-1.0-${id}.${t.ext}"
    // installed under its classifier, with its checksum
    def installed = new File(repoDir, name)
    check(installed.isFile(), "not installed: ${installed}")
    def checksum = new File(repoDir, "${name}.sha256")
    check(checksum.isFile(), "checksum not installed: ${checksum}")
    def sha = sha256(installed)
    check(checksum.text == "${sha}  ${name}\n", "wrong ${checksum}: ${checksum.text}")
    contains(sums, "${sha}  ${name}")

    // one top folder holding the binaries, the shared library and the README
    def dir = new File(basedir, "target/unpacked/${id}")
    def entries = unpack(installed, dir)
    def top = "package-install-1.0-${id}/"
    check(entries.every { it.startsWith(top) }, "entries outside ${top}: ${entries}")
    ['', t.exe, t.lib, 'README.md'].each { contains(entries.join('\n'), top + it) }

    def exe = new File(dir, top + t.exe)
    if (t.ext == 'tar.gz') {
        check(tarMode(installed, top + t.exe) == 0755, "${t.exe} lost its executable bit in ${name}")
        check(tarMode(installed, top + 'README.md') == 0644, "README.md mode in ${name}")
    }
    contains(runBinary(t.triple, exe), "hello from arch=${t.arch} os=${t.triple.contains('windows') ? 'windows' : 'linux'}")

    def entry = report.targets.find { it.id == id }
    check(entry != null && entry.result == 'SUCCESS' && entry.triple == t.triple, "report.json for ${id}: ${entry}")
    check(entry.archive.sha256 == sha, "report.json archive sha256 for ${id}")
    check(entry.artifacts.any { it.path == top + t.exe && it.architecture.endsWith(t.arch) && it.size > 0 },
            "report.json artifacts for ${id}: ${entry.artifacts}")
}
if (new File(repoDir, 'package-install-1.0-windows-x64-gnu.zip').isFile()) {
    // the import library of the DLL rides along, so users can link against it
    def entries = unpack(new File(repoDir, 'package-install-1.0-windows-x64-gnu.zip'), new File(basedir, 'target/unpacked/implib'))
    contains(entries.join('\n'), 'package-install-1.0-windows-x64-gnu/libgreeting.dll.a')
}
return true
