import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper

def sh = { List command, File dir -> run(command.collect { it.toString() }, dir) }
def json = new JsonSlurper()
def platformsOf = { index -> index.manifests.collect { m -> [m.platform.os, m.platform.architecture, m.platform.variant].findAll().join('/') }.sort() }
['linux-x64', 'linux-arm64'].each { id ->
    check(new File(basedir, "jobs/${id}/image-fan-in-1.0-${id}.tar.gz").isFile(), "job ${id} wrote no archive")
    check(!new File(basedir, "jobs/${id}/crossbuild/image").exists(), "job ${id} made an image")
}

def registry = startRegistry(new File(basedir, 'registry'))
try {
    def port = registry[1]
    def name = "127.0.0.1:${port}/acme/hello:1.0"
    def fanIn = mvn(basedir, localRepositoryPath, false, 'deploy', '-Dcrossbuild.prebuilt=jobs',
            "-Dcrossbuild.image.name=${name}".toString(), '-Dcrossbuild.image.insecure=true')
    def log = fanIn[1]
    check(fanIn[0] == 0, "the fan-in failed:\n${log}")
    noStackTrace(log)
    check(!(log =~ /\] cargo \+|\] cargo build/).find(), 'cargo ran in the fan-in job')
    contains(log, 'verified prebuilt')
    contains(log, "pushed ${name}")
    // the image holds what both jobs built
    def pushed = json.parseText(sh(['skopeo', 'inspect', '--raw', '--tls-verify=false', "docker://${name}"], basedir))
    check(platformsOf(pushed) == ['linux/amd64', 'linux/arm64/v8'], "registry's platforms: ${platformsOf(pushed)}")
    // the image archive is deployed with the target archives
    check(new File(basedir, 'repo/dev/crossbuild/it/image-fan-in/1.0/image-fan-in-1.0-image.tar').isFile(),
            'the image archive was not deployed')
    // each platform from the registry runs its job's program
    def layout = new File(basedir, 'pulled')
    ['amd64': 'arch=x86_64 os=linux', 'arm64': 'arch=aarch64 os=linux'].each { arch, expected ->
        sh(['skopeo', 'copy', '--src-tls-verify=false', '--override-arch', arch, "docker://${name}", "oci:${layout}:${arch}"], basedir)
        def bundle = new File(basedir, "unpacked-${arch}")
        sh(['umoci', 'unpack', '--rootless', '--image', "${layout}:${arch}", bundle.path], basedir)
        def program = new File(bundle, 'rootfs/app/hello')
        def out = arch == 'amd64' ? sh([program.path], basedir) : sh(['qemu-aarch64', program.path], basedir)
        contains(out, "hello says ${expected}")
    }
} finally {
    stopRegistry(registry)
}
return true
