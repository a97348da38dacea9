import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.PackageItSupport.*
import java.nio.file.Files
import java.util.Arrays

def log = buildLog(basedir)
noStackTrace(log)
def name = { id, ext -> "prebuilt-fan-in-1.0-${id}.${ext}" }
def targets = ['linux-x64': 'tar.gz', 'linux-arm64': 'tar.gz', 'windows-x64-gnu': 'zip']

// the reports of every job that ran its tests (the host's at least) are well-formed XML
check(new File(basedir, 'jobs/linux-x64/surefire-reports').isDirectory(), 'the host job wrote no test reports')
targets.keySet().each { id ->
    def reports = new File(basedir, "jobs/${id}/surefire-reports")
    if (reports.isDirectory()) {
        parseReports(reports)
    }
}

// the fan-in built nothing: its build goals said why and no cargo ran after the jobs
def fanIn = log.lastIndexOf(':validate-toolchain (default)')
check(log.indexOf('Skipping: crossbuild.prebuilt is set') > fanIn, 'the fan-in did not skip its build goals')
def after = log.substring(fanIn)
['validate-toolchain', 'cargo-build', 'cargo-test'].each { goal ->
    // Maven 4 may first warn that a repository some dependency's pom declares has no prefix list
    check((after =~ /:${goal} \(default\)[^\n]*\n(\[WARNING\][^\n]*\n)*\[INFO\] Skipping: crossbuild.prebuilt is set/).find(),
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

// the fan-in made the Linux packages from the verified archives: byte for byte those each job made from its build,
// deployed with the archives; Windows gets none
['linux-x64', 'linux-arm64'].each { id ->
    ['deb', 'rpm'].each { ext ->
        def job = new File(basedir, "jobs/${id}/${name(id, ext)}")
        def fannedIn = new File(basedir, "target/${name(id, ext)}")
        def published = new File(deployed, name(id, ext))
        check(job.isFile() && fannedIn.isFile() && published.isFile(), "${id}: ${ext} missing from the job, the fan-in or the deploy")
        check(Files.mismatch(job.toPath(), fannedIn.toPath()) == -1L, "${fannedIn} differs from what its job built")
        check(Files.mismatch(job.toPath(), published.toPath()) == -1L, "${published} differs from what its job built")
        contains(new File(deployed, name(id, ext) + '.sha256').text, sha256(job))
    }
}
contains(after, '[windows-x64-gnu] no Linux package for x86_64-pc-windows-gnu')
check(!new File(basedir, "target/${name('windows-x64-gnu', 'deb')}").exists(), 'a .deb for Windows')
contains(new File(basedir, 'target/SHA256SUMS').text, name('linux-arm64', 'deb'))

// the fan-in's record of what each target ships is the job's: the same archive, and each file with the same path,
// kind, mode, size, sha256, header and needs; only where the file lies (the fan-in reads it from the verified
// archive, so its origin is `prebuilt`) differs
targets.keySet().each { id ->
    def read = { f -> new groovy.json.JsonSlurper().parse(f) }
    def job = read(new File(basedir, "jobs/${id}/crossbuild/packaged/${id}.json"))
    def fannedIn = read(new File(basedir, "target/crossbuild/packaged/${id}.json"))
    ['format', 'id', 'triple', 'archive', 'archiveFormat', 'archiveSize', 'sha256', 'topFolder'].each { field ->
        check(job[field] == fannedIn[field], "${id}: the fan-in's record has ${field} ${fannedIn[field]}, the job's ${job[field]}")
    }
    def where = ['source', 'modified', 'origin']
    def facts = { r -> r.files.collect { f -> f.findAll { k, v -> !(k in where) } } }
    check(!job.files.isEmpty() && facts(job) == facts(fannedIn), "${id}: the fan-in's files ${facts(fannedIn)}, the job's ${facts(job)}")
    check(fannedIn.files.every { it.origin == 'prebuilt' }, "${id}: origins ${fannedIn.files*.origin}")
}
// the fan-in attached each job's SBOM and wrote the release manifest of the whole set
targets.keySet().each { id ->
    def job = new File(basedir, "jobs/${id}/${name(id, 'cdx.json')}")
    def published = new File(deployed, name(id, 'cdx.json'))
    check(published.isFile(), "SBOM not deployed: ${published}")
    check(Files.mismatch(job.toPath(), published.toPath()) == -1L, "${published} differs from its job's SBOM")
    def errors = new org.cyclonedx.parsers.JsonParser().validate(published, org.cyclonedx.Version.VERSION_16)
    check(errors.isEmpty(), "${published.name} fails CycloneDX 1.6 schema validation: ${errors}")
}
def manifest = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/crossbuild/release/dist-manifest.json'))
check(manifest.artifacts.findAll { it.kind == 'archive' }*.target.sort() == targets.keySet().sort(),
        "manifest archives: ${manifest.artifacts*.file}")
check(manifest.artifacts.findAll { it.kind == 'sbom' }.size() == 3, "manifest SBOMs: ${manifest.artifacts*.file}")
manifest.artifacts.each { a ->
    check(a.sha256 == sha256(new File(basedir, a.path)), "manifest sha256 of ${a.path}")
}
targets.each { id, ext ->
    contains(new File(basedir, 'target/crossbuild/release/checksums.txt').text, "${sha256(new File(basedir, "jobs/${id}/${name(id, ext)}"))}  ${name(id, ext)}")
}

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

def symlink = attempt('symlink', { dir ->
    // the job's archive with a link to /etc/passwd added in its top folder, and a checksum that matches
    def tmp = new File(dir, 'tmp')
    tmp.mkdirs()
    def x64 = new File(dir, "linux-x64/${name('linux-x64', 'tar.gz')}")
    run(['tar', 'xzf', x64.path, '-C', tmp.path], dir)
    run(['ln', '-s', '/etc/passwd', 'prebuilt-fan-in-1.0-linux-x64/passwd'], tmp)
    run(['tar', 'czf', x64.path, '-C', tmp.path, 'prebuilt-fan-in-1.0-linux-x64'], dir)
    new File(x64.path + '.sha256').text = "${sha256(x64)}  ${x64.name}\n"
    run(['rm', '-rf', tmp.path], dir)
}, [])
contains(symlink, "target `linux-x64`: ")
contains(symlink, "${name('linux-x64', 'tar.gz')}: entry `prebuilt-fan-in-1.0-linux-x64/passwd` is a symbolic link"
        + " to `/etc/passwd`: refused, the plugin's archives hold no links")
contains(symlink, 'nothing is attached or published')

def truncated = attempt('truncated', { dir ->
    // the first half of two archives, each with a checksum of what is left: they pass the checksum, not the reading
    ['linux-arm64': 'tar.gz', 'windows-x64-gnu': 'zip'].each { id, ext ->
        def file = new File(dir, "${id}/${name(id, ext)}")
        byte[] bytes = file.bytes
        file.bytes = Arrays.copyOf(bytes, bytes.length.intdiv(2))
        new File(file.path + '.sha256').text = "${sha256(file)}  ${file.name}\n"
    }
}, [])
contains(truncated, "target `linux-arm64`: ")
contains(truncated, "${name('linux-arm64', 'tar.gz')} is truncated: it ends in entry `prebuilt-fan-in-1.0-linux-arm64/")
contains(truncated, "target `windows-x64-gnu`: ")
contains(truncated, "${name('windows-x64-gnu', 'zip')} is truncated or damaged: it starts as a zip archive, but the"
        + " central directory a zip ends with is missing or unreadable")
contains(truncated, 'nothing is attached or published')

def stray = attempt('stray', { dir -> }, ['-Dcrossbuild.targets=linux-x64,linux-arm64', '-Dcrossbuild.prebuilt.strict=true'])
contains(stray, "${name('windows-x64-gnu', 'zip')} in ")
contains(stray, 'matches no selected target')
return true
