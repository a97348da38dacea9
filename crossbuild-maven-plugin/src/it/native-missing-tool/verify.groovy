import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
// validate-toolchain lists it with the package to install
contains(log, 'target `bare`: native build `calc` (<tool>meson</tool>) needs `meson`, which is not on PATH; install it (Debian/Ubuntu: `apt-get install meson`)')
contains(log, 'needs `ninja`, which is not on PATH; install it (Debian/Ubuntu: `apt-get install ninja-build`)')
// build-native stops before running anything, with the same hint
contains(log, 'target `bare`: native build `calc` (<tool>meson</tool>): `meson` is not on PATH; install it (Debian/Ubuntu: `apt-get install meson`)')
check(!new File(basedir, 'target/crossbuild/targets/bare/native/calc').exists(), 'something was built')
return true
