import static dev.crossbuild.it.ItSupport.*
import java.nio.file.Files

def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'BUILD SUCCESS')

def hello = new File(basedir, 'plain/target')
def greeter = new File(basedir, 'bundled/target')
def deb = { File dir, String name, String id -> new File(dir, "${name}-${id}.deb") }
def rpm = { File dir, String name, String id -> new File(dir, "${name}-${id}.rpm") }
def field = { File f, String name -> run(['dpkg-deb', '-f', f.path, name], basedir).trim() }
def rpmQuery = { File f, String format -> run(['rpm', '-qp', '--qf', format, f.path], basedir).trim() }
// host and aarch64: Debian and RPM architecture, and the machine the programs say they run on
def linux = ['linux-x64': ['amd64', 'x86_64', 'x86_64-unknown-linux-gnu'],
             'linux-arm64': ['arm64', 'aarch64', 'aarch64-unknown-linux-gnu']]

// Windows gets no package, and the log says so
contains(log, '[windows-x64-gnu] no Linux package for x86_64-pc-windows-gnu')
check(!deb(hello, 'lp-hello-1.0.0-SNAPSHOT', 'windows-x64-gnu').exists(), 'a .deb for Windows')
check(!rpm(hello, 'lp-hello-1.0.0-SNAPSHOT', 'windows-x64-gnu').exists(), 'an .rpm for Windows')

linux.each { id, t ->
    def (debArch, rpmArch, triple) = t
    def d = deb(hello, 'lp-hello-1.0.0-SNAPSHOT', id)
    def r = rpm(hello, 'lp-hello-1.0.0-SNAPSHOT', id)
    check(d.isFile() && r.isFile(), "${id}: no .deb or .rpm in ${hello}")

    // the .deb: architecture, the SNAPSHOT mapped below the release, dependencies from the binary
    check(field(d, 'Package') == 'lp-hello', "${id}: Package ${field(d, 'Package')}")
    check(field(d, 'Architecture') == debArch, "${id}: Architecture ${field(d, 'Architecture')}")
    check(field(d, 'Version') == '1.0.0~snapshot', "${id}: Version ${field(d, 'Version')}")
    // one sentence in the pom: the long description says what the package installs (lintian wants one)
    check(field(d, 'Description') == 'Says hello and names its machine\n Says hello and names its machine. This package' +
            ' installs the program lp-hello.', "${id}: Description ${field(d, 'Description')}")
    check(field(d, 'Maintainer') == 'Pat Packager <pat@crossbuild.dev>', "${id}: Maintainer ${field(d, 'Maintainer')}")
    def depends = field(d, 'Depends')
    check(depends ==~ /libc6 \(>= 2\.\d+\)(, .*)?/, "${id}: Depends ${depends}")
    // Rust programs load libgcc_s.so.1; dpkg -S of the ${debArch} file names its package
    contains(depends, 'libgcc-s1')
    contains(run(['dpkg-deb', '-I', d.path, 'conffiles'], basedir), '/etc/lp-hello/lp-hello.toml')
    def listing = run(['dpkg-deb', '-c', d.path], basedir)
    ['./usr/bin/lp-hello', './usr/share/doc/lp-hello/copyright', './usr/share/doc/lp-hello/changelog.gz'].each {
        contains(listing, it)
    }
    // every entry carries project.build.outputTimestamp and root as owner
    listing.readLines().each { line ->
        check(line.contains(' root/root ') && line.contains(' 2024-03-01 12:00 '), "${id}: ${line}")
    }

    // the .rpm: architecture, version and release, files, BUILDTIME from the timestamp
    check(rpmQuery(r, '%{ARCH}') == rpmArch, "${id}: rpm ARCH ${rpmQuery(r, '%{ARCH}')}")
    check(rpmQuery(r, '%{NAME} %{VERSION}-%{RELEASE}') == 'lp-hello 1.0.0~snapshot-1',
            "${id}: rpm ${rpmQuery(r, '%{NAME} %{VERSION}-%{RELEASE}')}")
    check(rpmQuery(r, '%{BUILDTIME}') == '1709294400', "${id}: BUILDTIME ${rpmQuery(r, '%{BUILDTIME}')}")
    def files = run(['rpm', '-qpl', r.path], basedir).readLines()
    ['/usr/bin/lp-hello', '/usr/share/doc/lp-hello/copyright', '/etc/lp-hello/lp-hello.toml'].each {
        check(files.contains(it), "${id}: rpm -qpl has no ${it}:\n${files.join('\n')}")
    }
    check(run(['rpm', '-qpc', r.path], basedir).trim() == '/etc/lp-hello/lp-hello.toml', "${id}: config files")
    def requires = run(['rpm', '-qpR', r.path], basedir).readLines()*.trim()
    check(requires.contains('libc.so.6()(64bit)'), "${id}: rpm -qpR:\n${requires.join('\n')}")
    check(requires.any { it ==~ /libc\.so\.6\(GLIBC_2\.\d+\)\(64bit\)/ }, "${id}: no GLIBC_2.x require:\n${requires.join('\n')}")

    // unpacked, the program runs: natively, and under qemu-aarch64 without -L (Debian's multiarch libc6:arm64)
    def unpacked = new File(basedir, "unpacked/${id}")
    unpacked.deleteDir()
    unpacked.mkdirs()
    run(['dpkg-deb', '-x', d.path, unpacked.path], basedir)
    def program = new File(unpacked, 'usr/bin/lp-hello')
    contains(runBinary(triple, program), "lp-hello says arch=${rpmArch} os=linux")
    // built with cargo's default release profile (symbols kept), packaged stripped with the target's own strip
    check(!run(['readelf', '-S', program.path], basedir).contains('.symtab'), "${id}: the packaged program has a symbol table")
    contains(log, "[${id}] stripped the binaries for the packages with ${id == 'linux-arm64' ? 'aarch64' : 'x86_64'}-linux-gnu-strip")
    // the requires are what rpm's own generator writes for the binary
    if (new File('/usr/lib/rpm/elfdeps').canExecute()) {
        def generated = run(['/usr/lib/rpm/elfdeps', '--requires', program.path], basedir).readLines()*.trim() as Set
        def ours = requires.findAll { !it.startsWith('rpmlib(') } as Set
        check(ours == generated, "${id}: rpm -qpR ${ours} but elfdeps writes ${generated}")
    }

    // lintian finds no error, with no tag suppressed: the package is not an official Debian one, but lintian 2.116
    // raises no error for that (its warning no-manual-page stays a warning); as root it only says it would
    // rather not run as root
    def tags = run(['lintian', '--fail-on', 'error', d.path], basedir)
    ['unstripped-binary-or-object', 'extended-description-is-empty'].each { tag ->
        check(!tags.contains(tag), "${id}: lintian says ${tag}:\n${tags}")
    }
}

