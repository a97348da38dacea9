import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper

def sh = { List command, File dir -> run(command.collect { it.toString() }, dir) }
def json = new JsonSlurper()
def platformsOf = { index -> index.manifests.collect { m -> [m.platform.os, m.platform.architecture, m.platform.variant].findAll().join('/') }.sort() }
['linux-x64', 'linux-arm64'].each { id ->
    check(new File(basedir, "jobs/${id}/image-fan-in-1.0-${id}.tar.gz").isFile(), "job ${id} wrote no archive")
    check(!new File(basedir, "jobs/${id}/crossbuild/image").exists(), "job ${id} made an image")
}

// a registry that asks for Basic authentication
def registry = startRegistry(new File(basedir, 'registry'), 'pusher', 's3cret')
try {
    def port = registry[1]
    def name = "127.0.0.1:${port}/acme/hello:1.0"
    def deploy = { String... extra -> mvn(basedir, localRepositoryPath, false, (['deploy', '-Dcrossbuild.prebuilt=jobs',
            "-Dcrossbuild.image.name=${name}".toString(), '-Dcrossbuild.image.insecure=true'] + extra.toList()) as String[]) }
    // no credentials, then a wrong password: refused naming where credentials come from
    def anonymous = deploy()
    check(anonymous[0] != 0, 'pushed with no credentials')
    noStackTrace(anonymous[1])
    contains(anonymous[1], "the registry 127.0.0.1:${port} needs credentials to push; add a <server> with <id>127.0.0.1:${port}</id>")
    def wrong = deploy('-Dcrossbuild.image.username=pusher', '-Dcrossbuild.image.password=wrong')
    check(wrong[0] != 0, 'pushed with a wrong password')
    contains(wrong[1], "the registry 127.0.0.1:${port} refused the credentials for push to acme/hello")
    // the settings.xml server whose id is the registry host
    def servers = new File(basedir, 'servers.xml')
    servers.text = "<settings><servers><server><id>127.0.0.1:${port}</id><username>pusher</username><password>s3cret</password></server></servers></settings>"
    def fanIn = deploy('-gs', servers.path)
    def log = fanIn[1]
    check(fanIn[0] == 0, "the fan-in failed:\n${log}")
    noStackTrace(log)
    check(!(log =~ /\] cargo \+|\] cargo build/).find(), 'cargo ran in the fan-in job')
    contains(log, 'verified prebuilt')
    contains(log, "pushed ${name}")
    // the image holds what both jobs built
    def pushed = json.parseText(sh(['skopeo', 'inspect', '--raw', '--tls-verify=false', '--creds', 'pusher:s3cret', "docker://${name}"], basedir))
    check(platformsOf(pushed) == ['linux/amd64', 'linux/arm64/v8'], "registry's platforms: ${platformsOf(pushed)}")
    // the image archive is deployed with the target archives
    check(new File(basedir, 'repo/dev/crossbuild/it/image-fan-in/1.0/image-fan-in-1.0-image.tar').isFile(),
            'the image archive was not deployed')
    // each platform from the registry runs its job's program
    def layout = new File(basedir, 'pulled')
    ['amd64': 'arch=x86_64 os=linux', 'arm64': 'arch=aarch64 os=linux'].each { arch, expected ->
        sh(['skopeo', 'copy', '--src-tls-verify=false', '--src-creds', 'pusher:s3cret', '--override-arch', arch, "docker://${name}", "oci:${layout}:${arch}"], basedir)
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
