import static dev.crossbuild.it.ItSupport.*

def binary = { child, id, triple -> new File(basedir, "${child}/target/crossbuild/targets/${id}/cargo/${triple}/release/${child.replace('-', '_')}") }

contains(runBinary('x86_64-unknown-linux-gnu', binary('child-a', 'linux-x64', 'x86_64-unknown-linux-gnu')), 'child_a says arch=x86_64 os=linux')
check(!new File(basedir, 'child-a/target/crossbuild/targets/linux-arm64').exists(), 'child-a built the target only child-b appends')
contains(runBinary('x86_64-unknown-linux-gnu', binary('child-b', 'linux-x64', 'x86_64-unknown-linux-gnu')), 'child_b says arch=x86_64 os=linux')
contains(runBinary('aarch64-unknown-linux-gnu', binary('child-b', 'linux-arm64', 'aarch64-unknown-linux-gnu')), 'child_b says arch=aarch64 os=linux')
check(!new File(basedir, 'target/crossbuild').exists(), 'the parent, which has no crate, built something')
// under -T with several modules, every line the plugin writes names the module as well as the target
def log = new File(basedir, 'build.log').text
check((log =~ /(?m)^\[INFO\] \[child-b\] \[linux-arm64\] /).find(), 'a child-b line without its module')
check((log =~ /(?m)^\[INFO\] \[child-a\] \[linux-x64\] /).find(), 'a child-a line without its module')
return true