// this machine's dpkg would install the amd64 package: its dependencies are met here
run(['dpkg', '--dry-run', '-i', deb(hello, 'lp-hello-1.0.0-SNAPSHOT', 'linux-x64').path], basedir)

// checksums beside each package and in SHA256SUMS, with the archives
def sums = new File(hello, 'SHA256SUMS').text
['linux-x64', 'linux-arm64'].each { id ->
    ['deb', 'rpm', 'tar.gz'].each { ext ->
        contains(sums, "  lp-hello-1.0.0-SNAPSHOT-${id}.${ext}\n")
        check(new File(hello, "lp-hello-1.0.0-SNAPSHOT-${id}.${ext}.sha256").isFile(), "no ${id}.${ext}.sha256")
    }
}
run(['sha256sum', '-c', 'SHA256SUMS'], hello)

// bundled: the program loads libgreet.so through its $ORIGIN/lib runpath, as in the archive; the package keeps
// that layout under /usr/lib/lp-greeter/ and links the program into /usr/bin
linux.each { id, t ->
    def (debArch, rpmArch, triple) = t
    def d = deb(greeter, 'lp-greeter-2.1', id)
    def r = rpm(greeter, 'lp-greeter-2.1', id)
    def listing = run(['dpkg-deb', '-c', d.path], basedir)
    contains(listing, './usr/lib/lp-greeter/lib/libgreet.so')
    contains(listing, './usr/lib/lp-greeter/lp-greeter')
    contains(listing, './usr/bin/lp-greeter -> ../lib/lp-greeter/lp-greeter')
    def files = run(['rpm', '-qpl', r.path], basedir).readLines()
    ['/usr/bin/lp-greeter', '/usr/lib/lp-greeter/lib/libgreet.so', '/usr/lib/lp-greeter'].each {
        check(files.contains(it), "${id}: rpm -qpl has no ${it}:\n${files.join('\n')}")
    }
    check(rpmQuery(r, '%{VERSION}-%{RELEASE}') == '2.1-1', "${id}: rpm ${rpmQuery(r, '%{VERSION}-%{RELEASE}')}")
    check(field(d, 'Version') == '2.1', "${id}: Version ${field(d, 'Version')}")
    // the bundled library is no dependency: neither Depends nor Requires name it
    check(!field(d, 'Depends').contains('greet'), "${id}: Depends ${field(d, 'Depends')}")
    check(!run(['rpm', '-qpR', r.path], basedir).contains('libgreet'), "${id}: the rpm requires libgreet.so")
    def tags = run(['lintian', '--fail-on', 'error', d.path], basedir)
    check(!tags.contains('unstripped-binary-or-object'), "${id}: lintian says unstripped-binary-or-object:\n${tags}")

    // the description's text that looks like fields stays text: the control file has exactly the fields written,
    // the description keeps its paragraphs, and rpm's header has it as one DESCRIPTION tag
    def names = run(['dpkg-deb', '-f', d.path], basedir).readLines().findAll { !it.startsWith(' ') }.collect { it.split(':')[0] }
    check(names.sort() == ['Architecture', 'Depends', 'Description', 'Homepage', 'Installed-Size', 'Maintainer', 'Package',
            'Priority', 'Section', 'Version'], "${id}: control fields ${names}")
    def description = 'Greets with a number from libgreet.so, bundled through its runpath\n' +
            ' Greets with a number from libgreet.so, bundled through its runpath. Essential:\n yes\n .\n' +
            ' Provides: libc6 {{projectName}} [[DEBEMAIL]] %{_bindir} stay text.\n .\n  .NET keeps its dot.'
    check(field(d, 'Description') == description, "${id}: Description\n${field(d, 'Description')}")
    check(rpmQuery(r, '%{SUMMARY}') == 'Greets with a number from libgreet.so, bundled through its runpath',
            "${id}: rpm SUMMARY ${rpmQuery(r, '%{SUMMARY}')}")
    check(rpmQuery(r, '%{DESCRIPTION}') == 'Greets with a number from libgreet.so, bundled through its runpath. Essential:\n' +
            'yes\n\nProvides: libc6 {{projectName}} [[DEBEMAIL]] %{_bindir} stay text.\n\n.NET keeps its dot.',
            "${id}: rpm DESCRIPTION\n${rpmQuery(r, '%{DESCRIPTION}')}")
    def provides = run(['rpm', '-qp', '--provides', r.path], basedir)
    check(!provides.contains('libc6') && !provides.contains('coreutils'), "${id}: rpm provides ${provides}")
    check(rpmQuery(r, '%{URL}|%{PACKAGER}') == 'https://crossbuild.dev/it/linux-packages/lp-greeter|Pat Packager <pat@crossbuild.dev>',
            "${id}: rpm URL and PACKAGER ${rpmQuery(r, '%{URL}|%{PACKAGER}')}")

    // installed into a scratch root with dpkg (its own admin dir), the installed program starts
    def root = new File(basedir, "scratch-dpkg/${id}")
    root.deleteDir()
    ['var/lib/dpkg/info', 'var/lib/dpkg/updates', 'var/lib/dpkg/triggers'].each { new File(root, it).mkdirs() }
    new File(root, 'var/lib/dpkg/status').text = ''
    // the scratch root has no libc6 and knows only the machine's own architecture: the program takes both from
    // this machine
    run(['dpkg', "--root=${root.path}".toString(), '--force-depends', '--force-architecture', '-i', d.path], basedir)
    contains(runBinary(triple, new File(root, 'usr/bin/lp-greeter')), "greet=42 on ${rpmArch}")

    // and with rpm, into another scratch root with its own database
    def rpmRoot = new File(basedir, "scratch-rpm/${id}")
    rpmRoot.deleteDir()
    rpmRoot.mkdirs()
    run(['rpm', '--root', rpmRoot.path, '--dbpath', '/var/lib/rpm', '--initdb'], basedir)
    run(['rpm', '--root', rpmRoot.path, '--dbpath', '/var/lib/rpm', '-i', '--nodeps', '--ignorearch', r.path], basedir)
    contains(runBinary(triple, new File(rpmRoot, 'usr/bin/lp-greeter')), "greet=42 on ${rpmArch}")
}

