import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
contains(log, 'Skipping crossbuild: crossbuild.skip is true')
contains(log, 'Skipping: crossbuild.cargo-build.skip is true')
// every goal's switch is crossbuild.<goal>.skip; the old spellings still skip, with a warning naming the new one
contains(log, 'Skipping: crossbuild.native-jar.skip is true')
contains(log, '[WARNING] crossbuild.packageLinux.skip is deprecated: use crossbuild.package-linux.skip')
contains(log, 'Skipping: crossbuild.packageLinux.skip is true')
contains(log, '[WARNING] crossbuild.release.skip is deprecated: use crossbuild.release-manifest.skip')
contains(log, 'Skipping: crossbuild.release.skip is true')
check(!new File(basedir, 'target/crossbuild/targets/linux-x64/cargo').exists(), 'cargo ran although skipped')
// help lists every goal and documents the parameters with their user properties
['crossbuild:validate-toolchain', 'crossbuild:cargo-build', 'crossbuild:help'].each { contains(log, it) }
contains(log, 'User property: crossbuild.targets')
contains(log, 'cargo build --profile')
return true
