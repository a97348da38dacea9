import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'the build is not reproducible (built again in a copy of the project, since removed;'
        + ' -Dcrossbuild.verifyReproducible.keep=true keeps it)')
check((log =~ /target `linux-x64`: reproducible-time-1\.0-linux-x64\.tar\.gz differs: first differing file reproducible-time-1\.0-linux-x64\/stamped at offset \d+ \(0x[0-9a-f]+\)/).find(),
        'the difference is not named')
// the copy of the second build goes also when the check fails
check(!new File(basedir, 'target/crossbuild/reproducibility').exists(), 'the failed check left its copy behind')
return true
