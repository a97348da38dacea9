import static dev.crossbuild.it.ItSupport.*

def all = buildLog(basedir)
noStackTrace(all)
def (failed, noRunner) = runs(all, 2)
def exe = new File(basedir, 'target/crossbuild/targets/windows-x64-gnullvm/cargo/x86_64-pc-windows-gnullvm/release/winprng.exe')
check(exe.isFile(), "no binary ${exe}")

// built by zig with std from source: a PE for x86-64 that imports ProcessPrng from bcryptprimitives.dll
contains(failed, '[windows-x64-gnullvm] std: built from source (')
check((failed =~ /\[windows-x64-gnullvm\] cargo \+web build --target x86_64-pc-windows-gnullvm .*-Zbuild-std=std,panic_abort /).find(),
    'no cargo build with -Zbuild-std')
check(peMachine(exe) == 0x8664, "${exe} is not a PE for x86-64")
def imports = run(['llvm-objdump', '-p', exe.path], basedir)
check(imports.contains('DLL Name: bcryptprimitives.dll') && imports.contains('ProcessPrng'),
    "the binary does not import ProcessPrng from bcryptprimitives.dll:\n${imports}")

// the first run: the tests were started under wine and could not start; the message says why and what to do
contains(failed, '[windows-x64-gnullvm] tests run with: wine')
contains(failed, 'the test binary could not start under wine: wine has no bcryptprimitives.dll (imported by winprng-')
contains(failed, 'Rust 1.78 and later import ProcessPrng from bcryptprimitives.dll, which wine provides from 9.0 on:'
    + ' run the tests with wine 9 or newer, put a bcryptprimitives.dll that provides ProcessPrng in a folder named by'
    + ' WINEPATH, or set <runner>none</runner> on the target to build without running')
check(!failed.contains('package-arch'), 'package-arch ran after the tests failed')

// the second run, with <runner>none</runner>: tests built, not run; the target packaged
check(!noRunner.contains('could not start under wine'), 'wine was started with <runner>none</runner>')
check((noRunner =~ /windows-x64-gnullvm\s.*built, not run/).find(), 'the summary row does not say built, not run')
def zip = new File(basedir, 'target/wine-missing-import-1.0-windows-x64-gnullvm.zip')
check(zip.isFile(), "no archive ${zip}")
def entries = new java.util.zip.ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
check(entries.contains('wine-missing-import-1.0-windows-x64-gnullvm/winprng.exe'), "archive entries: ${entries}")
return true
