import static dev.crossbuild.it.ItSupport.*

def all = buildLog(basedir)
noStackTrace(all)
// the two invocations of invoker.properties, one after the other in the log
def (log, noop, delivery, imaged) = runs(all, 4)
def crossbuild = new File(basedir, 'target/crossbuild')
def group = 'linux-x64-musl+linux-arm64-musl+macos-arm64+windows-arm64'
def debian = 'linux-arm64-glibc217+windows-x64-gnu'
def groupRe = java.util.regex.Pattern.quote("[${group}]")
def binary = { dir, triple, name -> new File(crossbuild, "${dir}/cargo/${triple}/release/${name}") }
def glibc = binary('targets/linux-x64-glibc217', 'x86_64-unknown-linux-gnu', 'zigtargets')
def arm64Glibc = binary("groups/${debian}", 'aarch64-unknown-linux-gnu', 'zigtargets')
def muslX64 = binary("groups/${group}", 'x86_64-unknown-linux-musl', 'zigtargets')
def musl = binary("groups/${group}", 'aarch64-unknown-linux-musl', 'zigtargets')
def macos = binary("groups/${group}", 'aarch64-apple-darwin', 'zigtargets')
def windows = binary("groups/${group}", 'aarch64-pc-windows-gnullvm', 'zigtargets.exe')
def mingw = binary("groups/${debian}", 'x86_64-pc-windows-gnu', 'zigtargets.exe')
[glibc, arm64Glibc, muslX64, musl, macos, windows, mingw].each { check(it.isFile(), "no binary ${it}") }

// validate-toolchain: zig checked, std from source for the four targets without one installed
['linux-x64-musl', 'linux-arm64-musl', 'macos-arm64', 'windows-arm64'].each { id ->
  contains(log, "[${id}] std: built from source (")
  check((log =~ /${id}\s+\S+\s+web\s+1\.96\.\d+\s+1\.96\.\d+\s+from source\s+cc ok,cxx ok,ar ok.*OK/).find(),
      "toolchain table row of ${id}")
}
check((log =~ /linux-x64-glibc217\s+x86_64-unknown-linux-gnu\s+web\s+1\.96\.\d+\s+1\.96\.\d+\s+ok\s/).find(),
    'toolchain table row of linux-x64-glibc217')
check((log =~ /linux-arm64-glibc217\s+aarch64-unknown-linux-gnu\s+debian\s+\S+\s+\S+\s+ok\s/).find(),
    'toolchain table row of linux-arm64-glibc217')
// the four build-std targets share one cargo run with -Zbuild-std; the glibc one builds alone without it, and the
// two on Debian's toolchain (its own aarch64 and windows-gnu std) share another
contains(log, "[${group}] cargo +web build --target x86_64-unknown-linux-musl --target aarch64-unknown-linux-musl --target aarch64-apple-darwin --target aarch64-pc-windows-gnullvm")
check((log =~ /${groupRe} cargo \+web build .* -Zbuild-std=std,panic_abort .*source\.crates-io\.replace-with=/).find(),
    'the group cargo run has no -Zbuild-std or vendored source')
check((log =~ /\[linux-x64-glibc217\] cargo \+web build /).find() && !(log =~ /\[linux-x64-glibc217\] cargo .*-Zbuild-std/).find(),
    'the glibc target did not build alone without -Zbuild-std')
contains(log, "[${debian}] cargo +debian build --target aarch64-unknown-linux-gnu --target x86_64-pc-windows-gnu ")
check(!(log =~ /\[${java.util.regex.Pattern.quote(debian)}\] cargo .*-Zbuild-std/).find(), 'the debian group built std')
// std was built into the group's target dir, once per triple (the toolchain has none for them)
['x86_64-unknown-linux-musl', 'aarch64-unknown-linux-musl', 'aarch64-apple-darwin', 'aarch64-pc-windows-gnullvm'].each { triple ->
  def deps = new File(crossbuild, "groups/${group}/cargo/${triple}/release/deps")
  check(deps.listFiles().any { it.name ==~ /libstd-.*\.rlib/ }, "no std built from source in ${deps}")
}

// each binary: its format and architecture, read from its header (the plugin's own audit proved them too)
def elf64 = { f -> def header = elf(f); check(header.bits() == 64, "${f} is not ELF64: ${header}"); header.machine() }
check(elf64(glibc) == 62, 'the glibc binary is not x86-64')
check(elf64(arm64Glibc) == 183, 'the arm64 glibc binary is not aarch64')
check(elf64(muslX64) == 62, 'the x86_64 musl binary is not x86-64')
check(elf64(musl) == 183, 'the musl binary is not aarch64')
check(machO(macos).cpu() == 0x0100000c, "${macos} is not arm64 Mach-O: ${machO(macos)}")
check(peMachine(windows) == 0xaa64, "${windows} is not a PE for Aarch64")
check(peMachine(mingw) == 0x8664, "${mingw} is not a PE for x86-64")
// the windows-gnu target linked by zig, not by MinGW's gcc: its wrapper is cargo's linker
contains(new File(crossbuild, 'targets/windows-x64-gnu/zig/cc').text, 'exec zig cc -target x86_64-windows-gnu "$@"')

