import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)

// each target's binary runs and reports values computed by each C library, built for its own arch
def expected = [
    'linux-x64'      : ['x86_64-unknown-linux-gnu', '', 'rust_arch=x86_64 tray=6 tray_arch=x86_64 calc=42 calc_system=linux scale=42 scale_bits=64'],
    'linux-arm64'    : ['aarch64-unknown-linux-gnu', '', 'rust_arch=aarch64 tray=106 tray_arch=aarch64 calc=42 calc_system=linux scale=42 scale_bits=64'],
    'windows-x64-gnu': ['x86_64-pc-windows-gnu', '.exe', 'rust_arch=x86_64 tray=6 tray_arch=x86_64 calc=42 calc_system=windows scale=42 scale_bits=64'],
]
expected.each { id, e ->
    def (triple, suffix, line) = e
    def exe = new File(basedir, "target/crossbuild/targets/${id}/cargo/${triple}/release/desktop-app${suffix}")
    check(exe.isFile(), "no binary for ${id} at ${exe}")
    contains(runBinary(triple, exe).trim(), line)
    ['tray', 'calc', 'scale'].each { build ->
        check(new File(basedir, "target/crossbuild/targets/${id}/native/${build}").isDirectory(), "no ${build} output for ${id}")
    }
}

// the in-tree Makefile built in per-target copies: the source folder holds no objects
check(!new File(basedir, 'native/tray/tray.o').exists(), 'tray.o was built in the source folder')
check(!new File(basedir, 'native/tray/libtray.a').exists(), 'libtray.a was built in the source folder')
// a cross file for meson and a toolchain file for cmake, for the non-host targets only
check(new File(basedir, 'target/crossbuild/targets/linux-arm64/native/calc.cross.ini').text.contains("exe_wrapper = ['qemu-aarch64'"), 'meson cross file')
check(new File(basedir, 'target/crossbuild/targets/windows-x64-gnu/native/scale.toolchain.cmake').text.contains('CMAKE_SYSTEM_NAME "Windows"'), 'cmake toolchain file')
check(!new File(basedir, 'target/crossbuild/targets/linux-x64/native/calc.cross.ini').exists(), 'host got a cross file')

// the second `package` run rebuilt nothing native
def start = log.lastIndexOf(':build-native (default) @')
check(start > 0 && log.indexOf(':build-native (default) @') < start, 'expected two runs of build-native in build.log')
def second = log.substring(start, log.indexOf(':cargo-build (default) @', start))
['linux-x64', 'linux-arm64', 'windows-x64-gnu'].each { id ->
    ['tray', 'calc', 'scale'].each { build ->
        contains(second, "[${id}] native build `${build}` (<tool>")
    }
}
check(second.count(' is up to date, skipped') == 9, 'the second run rebuilt native code:\n' + second)
check(!second.contains(' → '), 'the second run started a native build:\n' + second)
return true
