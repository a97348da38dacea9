import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.PackageItSupport.*
import java.nio.file.Files

def log = buildLog(basedir)
noStackTrace(log)
def name = { id, ext -> "prebuilt-fan-in-1.0-${id}.${ext}" }
def targets = ['linux-x64': 'tar.gz', 'linux-arm64': 'tar.gz', 'windows-x64-gnu': 'zip']

// the fan-in built nothing: its build goals said why and no cargo ran after the jobs
def fanIn = log.lastIndexOf(':validate-toolchain (default)')
check(log.indexOf('Skipping: crossbuild.prebuilt is set') > fanIn, 'the fan-in did not skip its build goals')
def after = log.substring(fanIn)
['validate-toolchain', 'cargo-build', 'cargo-test'].each { goal ->
    check((after =~ /:${goal} \(default\)[^\n]*\n\[INFO\] Skipping: crossbuild.prebuilt is set/).find(),
            "${goal} did not skip in the fan-in")
}
check(!(after =~ /\] cargo \+|\] cargo build/).find(), 'cargo ran in the fan-in job')
contains(after, 'verified prebuilt')

// one deploy of the whole set: the pom and three classifiers with their checksums, byte-identical to the jobs'
def deployed = new File(basedir, 'repo/dev/crossbuild/it/prebuilt-fan-in/1.0')
check(new File(deployed, 'prebuilt-fan-in-1.0.pom').isFile(), 'pom not deployed')
targets.each { id, ext ->
    def job = new File(basedir, "jobs/${id}/${name(id, ext)}")
    def published = new File(deployed, name(id, ext))
    check(published.isFile(), "not deployed: ${published}")
    check(Files.mismatch(job.toPath(), published.toPath()) == -1L, "${published} differs from what its job built")
    contains(new File(deployed, name(id, ext) + '.sha256').text, sha256(job))
}
contains(new File(basedir, 'target/SHA256SUMS').text, name('linux-arm64', 'tar.gz'))

// the failures, each from a clean copy of the gathered folder, each deploying nothing
def attempt = { String folder, Closure change, List<String> extra ->
    def dir = new File(basedir, folder)
    copyTree(new File(basedir, 'jobs'), dir)
    change(dir)
    def repo = new File(basedir, "repo-${folder}")
    def args = ['deploy', "-Dcrossbuild.prebuilt=${folder}", "-Dit.repo=${repo}", "-Dit.buildDir=fan-in-${folder}"] + extra
    def result = mvn(basedir, localRepositoryPath, args as String[])
    check(result[0] != 0, "${folder}: the build did not fail:\n${result[1]}")
    check(!repo.exists(), "${folder}: something was deployed")
    noStackTrace(result[1])
    return result[1]
}
def missing = attempt('missing', { dir -> new File(dir, "windows-x64-gnu/${name('windows-x64-gnu', 'zip')}").delete() }, [])
contains(missing, "target `windows-x64-gnu`: ${name('windows-x64-gnu', 'zip')} is missing from")
contains(missing, 'nothing is attached or published')

def altered = attempt('altered', { dir ->
    def file = new File(dir, "linux-arm64/${name('linux-arm64', 'tar.gz')}")
    def bytes = file.bytes
    bytes[bytes.length.intdiv(2)] = (byte) (bytes[bytes.length.intdiv(2)] ^ 0x01)
    file.bytes = bytes
}, [])
contains(altered, "target `linux-arm64`: ")
contains(altered, "${name('linux-arm64', 'tar.gz')} does not match its checksum")

def wrongArch = attempt('wrong-arch', { dir ->
    // the x64 archive's contents under the arm64 name and top folder, with a matching checksum
    def tmp = new File(dir, 'tmp')
    tmp.mkdirs()
    run(['tar', 'xzf', new File(dir, "linux-x64/${name('linux-x64', 'tar.gz')}").path, '-C', tmp.path], dir)
    new File(tmp, 'prebuilt-fan-in-1.0-linux-x64').renameTo(new File(tmp, 'prebuilt-fan-in-1.0-linux-arm64'))
    def arm = new File(dir, "linux-arm64/${name('linux-arm64', 'tar.gz')}")
    run(['tar', 'czf', arm.path, '-C', tmp.path, 'prebuilt-fan-in-1.0-linux-arm64'], dir)
    new File(arm.path + '.sha256').text = "${sha256(arm)}  ${arm.name}\n"
    tmp.deleteDir()
}, [])
contains(wrongArch, "target `linux-arm64`: ")
contains(wrongArch, 'prebuilt-fan-in-1.0-linux-arm64/hello is ELF 64-bit LSB')
contains(wrongArch, 'x86_64, but the target needs aarch64')

def stray = attempt('stray', { dir -> }, ['-Dcrossbuild.targets=linux-x64,linux-arm64', '-Dcrossbuild.prebuilt.strict=true'])
contains(stray, "${name('windows-x64-gnu', 'zip')} in ")
contains(stray, 'matches no selected target')
return true
