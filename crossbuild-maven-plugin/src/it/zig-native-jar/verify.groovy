import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.NativeJarItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
def target = new File(basedir, 'target')
def work = new File(target, 'it-check')

// zig linked every target; the standard library was built from source for macOS and Windows ARM64
['linux-x64-glibc217', 'macos-arm64', 'windows-arm64'].each { id ->
  check(new File(target, "crossbuild/targets/${id}/zig/cc").isFile(), "no zig wrapper for ${id}")
}
check((log =~ /\[macos-arm64\+windows-arm64\] cargo \+web build --target aarch64-apple-darwin --target aarch64-pc-windows-gnullvm .*-Zbuild-std=std,panic_abort /).find(),
    'no one cargo build with -Zbuild-std for macOS and Windows ARM64')

// one JAR per target, classified by its platform key, each with its one library, its index and nothing else
def jars = [
  'linux-x86_64'    : ['x86_64-unknown-linux-gnu', 'libhello.so', 'gnu'],
  'osx-aarch_64'    : ['aarch64-apple-darwin', 'libhello.dylib', 'none'],
  'windows-aarch_64': ['aarch64-pc-windows-gnullvm', 'hello.dll', 'none'],
]
def libraries = [:]
jars.each { platform, expected ->
  def (triple, library, libc) = expected
  def jar = new File(target, "zig-native-jar-1.0-${platform}.jar")
  check(jar.isFile(), "no native JAR ${jar}")
  def index = oneLibraryJar(jar, 'hello', platform, library)
  check(index.triple() == triple, "${jar.name}: triple ${index.triple()}")
  check(index.libc() == libc, "${jar.name}: libc ${index.libc()}")
  checkLibraries(jar, 'hello', platform, new File(work, platform))
  libraries[platform] = extract(jar, "META-INF/native/hello/${platform}/${library}", new File(work, platform))
}

// what each library is, read here without the plugin's reader: ELF x86-64, Mach-O arm64 dylib, PE ARM64 DLL
def so = elf(libraries['linux-x86_64'])
check(so.bits() == 64 && so.type() == 3 && so.machine() == 62, "${libraries['linux-x86_64']} is not an x86-64 ELF shared object: ${so}")
def dylib = machO(libraries['osx-aarch_64'])
check(dylib.cpu() == 0x0100000c && dylib.fileType() == 6, "${libraries['osx-aarch_64']} is not an arm64 Mach-O dylib: ${dylib}")
check(peMachine(libraries['windows-aarch_64']) == 0xaa64, "${libraries['windows-aarch_64']} is not a PE for ARM64")
// reproducible (project.build.outputTimestamp is set): no link time in the PE header, which zig would write
check(peLinkTime(libraries['windows-aarch_64']) == 0, "${libraries['windows-aarch_64']} has a link time")

// every library exports the three JNI functions of Hello's native methods (Mach-O with its leading underscore)
def methods = ['add', 'sumInThread', 'machine'].collect { "Java_dev_crossbuild_it_hello_Hello_${it}" }
def elfSymbols = run(['llvm-nm', '-D', '--defined-only', libraries['linux-x86_64'].path], basedir)
def machSymbols = run(['llvm-nm', '--defined-only', '--extern-only', libraries['osx-aarch_64'].path], basedir)
def peExports = run(['llvm-objdump', '-p', libraries['windows-aarch_64'].path], basedir)
methods.each { m ->
  check((elfSymbols =~ /(?m) T ${m}$/).find(), "the Linux library does not export ${m}:\n${elfSymbols}")
  check((machSymbols =~ /(?m) T _${m}$/).find(), "the macOS library does not export _${m}:\n${machSymbols}")
  check(peExports.contains(" ${m}\n") || peExports.contains(" ${m}\r\n"), "the Windows library does not export ${m}:\n${peExports}")
}
// the plugin's JNI check read the same: each native method found in the library of every target
contains(log, 'JNI check: 3 native methods of classes checked against the libraries of 3 targets: every one links')
contains(log, 'crossbuild native-jar: 3 JARs (linux-x86_64, osx-aarch_64, windows-aarch_64)')

// the Linux library, with its glibc floor of 2.17, loaded on this machine from its native JAR through the loader
def versions = (run(['readelf', '-V', '--wide', libraries['linux-x86_64'].path], basedir) =~ /GLIBC_(\d+)\.(\d+)/)
    .collect { [it[1] as int, it[2] as int] }
check(!versions.isEmpty() && versions.every { it[0] == 2 && it[1] <= 17 }, "symbol versions above GLIBC_2.17: ${versions}")
def glibc = index(new File(target, 'zig-native-jar-1.0-linux-x86_64.jar'), 'hello', 'linux-x86_64').glibc()
check(glibc ==~ /2\.(\d|1[0-7])(\.\d+)?/, "the index's glibc floor is ${glibc}, not at most 2.17")
def loader = repositoryJar(localRepositoryPath, 'dev.crossbuild', 'crossbuild-native-loader')
def cp = classPath(new File(target, 'zig-native-jar-1.0.jar'), new File(target, 'zig-native-jar-1.0-linux-x86_64.jar'), loader)
def out = run(['java', cacheProperty(basedir, 'host'), '-cp', cp, 'dev.crossbuild.it.hello.Hello'], basedir)
contains(out, 'add=42 sumInThread=5050 machine=62')
return true
