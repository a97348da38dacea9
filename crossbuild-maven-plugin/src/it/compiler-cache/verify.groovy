import static dev.crossbuild.it.ItSupport.*
import java.nio.file.Files

def log = buildLog(basedir)
noStackTrace(log)
// rustc ran behind sccache, cmake compiled behind it, and a fresh cache had nothing to give
contains(log, 'SUCCESS (sccache 0 hits, ')
contains(log, '-DCMAKE_C_COMPILER_LAUNCHER=sccache')
check((log =~ /\[linux-x64\] sccache: 0 hits, [1-9]\d* misses/).find(), 'no sccache misses reported for a fresh cache')
check(!log.contains('left a background process running'), 'the sccache server was treated as a stray')

// a second checkout elsewhere, same cache folder: hits
def elsewhere = new File(basedir, 'elsewhere/second-checkout')
['pom.xml', 'Cargo.toml', 'Cargo.lock', '.cargo', 'src', 'native'].each { name ->
    def from = new File(basedir, name)
    if (from.isDirectory()) {
        copyTree(from, new File(elsewhere, name))
    } else {
        elsewhere.mkdirs()
        Files.copy(from.toPath(), new File(elsewhere, name).toPath())
    }
}
def second = mvn(elsewhere, localRepositoryPath, 'package', '-Dcrossbuild.compilerCache=sccache',
        "-Dit.cacheDir=${basedir}/sccache")
check(second[0] == 0, "the second checkout failed:\n${second[1]}")
def hits = (second[1] =~ /\[linux-x64\] sccache: (\d+) hits, (\d+) misses/)
check(hits.find() && hits.group(1).toInteger() > 0, "no cache hits in the second checkout:\n${second[1]}")
check(new File(elsewhere, 'target/compiler-cache-1.0-linux-x64.tar.gz').isFile(), 'no archive from the second checkout')

// the server outlived both builds, as meant; stop it
def stop = new ProcessBuilder('sccache', '--stop-server').redirectErrorStream(true)
stop.environment().put('SCCACHE_SERVER_PORT', '4399')
def p = stop.start()
p.inputStream.text
p.waitFor()
return true
