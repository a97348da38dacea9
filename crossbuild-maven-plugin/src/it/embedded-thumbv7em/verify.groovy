import static dev.crossbuild.it.ItSupport.*

def all = buildLog(basedir)
noStackTrace(all)
// the two invocations of invoker.properties, one after the other in the log
def (failing, log) = runs(all, 2)
def crossbuild = new File(basedir, 'target/crossbuild/targets/cortex-m4/cargo')
def program = new File(crossbuild, 'thumbv7em-none-eabihf/release/embedded')
check(program.isFile(), "no program ${program}")

// the first run: the test that fails on the board ended its binary with status 101 (SYS_EXIT_EXTENDED), qemu
// exited with it, cargo saw it, and cargo-test failed naming the test
contains(failing, '[cortex-m4] test fails_on_purpose ... FAILED')
contains(failing, '[cortex-m4] error: test failed, to rerun pass `--test runtime`')
contains(failing, '1 test failed:')
contains(failing, 'cortex-m4: runtime fails_on_purpose: fails_on_purpose returned false on the board')
check(!failing.contains('package-arch (default)'), 'the failing run went on to package-arch')

// validate-toolchain: core from the toolchain's sources, the pom's runner
contains(log, '[cortex-m4] std: built from source (')
contains(log, '[cortex-m4] tests run with: qemu-system-arm -M mps2-an386 ')
// cargo-build: -Zbuild-std=core (a bare-metal target has no std), offline from the sources' vendor folder
check((log =~ /\[cortex-m4\] cargo \+web build --target thumbv7em-none-eabihf .* -Zbuild-std=core .*source\.crates-io\.replace-with=/).find(),
    'the cargo build of cortex-m4 has no -Zbuild-std=core or vendored source')
def deps = new File(crossbuild, 'thumbv7em-none-eabihf/release/deps')
check(deps.listFiles().any { it.name ==~ /libcore-.*\.rlib/ }, "no core built from source in ${deps}")
check(!deps.listFiles().any { it.name ==~ /libstd-.*\.rlib/ }, "std built for a bare-metal target in ${deps}")

// the ELF header: 32-bit little-endian ARM executable, EABI version 5, hard-float (EF_ARM_ABI_FLOAT_HARD)
def elf = elf(program)
check(elf.bits() == 32, "${program} is not 32-bit ELF")
check(elf.type() == 2, "${program} is not an executable (e_type ${elf.type()})")
check(elf.machine() == 40, "${program} is not ARM (e_machine ${elf.machine()})")
def flags = elf.flags()
check((flags >>> 24) == 5, "${program} is not EABI version 5 (e_flags 0x${Long.toHexString(flags)})")
check((flags & 0x400) != 0, "${program} is not hard-float (e_flags 0x${Long.toHexString(flags)})")
// linked with the crate's link.x: the vector table at 0 (flash), the initial stack pointer at the top of RAM,
// data loaded at 0x20000000
def sections = run(['readelf', '-S', '--wide', program.path], basedir)
check((sections =~ /\.vector_table\s+PROGBITS\s+00000000 /).find(), "no vector table at address 0:\n${sections}")
check((sections =~ /\.bss\s+NOBITS\s+20000000 /).find(), "no .bss in RAM at 0x20000000:\n${sections}")
contains(run(['readelf', '-x', '.vector_table', program.path], basedir), '0x00000000 00000220 ')

// package-arch proved it (the summary shows the header it read) and archived it
contains(log, 'embedded-thumbv7em-1.0-cortex-m4/embedded  ELF 32-bit LSB executable, arm, EABI5 hard-float')
def archive = new File(basedir, 'target/embedded-thumbv7em-1.0-cortex-m4.tar.gz')
check(archive.isFile(), "no archive ${archive}")
def entries = run(['tar', 'tzf', archive.path], basedir).readLines()
check(entries.contains('embedded-thumbv7em-1.0-cortex-m4/embedded'), "archive entries: ${entries}")
def unpacked = new File(basedir, 'target/unpacked')
unpacked.mkdirs()
run(['tar', 'xzf', archive.path, '-C', unpacked.path], basedir)
def packaged = new File(unpacked, 'embedded-thumbv7em-1.0-cortex-m4/embedded')
check(packaged.bytes == program.bytes, "the archived program differs from the built one")

// the runner ran the test binary on the board: its lines in the log, libtest's format read into the report
contains(log, '[cortex-m4] embedded-thumbv7em: tests on a Cortex-M4 (qemu mps2-an386)')
['data_copied_to_ram', 'bss_zeroed', 'fpu_multiplies'].each { contains(log, "[cortex-m4] test ${it} ... ok") }
check((log =~ /cortex-m4 +qemu-system-arm -M mps2-an386 .* -kernel +3 +3 +0 +0 /).find(), 'the cargo-test summary row')
def report = new File(basedir, 'target/surefire-reports/TEST-cortex-m4.runtime.xml')
check(report.isFile(), "no test report ${report}")
def xml = new groovy.xml.XmlSlurper().parse(report)
check(xml.@tests.text() == '3' && xml.@failures.text() == '0', "cortex-m4: ${xml.@tests} tests, ${xml.@failures} failures")

// and the packaged program runs on the same board, printing its line and exiting with status 0 (run() fails on
// any other status)
def out = run(['qemu-system-arm', '-M', 'mps2-an386', '-display', 'none', '-chardev', 'stdio,id=out',
               '-semihosting-config', 'enable=on,target=native,chardev=out', '-kernel', packaged.path], basedir)
contains(out, 'embedded-thumbv7em: hello from thumbv7em-none-eabihf, sum=5050 area=6')
return true