// the glibc floor is built: no symbol version above 2.17 (2.34 and more for a normal link on this machine)
[glibc, arm64Glibc].each { f ->
  def versions = (run(['readelf', '-V', '--wide', f.path], basedir) =~ /GLIBC_(\d+)\.(\d+)/).collect { [it[1] as int, it[2] as int] }
  check(!versions.isEmpty(), "no GLIBC_ versions in ${f}")
  def highest = versions.max { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] }
  check(highest[0] == 2 && highest[1] <= 17, "${f} needs GLIBC_${highest[0]}.${highest[1]}, above <glibc>2.17")
}
contains(new File(crossbuild, 'targets/linux-arm64-glibc217/zig/cc').text, 'exec zig cc -target aarch64-linux-gnu.2.17 "$@"')
// musl: static, no interpreter and no shared library
[muslX64, musl].each { f ->
  def dynamic = run(['readelf', '-l', '-d', f.path], basedir)
  check(!dynamic.contains('INTERP') && !dynamic.contains('(NEEDED)'), "${f} is not static:\n${dynamic}")
}
// Windows ARM64 imports only system DLLs
def dlls = (run(['llvm-objdump', '-p', windows.path], basedir) =~ /DLL Name: (\S+)/).collect { it[1].toLowerCase() }
check(!dlls.isEmpty() && dlls.every { it in ['kernel32.dll', 'msvcrt.dll', 'ws2_32.dll', 'ntdll.dll', 'userenv.dll',
    'bcryptprimitives.dll'] || it.startsWith('api-ms-win-') }, "Windows imports: ${dlls}")

// they run where they can: natively, and under qemu-aarch64 without -L
// the glibc program calls the C library cmake built with the zig wrapper, against glibc 2.17's headers
def adder = new File(crossbuild, 'targets/linux-x64-glibc217/native/adder')
def cache = new File(adder, 'CMakeCache.txt')
check(cache.isFile(), "no cmake build for the glibc target in ${adder}")
def wrapper = new File(crossbuild, 'targets/linux-x64-glibc217/zig/cc').canonicalPath
check(cache.text.contains("CMAKE_C_COMPILER:") && cache.text.contains(wrapper) , "cmake did not compile with ${wrapper}")
contains(new File(crossbuild, 'targets/linux-x64-glibc217/zig/cc').text, 'exec zig cc -target x86_64-linux-gnu.2.17 "$@"')
contains(runBinary('x86_64-unknown-linux-gnu', glibc), 'zig-targets sum=5050 os=linux arch=x86_64 c=adder(42) glibc-headers=2.17')
contains(run(['qemu-aarch64', musl.path], basedir), 'zig-targets sum=5050 os=linux arch=aarch64')
contains(run([muslX64.path], basedir), 'zig-targets sum=5050 os=linux arch=x86_64')
// dynamic arm64 glibc: plain qemu-aarch64 finds the multiarch libc6:arm64 (no -L)
contains(run(['qemu-aarch64', arm64Glibc.path], basedir), 'zig-targets sum=5050 os=linux arch=aarch64')
contains(runBinary('x86_64-pc-windows-gnu', mingw), 'zig-targets sum=5050 os=windows arch=x86_64')

// packaged: each archive holds its binary, and the audit passed for every target
['linux-x64-glibc217': 'zigtargets', 'linux-arm64-glibc217': 'zigtargets', 'linux-x64-musl': 'zigtargets',
 'linux-arm64-musl': 'zigtargets', 'macos-arm64': 'zigtargets',
 'windows-arm64': 'zigtargets.exe', 'windows-x64-gnu': 'zigtargets.exe'].each { id, name ->
  def zip = id.startsWith('windows')
  def archive = new File(basedir, "target/zig-targets-1.0-${id}.${zip ? 'zip' : 'tar.gz'}")
  check(archive.isFile(), "no archive ${archive}")
  def entries = zip ? new java.util.zip.ZipFile(archive).withCloseable { z -> z.entries().collect { it.name }.join('\n') }
      : run(['tar', 'tzf', archive.path], basedir)
  contains(entries, "zig-targets-1.0-${id}/${name}")
}

// the tests ran where the targets run: natively (glibc 2.17 floor, static musl) and under qemu-aarch64 without -L
// (glibc 2.17 floor, static musl);
// the macOS and Windows ARM64 tests were built, not run
def reports = new File(basedir, 'target/surefire-reports')
['linux-x64-glibc217', 'linux-arm64-glibc217', 'linux-x64-musl', 'linux-arm64-musl', 'windows-x64-gnu'].each { id ->
  def report = new File(reports, "TEST-${id}.ziglib.xml")
  check(report.isFile(), "no test report ${report}")
  def xml = new groovy.xml.XmlSlurper().parse(report)
  check(xml.@tests.text() == '2' && xml.@failures.text() == '0', "${id}: ${xml.@tests} tests, ${xml.@failures} failures")
}
contains(log, '[linux-arm64-musl] tests run with: qemu-aarch64')
contains(log, '[linux-arm64-glibc217] tests run with: qemu-aarch64')
contains(log, '[windows-x64-gnu] tests run with: wine')
check(!log.contains(' -L '), 'a runner with -L')
check((log =~ /linux-arm64-musl +qemu-aarch64 +2 +2 +0 /).find(), 'the musl summary row')
check((log =~ /linux-arm64-glibc217 +qemu-aarch64 +2 +2 +0 /).find(), 'the arm64 glibc summary row')
check((log =~ /linux-x64-musl +native +2 +2 +0 /).find(), 'the x86_64 musl summary row')
['macos-arm64', 'windows-arm64'].each { id ->
  check((log =~ /${id}\s.*built, not run/).find(), "the ${id} summary row does not say built, not run")
}

