import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
contains(log, '[linux-x64] reproducible: verify-reproducible-cleanup-1.0-linux-x64.tar.gz is byte-identical when built in')

// kept: the path is logged, and the copy holds the sources and none of what a build does not read
def kept = (log =~ /verifyReproducible: the copy of the second build is kept in (\S+)/)
check(kept.find(), 'the kept copy is not named')
def copy = new File(kept.group(1))
check(copy.isDirectory(), "the kept copy ${copy} is not there")
check(copy.toPath().startsWith(new File(basedir, 'target/crossbuild/reproducibility').toPath()), "copy at ${copy}")
['pom.xml', 'Cargo.toml', 'Cargo.lock', 'src/main.rs', 'src/target/mod.rs', 'tools/helper/pom.xml',
 'tools/helper/src/Helper.java'].each { check(new File(copy, it).isFile(), "${it} is missing from the copy") }
['.git', '.svn', '.idea', '.vscode', 'tools/helper/target', 'target/left-by-an-older-build.txt'].each {
    check(!new File(copy, it).exists(), "${it} was copied")
}

// without keep, the same check leaves nothing behind (the kept copy of the run before goes as well)
def again = mvn(basedir, localRepositoryPath, 'package', '-Dcrossbuild.verifyReproducible=true')
check(again[0] == 0, "the build without keep failed:\n${again[1]}")
contains(again[1], 'is byte-identical when built in')
check(!again[1].contains('is kept in'), 'the copy was kept without keep')
check(!new File(basedir, 'target/crossbuild/reproducibility').exists(), 'the second build left its copy behind')
return true
