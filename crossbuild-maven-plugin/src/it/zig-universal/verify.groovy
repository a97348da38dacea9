import static dev.crossbuild.it.ItSupport.*

def all = buildLog(basedir)
noStackTrace(all)
def (log, noop) = runs(all, 2)
def crossbuild = new File(basedir, 'target/crossbuild')
def slices = ['aarch64': 'aarch64-apple-darwin', 'x86_64': 'x86_64-apple-darwin']

// validate-toolchain and build-native see the slices, each an ordinary target
slices.each { arch, triple ->
  contains(log, "[macos.${arch}] std: built from source (")
  // which zig the wrappers run, and its version
  check((log =~ /\[macos\.${arch}\] zig: \S+\/zig \(PATH\), version 0\.\d+\.\d+/).find(), "validate-toolchain does not say which zig")
  check((log =~ /macos\.${arch}\s+${triple}\s+web\s+1\.96\.\d+\s+1\.96\.\d+\s+from source\s+cc ok,cxx ok,ar ok.*OK/).find(),
      "toolchain table row of macos.${arch}")
  // cmake built the C library once per slice, with that slice's zig wrapper
  check(new File(crossbuild, "targets/macos.${arch}/native/adder/libadder.a").isFile(), "no C library for the ${arch} slice")
  def wrapper = new File(crossbuild, "targets/macos.${arch}/zig/cc")
  contains(log, "[macos.${arch}/adder] -- Check for working C compiler: ${wrapper.canonicalPath} - works")
  // <macosMin> is part of the zig target
  contains(wrapper.text, "exec zig cc -target ${arch}-macos.11.0 \"\$@\"")
}
// each slice is a cargo build of its own (each has the native build), the standard library built from source
check((log =~ /\[macos\.aarch64\] cargo \+web build --target aarch64-apple-darwin .*-Zbuild-std=std,panic_abort/).find(),
    'no cargo build of the aarch64 slice with -Zbuild-std')
check((log =~ /\[macos\.x86_64\] cargo \+web build --target x86_64-apple-darwin .*-Zbuild-std=std,panic_abort/).find(),
    'no cargo build of the x86_64 slice with -Zbuild-std')

// joined by lipo into one universal program, recorded for packaging
def universal = new File(crossbuild, 'targets/macos/cargo/universal2-apple-darwin/release/ziguniversal')
check(universal.isFile(), "no universal program ${universal}")
check((log =~ /\[macos\] 1 universal file \(aarch64 \+ x86_64\) in .* with llvm-lipo/).find(), 'the join is not logged')
def headers = run(['llvm-objdump', '--macho', '--universal-headers', universal.path], basedir)
check(headers.contains('fat_magic FAT_MAGIC') && headers.contains('nfat_arch 2'), "not a universal file:\n${headers}")
check(headers.contains('cputype CPU_TYPE_ARM64') && headers.contains('cputype CPU_TYPE_X86_64'),
    "the universal program lacks a slice:\n${headers}")
// each slice is its own build's program, with the minimum macOS asked for
slices.each { arch, triple ->
  def thin = new File(crossbuild, "targets/macos.${arch}/cargo/${triple}/release/ziguniversal")
  check(thin.isFile(), "no ${arch} program ${thin}")
  def info = run(['llvm-objdump', '--macho', '--private-headers', '--arch=' + (arch == 'aarch64' ? 'arm64' : 'x86_64'), universal.path], basedir)
  check((info =~ /minos 11\.0/).find(), "the ${arch} slice's minimum macOS is not 11.0:\n${info}")
}

// the tests of both slices were built, not run (no macOS here)
['macos.aarch64', 'macos.x86_64'].each { id ->
  check((log =~ /${java.util.regex.Pattern.quote(id)}\s.*built, not run/).find(), "the ${id} test summary row does not say built, not run")
}

// packaged: one archive, the universal program in it, proved by package-arch to hold both slices
def archive = new File(basedir, 'target/zig-universal-1.0-macos.tar.gz')
check(archive.isFile(), "no archive ${archive}")
contains(run(['tar', 'tzf', archive.path], basedir), 'zig-universal-1.0-macos/ziguniversal')
def unpacked = new File(basedir, 'target/unpacked')
unpacked.mkdirs()
run(['tar', 'xzf', archive.path, '-C', unpacked.path], basedir)
def packed = new File(unpacked, 'zig-universal-1.0-macos/ziguniversal')
check(packed.bytes == universal.bytes, 'the archive does not hold the universal program')
def report = new File(crossbuild, 'report.json')
check(report.isFile(), "no package report ${report}")
contains(report.text, 'universal Mach-O executable (x86_64, aarch64)')

// the second run: nothing compiles, the universal program and the archive are left alone
check(!noop.contains('Compiling '), "the no-op run compiled:\n${noop}")
contains(noop, '[macos] zig-universal-1.0-macos.tar.gz is up to date (same files, options and timestamp), not written again')
return true
