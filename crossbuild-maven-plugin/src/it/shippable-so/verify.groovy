import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
['linux-x64': 'x86_64-unknown-linux-gnu', 'linux-arm64': 'aarch64-unknown-linux-gnu'].each { id, triple ->
    contains(log, "target `${id}` (${triple}): greeter needs libgreet.so, which cannot be bundled: greeter has no"
            + ' $ORIGIN runpath the loader would look in inside the archive\'s folder (one through .. above it leads out'
            + ' of the unpacked archive); link it with -C link-arg=-Wl,-rpath,$ORIGIN/lib in <rustflags>, or keep'
            + ' $ORIGIN/../lib and put the programs in a folder of their own (-Dcrossbuild.programFolder=bin)')
}
def clean = new File(basedir, 'clean-machine')
clean.deleteDir()
['linux-x64': ['x86_64-unknown-linux-gnu', 'x86_64'], 'linux-arm64': ['aarch64-unknown-linux-gnu', 'aarch64']].each { id, t ->
    def dir = new File(clean, id)
    dir.mkdirs()
    run(['tar', 'xzf', new File(basedir, "target/shippable-so-1.0-${id}.tar.gz").path, '-C', dir.path], basedir)
    def top = new File(dir, "shippable-so-1.0-${id}")
    check(new File(top, 'lib/libgreet.so').isFile(), "${id}: lib/libgreet.so not bundled")
    // the library in the archive is the target's own (the architecture proof covers bundled files)
    contains(runBinary(t[0], new File(top, 'greeter')), "greet=42 on ${t[1]}")
}
return true
