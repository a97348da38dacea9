import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
def second = log.substring(log.lastIndexOf(':build-native (default) @'))
// the host target's output from the first run is still there and was not rebuilt
contains(second, '[linux-x64] native build `greet` (<tool>make</tool>) is up to date, skipped')
check(new File(basedir, 'target/crossbuild/targets/linux-x64/native/greet/libgreet.a').isFile(), 'the host library is gone')
// the failure names the build and the target, and shows the compiler's own output and a way to repeat it
contains(second, 'target `linux-arm64`: native build `greet` (<tool>make</tool>) failed:')
contains(second, 'command: make CC=aarch64-linux-gnu-gcc AR=aarch64-linux-gnu-ar')
contains(second, '#error "greet has no aarch64 port yet"')
contains(second, 'reproduce it with: sh ')
check(new File(basedir, 'target/crossbuild/targets/linux-arm64/native/greet-failed.sh').isFile(), 'no reproduction script')
check(!new File(basedir, 'target/crossbuild/targets/linux-arm64/native/greet.stamp.json').exists(), 'a failed build was stamped')
check(!second.contains('Exception:') || !second.contains('\tat dev.crossbuild'), 'a stack trace was printed')
return true
