import static dev.crossbuild.it.ItSupport.*

def binary = { child, id, triple -> new File(basedir, "${child}/target/crossbuild/${id}/cargo/${triple}/release/${child.replace('-', '_')}") }

contains(runBinary('x86_64-unknown-linux-gnu', binary('child-a', 'linux-x64', 'x86_64-unknown-linux-gnu')), 'child_a says arch=x86_64 os=linux')
check(!new File(basedir, 'child-a/target/crossbuild/linux-arm64').exists(), 'child-a built the target only child-b appends')
contains(runBinary('x86_64-unknown-linux-gnu', binary('child-b', 'linux-x64', 'x86_64-unknown-linux-gnu')), 'child_b says arch=x86_64 os=linux')
contains(runBinary('aarch64-unknown-linux-gnu', binary('child-b', 'linux-arm64', 'aarch64-unknown-linux-gnu')), 'child_b says arch=aarch64 os=linux')
check(!new File(basedir, 'target/crossbuild').exists(), 'the parent, which has no crate, built something')
return true
