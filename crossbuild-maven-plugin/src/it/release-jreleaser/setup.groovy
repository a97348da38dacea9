import static dev.crossbuild.it.ItSupport.*

// memchr for every target, itoa only under cfg(windows): Debian's crate sources as a cargo directory source
['memchr-2.5.0', 'itoa-1.0.1'].each { crate ->
  copyTree(new File("/usr/share/cargo/registry/${crate}"), new File(basedir, "vendor/${crate}"))
}
// JReleaser reads the project's git checkout: a commit and an origin remote (never contacted in dry-run)
def git = { List<String> args -> run(['git', '-c', 'user.name=IT', '-c', 'user.email=it@example.invalid',
    '-c', 'init.defaultBranch=main'] + args, basedir) }
git(['init', '-q'])
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git(['add', '-A'])
git(['commit', '-q', '-m', 'relapp 1.0.0'])
git(['remote', 'add', 'origin', 'https://github.com/crossbuild-it/relapp.git'])
return true