// the second run: nothing changed, so nothing compiles and every archive is left alone (cargo may be asked again:
// rustc's warning that macOS has no xcrun here is shown again by each build)
check(!noop.contains('Compiling '), "the no-op run compiled:\n${noop}")
['linux-x64-glibc217': 'tar.gz', 'linux-arm64-glibc217': 'tar.gz', 'linux-x64-musl': 'tar.gz', 'linux-arm64-musl': 'tar.gz', 'macos-arm64': 'tar.gz', 'windows-arm64': 'zip',
 'windows-x64-gnu': 'zip'].each { id, ext ->
  contains(noop, "[${id}] zig-targets-1.0-${id}.${ext} is up to date (same files, options and timestamp), not written again")
}

// delivery: an SBOM per target, valid CycloneDX 1.6, naming the packaged program; the release manifest gives each
// target's platforms (the native JAR key, JReleaser's and the OCI platform of the Linux ones)
def ids = ['linux-x64-glibc217', 'linux-arm64-glibc217', 'linux-x64-musl', 'linux-arm64-musl', 'macos-arm64',
    'windows-x64-gnu', 'windows-arm64']
ids.each { id ->
  def file = new File(basedir, "target/zig-targets-1.0-${id}.cdx.json")
  check(file.isFile(), "no SBOM ${file}")
  def errors = new org.cyclonedx.parsers.JsonParser().validate(file, org.cyclonedx.Version.VERSION_16)
  check(errors.isEmpty(), "${file.name} fails CycloneDX 1.6 schema validation: ${errors}")
  def bom = new groovy.json.JsonSlurper().parse(file)
  check(bom.components.any { it.type == 'file' && it.name.startsWith("zig-targets-1.0-${id}/zigtargets") },
      "${file.name}: no packaged program: ${bom.components*.name}")
}
def manifest = new groovy.json.JsonSlurper().parse(new File(crossbuild, 'release/dist-manifest.json'))
def platforms = manifest.artifacts.findAll { it.kind == 'archive' }.collectEntries { [(it.target): it.platforms] }
check(platforms.keySet() == ids as Set, "archives in the manifest: ${platforms.keySet()}")
[
  'linux-x64-musl': ['linux-x86_64-musl', 'linux_musl-x86_64', 'linux/amd64'],
  'linux-arm64-musl': ['linux-aarch_64-musl', 'linux_musl-aarch_64', 'linux/arm64/v8'],
  'linux-arm64-glibc217': ['linux-aarch_64', 'linux-aarch_64', 'linux/arm64/v8'],
  'macos-arm64': ['osx-aarch_64', 'osx-aarch_64', null],
  'windows-arm64': ['windows-aarch_64', 'windows-aarch_64', null],
].each { id, expected ->
  def p = platforms[id]
  check([p.java, p.jreleaser, p.oci] == expected, "${id}: platforms ${p}, expected ${expected}")
}
check(!delivery.contains('Compiling '), "the delivery run compiled:\n${delivery}")

// the image of the two static musl programs on scratch: both pass the start check (no interpreter, no library)
contains(imaged, 'image example.org/acme/zigtargets:1.0: ')
contains(imaged, '[linux-x64-musl] linux/amd64 on scratch, entrypoint [/app/zigtargets]')
contains(imaged, '[linux-arm64-musl] linux/arm64/v8 on scratch, entrypoint [/app/zigtargets]')
def layout = new File(crossbuild, 'image')
def blob = { String digest -> new groovy.json.JsonSlurper().parse(new File(layout, 'blobs/sha256/' + digest.substring(7))) }
def top = new groovy.json.JsonSlurper().parse(new File(layout, 'index.json'))
def index = blob(top.manifests.find { it.annotations['org.opencontainers.image.ref.name'] == '1.0' }.digest)
def imagePlatforms = index.manifests.collect { m -> [m.platform.os, m.platform.architecture, m.platform.variant].findAll().join('/') }.sort()
check(imagePlatforms == ['linux/amd64', 'linux/arm64/v8'], "image platforms: ${imagePlatforms}")
index.manifests.each { m ->
  def layers = blob(m.digest).layers
  check(layers.size() == 1, "${m.platform.architecture}: ${layers.size()} layers on scratch")
}
check(new File(basedir, 'target/zig-targets-1.0-image.tar').isFile(), 'no OCI archive')
return true
