import static dev.crossbuild.it.ItSupport.*
import java.nio.file.Files

// the scenario's own directory holds a space and an accent (src/it/spaced path é)
check(basedir.path.contains(' ') && basedir.path.contains('é'), "not a spaced path: ${basedir}")
def log = buildLog(basedir)
noStackTrace(log)
contains(log, 'BUILD SUCCESS')
// no compile cache is asked for (sccache is on PATH in CI): meson must not put one in front of the compilers
// by itself, for the host or, in a cross build, for the build machine, and no cache server is left behind
def cacheLines = log.readLines().findAll { it =~ /(?i)\bs?ccache\b|background process/ }
check(cacheLines.isEmpty(), "a compile cache was used or left running:\n" + cacheLines.join('\n'))
def triples = ['linux-x64': 'x86_64-unknown-linux-gnu', 'linux-arm64': 'aarch64-unknown-linux-gnu']
def archs = ['linux-x64': 'x86_64', 'linux-arm64': 'aarch64']

def expectRuns = { File root ->
    triples.each { id, triple ->
        def cargoOnly = runBinary(triple, new File(root, "cargo-only/target/crossbuild/targets/${id}/cargo/${triple}/release/spaced")).trim()
        check(cargoOnly == "arch=${archs[id]} file=src/main.rs flag=true", "${id} cargo-only printed: ${cargoOnly}")
        def nat = runBinary(triple, new File(root, "with-native/target/crossbuild/targets/${id}/cargo/${triple}/release/spaced-native")).trim()
        // make's and cmake's absolute __FILE__ are remapped to the stable names; meson compiles by relative path
        contains(nat, "arch=${archs[id]} tray=/crossbuild/work/targets/${id}/native/tray/tray.c")
        contains(nat, "scale=/crossbuild/project/native/scale/scale.c")
        check(!nat.contains(root.path), "${id}: ${nat} names the build directory")
    }
}
expectRuns(basedir)

def archives = { File root ->
    ['cargo-only', 'with-native'].collectMany { m -> triples.keySet().collect { id -> new File(root, "${m}/target/${m}-1.0-${id}.tar.gz") } }
}
// no binary and no archive holds the directory's path, in any encoding the tools write it
archives(basedir).each { a ->
    check(a.isFile(), "missing ${a}")
    check(!new String(a.bytes, 'ISO-8859-1').contains('spaced path'), "${a.name} names the directory")
}
triples.each { id, triple ->
    ['cargo-only/target/crossbuild/targets/' + id + '/cargo/' + triple + '/release/spaced',
     'with-native/target/crossbuild/targets/' + id + '/cargo/' + triple + '/release/spaced-native'].each { p ->
        def text = new String(new File(basedir, p).bytes, 'UTF-8')
        check(!text.contains(basedir.path), "${p} holds ${basedir.path}")
    }
}

// a second checkout in another directory with a space and an accent, at another time: the same bytes
def second = new File(basedir, 'second checkout à côté/of the project')
['pom.xml', 'cargo-only', 'with-native'].each { name ->
    def from = new File(basedir, name)
    if (from.isDirectory()) {
        copyTree(from, new File(second, name), )
    } else {
        second.mkdirs()
        Files.copy(from.toPath(), new File(second, name).toPath())
    }
}
['cargo-only', 'with-native'].each { m -> new File(second, "${m}/target").deleteDir(); new File(second, "${m}/build.log").delete() }
sleep(1100)
def run = mvn(second, localRepositoryPath, 'package')
check(run[0] == 0, "the second checkout's build failed:\n${run[1]}")
expectRuns(second)
[archives(basedir), archives(second)].transpose().each { a, b ->
    check(Files.mismatch(a.toPath(), b.toPath()) == -1L, "${a.name} differs between ${basedir} and ${second}")
}
return true
