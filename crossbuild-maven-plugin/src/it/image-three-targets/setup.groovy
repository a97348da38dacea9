import static dev.crossbuild.it.ItSupport.*

// the base image: Debian's static busybox for amd64 and arm64, one manifest each, in an OCI layout made with umoci
def sh = { List command, File dir -> run(command.collect { it.toString() }, dir) }
def work = new File(basedir, 'base-work')
work.mkdirs()
sh(['apt-get', 'download', 'busybox-static:amd64', 'busybox-static:arm64'], work)
sh(['umoci', 'init', '--layout', 'base'], basedir)
['amd64', 'arm64'].each { arch ->
    def deb = work.listFiles().find { it.name.startsWith('busybox-static_') && it.name.endsWith("_${arch}.deb") }
    check(deb != null, "apt-get download gave no busybox-static for ${arch}")
    def root = new File(work, arch)
    sh(['dpkg-deb', '-x', deb.path, root.path], basedir)
    sh(['umoci', 'new', '--image', "base:${arch}"], basedir)
    def bundle = new File(work, "bundle-${arch}")
    sh(['umoci', 'unpack', '--rootless', '--image', "base:${arch}", bundle.path], basedir)
    new File(bundle, 'rootfs/bin').mkdirs()
    java.nio.file.Files.copy(new File(root, 'bin/busybox').toPath(), new File(bundle, 'rootfs/bin/busybox').toPath())
    new File(bundle, 'rootfs/bin/busybox').setExecutable(true, false)
    sh(['umoci', 'repack', '--image', "base:${arch}", bundle.path], basedir)
    sh(['umoci', 'config', '--image', "base:${arch}", '--architecture', arch, '--os', 'linux'], basedir)
}
return true
