import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
[
    '-Dcrossbuild.timeout=0: must be a positive whole number of minutes',
    '-Dcrossbuild.timeout=-5: must be a positive whole number of minutes',
    '-Dcrossbuild.timeout=ten: must be a positive whole number of minutes',
    '-Dcrossbuild.group=maybe: must be true or false',
    '-Dcrossbuild.skip=yes: must be true or false',
    '-Dcrossbuild.test.timeout=-1: must be a positive whole number of minutes',
    '-Dcrossbuild.verifyReproducible.keep=maybe: must be true or false',
    '-Dcrossbuild.archiveFormat=7z: must be one of auto, zip, tar.gz',
    '-Dcrossbuild.programFolder=../out: must be a relative folder such as bin',
    '-Dcrossbuild.release.brew=sometimes: must be one of auto, always, never',
].each { contains(log, it) }
// the error is the plugin's, not Maven's conversion naming a Java field
check(!log.contains('timeoutMinutes'), 'an error names the Java field instead of the property')
check(log.count('BUILD FAILURE') == 10, 'every invocation fails')
// before anything ran: no cargo, no build lock, nothing under target/crossbuild, no timeout message
check(!log.contains('Compiling '), 'cargo ran')
check(!log.contains('did not finish within'), 'a build ran into the bad timeout')
check(!new File(basedir, 'target/crossbuild').exists(), 'a goal started work before its values were checked')
return true
