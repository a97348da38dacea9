import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.PackageItSupport.*
import java.nio.file.Files

def log = buildLog(basedir)
noStackTrace(log)
def targets = [
    'linux-x64'      : ['x86_64-unknown-linux-gnu', '', 'tar.gz', 'rust_arch=x86_64 tray=6 tray_arch=x86_64 calc=42 calc_system=linux scale=42 scale_bits=64'],
    'linux-arm64'    : ['aarch64-unknown-linux-gnu', '', 'tar.gz', 'rust_arch=aarch64 tray=106 tray_arch=aarch64 calc=42 calc_system=linux scale=42 scale_bits=64'],
    'windows-x64-gnu': ['x86_64-pc-windows-gnu', '.exe', 'zip', 'rust_arch=x86_64 tray=6 tray_arch=x86_64 calc=42 calc_system=windows scale=42 scale_bits=64'],
]
// the programs still run, and cmake's __FILE__ names the stable project path, not this directory
targets.each { id, t ->
    def (triple, suffix, ext, line) = t
    def exe = new File(basedir, "target/crossbuild/targets/${id}/cargo/${triple}/release/repro${suffix}")
    def out = runBinary(triple, exe).trim()
    contains(out, line)
    contains(out, 'scale_file=/crossbuild/project/native/scale/scale.c')
    // the plugin's own second build in another directory found the same bytes
    contains(log, "[${id}] reproducible: reproducible-native-1.0-${id}.${ext} is byte-identical when built in")
}
contains(log, '(second build) ')
check(!new File(basedir, 'target/crossbuild/reproducibility').exists(), 'the second build left its copy behind')

// built once more from a checkout elsewhere, with a longer path, at another time: the same bytes
def copySources = { File to ->
    ['pom.xml', 'Cargo.toml', 'Cargo.lock', 'build.rs', 'src', 'native'].each { name ->
        def from = new File(basedir, name)
        if (from.isDirectory()) {
            copyTree(from, new File(to, name))
        } else {
            to.mkdirs()
            Files.copy(from.toPath(), new File(to, name).toPath())
        }
    }
}
def elsewhere = new File(basedir, 'elsewhere/a-second-checkout-in-a-longer-path')
copySources(elsewhere)
def second = mvn(elsewhere, localRepositoryPath, 'package')
check(second[0] == 0, "the second checkout's build failed:\n${second[1]}")
targets.each { id, t ->
    def name = "reproducible-native-1.0-${id}.${t[2]}"
    def a = new File(basedir, "target/${name}")
    def b = new File(elsewhere, "target/${name}")
    check(Files.mismatch(a.toPath(), b.toPath()) == -1L, "${name} differs between ${basedir} and ${elsewhere}")
}

// with crossbuild.reproducible=false the same two directories give different Windows programs: the link time
// and cmake's absolute source path are in them, which shows the flags are what made them equal
def off = ['package', '-Dcrossbuild.reproducible=false', '-Dcrossbuild.targets=windows-x64-gnu']
def here = mvn(basedir, localRepositoryPath, off as String[])
check(here[0] == 0, "reproducible=false build failed:\n${here[1]}")
sleep(1500)
def there = mvn(elsewhere, localRepositoryPath, off as String[])
check(there[0] == 0, "reproducible=false build failed:\n${there[1]}")
def exeHere = new File(basedir, 'target/crossbuild/targets/windows-x64-gnu/cargo/x86_64-pc-windows-gnu/release/repro.exe')
def exeThere = new File(elsewhere, 'target/crossbuild/targets/windows-x64-gnu/cargo/x86_64-pc-windows-gnu/release/repro.exe')
check(new String(exeHere.bytes, 'ISO-8859-1').contains("${basedir}/native/scale/scale.c"), 'no absolute cmake path without the flags')
check(peLinkTime(exeHere) != 0 && peLinkTime(exeHere) != peLinkTime(exeThere),
        "PE link times ${peLinkTime(exeHere)} / ${peLinkTime(exeThere)}")
def zip = 'reproducible-native-1.0-windows-x64-gnu.zip'
check(Files.mismatch(new File(basedir, "target/${zip}").toPath(), new File(elsewhere, "target/${zip}").toPath()) != -1L,
        'the archives are equal without the flags')
return true
