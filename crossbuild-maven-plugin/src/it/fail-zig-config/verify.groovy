import static dev.crossbuild.it.ItSupport.*

def all = buildLog(basedir)
noStackTrace(all)
def (cc, msvc, sources, noZig, zigFolder) = runs(all, 5)

contains(cc, '<targets><target> number 1 (`mac`): <cc> and <linker>zig</linker> together; with zig the plugin\'s'
    + ' zig wrapper is the target\'s C compiler, C++ compiler and archiver: remove <cc> or name another <linker>')
contains(msvc, '<triple>aarch64-pc-windows-msvc</triple> with <linker>zig</linker>: zig cannot link against the MSVC'
    + ' runtime; use the `-gnullvm` triple (aarch64-pc-windows-gnullvm)')
contains(sources, 'target `mac`: <buildStd>true</buildStd> builds the standard library from the toolchain\'s sources,'
    + ' which are not in ')
contains(sources, 'install them (`rustup component add rust-src --toolchain stable`) or name in <toolchain> a toolchain'
    + ' whose sources are installed (a nightly one with rust-src, or Debian\'s rustc-web with rust-web-src)')
check((sources =~ /mac\s+aarch64-apple-darwin\s+stable\s+\S+\s+\S+\s+missing\s.*FAILED/).find(),
    'the toolchain table does not mark mac FAILED')
def fix = '; point <zig> (-Dcrossbuild.zig) at the zig executable or the folder holding it, or leave it empty to use zig from PATH'
contains(noZig, "<zig> (-Dcrossbuild.zig) ${new File(basedir, 'no-such-zig').canonicalPath} does not exist${fix}")
contains(zigFolder, "<zig> (-Dcrossbuild.zig) ${new File(basedir, 'src').canonicalPath} is a folder without zig${fix}")
// nothing compiled, no wrapper left behind by a refused configuration
check(!all.contains('cargo-build (default)'), 'cargo-build ran although the configuration was refused')
check(!new File(basedir, 'target/crossbuild/targets/mac/cargo').exists(), 'something was compiled')
return true
