import static dev.crossbuild.it.ItSupport.*
import java.nio.file.Files

def log = buildLog(basedir)
noStackTrace(log)
// 1: refused, naming the target, the exe, the DLL and the fix
contains(log, "target `windows-x64` (x86_64-pc-windows-gnu): greeter-app.exe needs libstdc++-6.dll, which is not in the archive")
contains(log, '-Dcrossbuild.bundleLibraries=true')
// the Linux programs need only system libraries
check(!log.contains("target `linux-x64` (x86_64-unknown-linux-gnu): greeter-app needs lib"), 'linux-x64 needs a library')
check(!log.contains("target `linux-arm64` (aarch64-unknown-linux-gnu): greeter-app needs lib"), 'linux-arm64 needs a library')
// 2: the glibc floor
check((log =~ /target `linux-x64` \(x86_64-unknown-linux-gnu\): greeter-app needs GLIBC_2\.\d+, newer than <glibc>2\.17<\/glibc>/).find(),
        'the glibc floor was not enforced')

// 3: the zip holds the exe and the three DLLs; unpacked into an empty folder it starts under wine
def zip = new File(basedir, 'target/shippable-cpp-1.0-windows-x64.zip')
check(zip.isFile(), 'no windows archive')
def listing = new java.util.zip.ZipFile(zip).entries().collect { it.name }
['greeter-app.exe', 'libstdc++-6.dll', 'libgcc_s_seh-1.dll', 'libwinpthread-1.dll'].each { name ->
    check(listing.contains("shippable-cpp-1.0-windows-x64/${name}".toString()), "${name} not in the zip: ${listing}")
}
def clean = new File(basedir, 'clean-machine')
clean.deleteDir()
clean.mkdirs()
run(['unzip', '-q', zip.path, '-d', clean.path], basedir)
def exe = new File(clean, 'shippable-cpp-1.0-windows-x64/greeter-app.exe')
def pb = new ProcessBuilder('wine', exe.path).directory(exe.parentFile).redirectErrorStream(true)
pb.environment().remove('WINEPATH')
pb.environment().put('WINEDEBUG', '-all')
def p = pb.start()
def out = p.inputStream.text
check(p.waitFor() == 0, "the unpacked program did not start (${p.exitValue()}):\n${out}")
contains(out, 'hello hello hello x3 on x86_64')
// the Linux archives needed nothing bundled, and run as they are
['linux-x64': ['x86_64-unknown-linux-gnu', 'x86_64'], 'linux-arm64': ['aarch64-unknown-linux-gnu', 'aarch64']].each { id, t ->
    def dir = new File(clean, id)
    dir.mkdirs()
    run(['tar', 'xzf', new File(basedir, "target/shippable-cpp-1.0-${id}.tar.gz").path, '-C', dir.path], basedir)
    def files = new File(dir, "shippable-cpp-1.0-${id}").list() as List
    check(files == ['greeter-app'], "${id} archive: ${files}")
    contains(runBinary(t[0], new File(dir, "shippable-cpp-1.0-${id}/greeter-app")), "hello hello hello x3 on ${t[1]}")
}
// the report says what each binary needs and what was bundled for it
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/crossbuild/report.json'))
def win = report.targets.find { it.id == 'windows-x64' }.artifacts.find { it.path.endsWith('greeter-app.exe') }
check(win.needs.contains('libstdc++-6.dll') && win.bundled.contains('libstdc++-6.dll'), "report: ${win}")
def host = report.targets.find { it.id == 'linux-x64' }.artifacts.find { it.path.endsWith('/greeter-app') }
check(host.glibc != null && host.needs.contains('libc.so.6'), "report: ${host}")
// the Windows SBOM names each bundled DLL with its sha256 and the Debian package it was copied from, and the
// native build; the archive's copy has that sha256
def sbomFile = new File(basedir, 'target/shippable-cpp-1.0-windows-x64.cdx.json')
check(new org.cyclonedx.parsers.JsonParser().validate(sbomFile, org.cyclonedx.Version.VERSION_16).isEmpty(), 'SBOM schema')
def sbom = new groovy.json.JsonSlurper().parse(sbomFile)
def dll = sbom.components.find { it.name == 'shippable-cpp-1.0-windows-x64/libstdc++-6.dll' }
check(dll != null, "no libstdc++-6.dll in the SBOM: ${sbom.components*.name}")
check(dll.properties.find { it.name == 'crossbuild:file:kind' }.value == 'bundled', "kind of ${dll}")
check(dll.purl ==~ /pkg:deb\/debian\/gcc-mingw-w64-x86-64-(posix|win32)-runtime@[^?]+\?arch=[a-z0-9]+/, "Debian package of ${dll.purl}")
def dllReport = report.targets.find { it.id == 'windows-x64' }.artifacts.find { it.path.endsWith('/libstdc++-6.dll') }
check(dll.hashes[0].content == dllReport.sha256, "SBOM sha256 of the DLL ${dll.hashes} is not the packaged one ${dllReport.sha256}")
def greeter = sbom.components.find { it.name == 'greeter' && it.type == 'library' }
check(greeter != null && greeter.properties.find { it.name == 'crossbuild:native:tool' }.value == 'cmake',
    "native build in the SBOM: ${greeter}")
return true