// a second checkout in another directory, at another time: the same packages, byte for byte
def elsewhere = new File(basedir, 'elsewhere/a second checkout')
['pom.xml', 'plain', 'bundled'].each { name ->
    def from = new File(basedir, name)
    if (from.isDirectory()) {
        copyTree(from, new File(elsewhere, name))
    } else {
        elsewhere.mkdirs()
        Files.copy(from.toPath(), new File(elsewhere, name).toPath())
    }
}
['plain', 'bundled'].each { m -> new File(elsewhere, "${m}/target").deleteDir(); new File(elsewhere, "${m}/build.log").delete() }
sleep(1100)
def second = mvn(elsewhere, localRepositoryPath, 'package')
check(second[0] == 0, "the second checkout's build failed:\n${second[1]}")
[['plain', 'lp-hello-1.0.0-SNAPSHOT'], ['bundled', 'lp-greeter-2.1']].each { m, name ->
    linux.keySet().each { id ->
        ['deb', 'rpm'].each { ext ->
            def a = new File(basedir, "${m}/target/${name}-${id}.${ext}")
            def b = new File(elsewhere, "${m}/target/${name}-${id}.${ext}")
            check(Files.mismatch(a.toPath(), b.toPath()) == -1L, "${a.name} differs between ${basedir} and ${elsewhere}")
        }
    }
}
return true
