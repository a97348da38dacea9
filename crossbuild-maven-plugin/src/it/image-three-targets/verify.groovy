import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper
import java.nio.file.Files

def sh = { List command, File dir -> run(command.collect { it.toString() }, dir) }
def json = new JsonSlurper()
def log = buildLog(basedir)
noStackTrace(log)
def layout = new File(basedir, 'target/crossbuild/image')
def blob = { String digest -> json.parse(new File(layout, 'blobs/sha256/' + digest.substring(7))) }
def platformsOf = { index -> index.manifests.collect { m -> [m.platform.os, m.platform.architecture, m.platform.variant].findAll().join('/') }.sort() }

// the layout: index.json tags the image index and one manifest per platform
def top = json.parse(new File(layout, 'index.json'))
def refs = top.manifests.collectEntries { [(it.annotations['org.opencontainers.image.ref.name']): it] }
check(refs.keySet() == ['1.0', '1.0-amd64', '1.0-arm64'] as Set, "refs in index.json: ${refs.keySet()}")
check(refs['1.0'].mediaType == 'application/vnd.oci.image.index.v1+json', 'the tag does not name an image index')
def index = blob(refs['1.0'].digest)
check(platformsOf(index) == ['linux/amd64', 'linux/arm64/v8'], "platforms: ${platformsOf(index)}")
// skopeo reads the same index
def raw = json.parseText(sh(['skopeo', 'inspect', '--raw', "oci:${layout}:1.0"], basedir))
check(platformsOf(raw) == ['linux/amd64', 'linux/arm64/v8'], "skopeo's platforms: ${platformsOf(raw)}")
contains(log, '[windows-x64-gnu] left out of the image: x86_64-pc-windows-gnu is not a Linux platform')

// each platform: the busybox base's layer, then the program's; config from the pom
index.manifests.each { m ->
    def manifest = blob(m.digest)
    check(manifest.layers.size() == 2, "${m.platform.architecture}: layers ${manifest.layers.size()}")
    def config = blob(manifest.config.digest)
    check(config.architecture == m.platform.architecture, "config architecture ${config.architecture}")
    check(config.config.Entrypoint == ['/app/hello'], "entrypoint ${config.config.Entrypoint}")
    check(config.config.Env.contains('GREETING=hello'), "env ${config.config.Env}")
    check(config.config.ExposedPorts.containsKey('8080/tcp'), 'port 8080 not exposed')
    check(config.created == '2024-01-01T00:00:00Z', "created ${config.created}")
    def labels = config.config.Labels
    check(labels['org.opencontainers.image.version'] == '1.0', "labels ${labels}")
    check(labels['org.opencontainers.image.licenses'] == 'MIT', "labels ${labels}")
    check(labels['org.opencontainers.image.source'] == 'https://example.org/hello', "labels ${labels}")
    check(labels['org.opencontainers.image.title'] == 'hello image', "labels ${labels}")
    check(labels.team == 'tools', "labels ${labels}")
    check(config.rootfs.diff_ids.size() == 2, 'diff_ids')
}

// umoci unpacks each platform's ref; busybox and the program are there, and the program runs
[amd64: 'arch=x86_64 os=linux', arm64: 'arch=aarch64 os=linux'].each { arch, expected ->
    def bundle = new File(basedir, "unpacked-${arch}")
    sh(['umoci', 'unpack', '--rootless', '--image', "${layout}:1.0-${arch}", bundle.path], basedir)
    check(new File(bundle, 'rootfs/bin/busybox').isFile(), "${arch}: no /bin/busybox")
    def program = new File(bundle, 'rootfs/app/hello')
    check(program.canExecute(), "${arch}: /app/hello is not an executable file")
    def out = arch == 'amd64' ? sh([program.path], basedir) : sh(['qemu-aarch64', program.path], basedir)
    contains(out, "hello says ${expected}")
}

// the OCI archive is attached; an unchanged image is not written again
def archive = new File(basedir, 'target/image-three-targets-1.0-image.tar')
check(archive.isFile(), 'no OCI archive')
def again = mvn(basedir, localRepositoryPath, 'package')
check(again[0] == 0, "second package failed:\n${again[1]}")
contains(again[1], 'image example.org/acme/hello:1.0 is up to date')

// the same bytes from another directory
def copy = new File(basedir.parentFile, basedir.name + '-elsewhere')
copy.deleteDir()
copyTree(basedir, copy)
new File(copy, 'target').deleteDir()
def elsewhere = mvn(copy, localRepositoryPath, 'package')
check(elsewhere[0] == 0, "package in ${copy} failed:\n${elsewhere[1]}")
def other = new File(copy, 'target/image-three-targets-1.0-image.tar')
check(Files.mismatch(archive.toPath(), other.toPath()) == -1L, "${other} differs from ${archive}")

// Homebrew's zips and the image in one build: package-image reads the archives package-arch wrote as zips
def tarGz = new File(basedir, 'target').listFiles().findAll { it.name.endsWith('.tar.gz') }
check(tarGz*.name.sort() == ["image-three-targets-1.0-linux-arm64.tar.gz", "image-three-targets-1.0-linux-x64.tar.gz"], "tar.gz archives: ${tarGz}")
tarGz.each { it.delete() }
// the image follows from the files the targets ship, not from their archive's format: with the stamp it would be
// left alone (same files); without it, it is written again from the zips' records and must come out the same
new File(basedir, 'target/crossbuild/image-stamp.txt').delete()
new File(basedir, 'target/crossbuild/image').deleteDir()
def zipped = mvn(basedir, localRepositoryPath, 'package', '-Dcrossbuild.archiveFormat=zip')
check(zipped[0] == 0, "package with -Dcrossbuild.archiveFormat=zip failed:\n${zipped[1]}")
noStackTrace(zipped[1])
['linux-x64', 'linux-arm64', 'windows-x64-gnu'].each { id ->
    check(new File(basedir, "target/image-three-targets-1.0-${id}.zip").isFile(), "no zip for ${id}")
    check(!new File(basedir, "target/image-three-targets-1.0-${id}.tar.gz").exists(), "a tar.gz for ${id}")
}
contains(zipped[1], 'image example.org/acme/hello:1.0 written to')
// the one record of what each target ships names its archive as package-arch wrote it, in its real format
['linux-x64', 'linux-arm64', 'windows-x64-gnu'].each { id ->
    def record = json.parse(new File(basedir, "target/crossbuild/packaged/${id}.json"))
    check(record.archiveFormat == 'zip' && record.archive.endsWith("image-three-targets-1.0-${id}.zip"),
            "the record of ${id} names ${record.archive} (${record.archiveFormat})")
    check(record.files.count { it.kind == 'PROGRAM' } == 1, "the record of ${id} has not one program: ${record.files*.path}")
}
// the same files, so the same image as from the tar.gz archives
def zipTop = json.parse(new File(layout, 'index.json'))
check(zipTop.manifests.find { it.annotations['org.opencontainers.image.ref.name'] == '1.0' }.digest == refs['1.0'].digest,
        "the image from the zips is not the image from the tar.gz archives")
check(Files.mismatch(archive.toPath(), other.toPath()) == -1L, 'the OCI archive from the zips differs')

// what the registry will hold, per platform: the layers under each manifest
def layersOf = index.manifests.collectEntries { m -> [(m.platform.architecture): blob(m.digest).layers*.digest] }

// push to a registry on loopback, started and stopped here
def registry = startRegistry(new File(basedir, 'registry'))
try {
    def port = registry[1]
    def push = { -> mvn(basedir, localRepositoryPath, false, 'install', '-Dcrossbuild.push-image.skip=false',
            "-Dcrossbuild.image.name=127.0.0.1:${port}/acme/hello:1.0".toString(), '-Dcrossbuild.image.insecure=true') }
    def first = push()
    check(first[0] == 0, "push failed:\n${first[1]}")
    check((first[1] =~ /push-image: uploaded [1-9]\d* blobs/).find(), "the first push uploaded nothing:\n${first[1]}")
    contains(first[1], "pushed 127.0.0.1:${port}/acme/hello:latest")
    def pushed = json.parseText(sh(['skopeo', 'inspect', '--raw', '--tls-verify=false',
            "docker://127.0.0.1:${port}/acme/hello:1.0"], basedir))
    check(platformsOf(pushed) == ['linux/amd64', 'linux/arm64/v8'], "registry's platforms: ${platformsOf(pushed)}")
    def second = push()
    check(second[0] == 0, "second push failed:\n${second[1]}")
    contains(second[1], 'push-image: uploaded 0 blobs (0 bytes)')
    // the pushed image as the base of another: pulled from the registry, a new program layer on its two
    def rebased = mvn(basedir, localRepositoryPath, false, 'package', '-Dcrossbuild.image.insecure=true',
            "-Dcrossbuild.image.base=127.0.0.1:${port}/acme/hello:1.0".toString(), '-Dcrossbuild.image.name=acme/hello:2.0')
    check(rebased[0] == 0, "package on the registry's image failed:\n${rebased[1]}")
    def top2 = json.parse(new File(layout, 'index.json'))
    def index2 = blob(top2.manifests.find { it.annotations['org.opencontainers.image.ref.name'] == '2.0' }.digest)
    check(platformsOf(index2) == ['linux/amd64', 'linux/arm64/v8'], "rebased platforms: ${platformsOf(index2)}")
    index2.manifests.each { m ->
        def layers = blob(m.digest).layers*.digest
        def pushedLayers = layersOf[m.platform.architecture]
        check(layers.size() == 3 && layers.subList(0, 2) == pushedLayers, "${m.platform.architecture}: ${layers} on ${pushedLayers}")
        // the same program layer again on top
        check(layers[2] == pushedLayers[1], "${m.platform.architecture}: the program layer changed")
    }
    // a registry serving a layer whose bytes are not its digest (they still gunzip): refused, none of it used
    def victim = layersOf['amd64'][0].substring(7)
    def data = new File(basedir, "registry/data/docker/registry/v2/blobs/sha256/${victim.substring(0, 2)}/${victim}/data")
    check(data.isFile(), "the registry keeps no ${data}")
    def bytes = data.bytes
    bytes[4] = (byte) (bytes[4] ^ 0x55) // gzip's MTIME
    data.bytes = bytes
    new File(basedir, 'target/crossbuild/image-base').deleteDir()
    def tampered = mvn(basedir, localRepositoryPath, false, 'package', '-Dcrossbuild.image.insecure=true',
            "-Dcrossbuild.image.base=127.0.0.1:${port}/acme/hello:1.0".toString(), '-Dcrossbuild.image.name=acme/hello:3.0')
    check(tampered[0] != 0, 'an image was built on a layer the registry damaged')
    noStackTrace(tampered[1])
    contains(tampered[1], "<image><base>127.0.0.1:${port}/acme/hello:1.0</base>: the registry 127.0.0.1:${port} sent for the blob sha256:${victim}")
    check(!(new File(basedir, "target/crossbuild/image-base").listFiles() ?: []).any { dir -> new File(dir, "blobs/sha256/${victim}").exists() },
            'the damaged layer was kept')
    // -o refuses to push
    def offline = mvn(basedir, localRepositoryPath, true, 'install', '-Dcrossbuild.push-image.skip=false',
            "-Dcrossbuild.image.name=127.0.0.1:${port}/acme/hello:1.0".toString())
    check(offline[0] != 0, 'push-image pushed under -o')
    contains(offline[1], 'Maven is offline (-o)')
    noStackTrace(offline[1])
} finally {
    stopRegistry(registry)
}
// a registry with token authentication (a Bearer challenge, a token service): as ghcr.io and Docker Hub ask
def tokenPassword = 'Tk-three-4n8w2x'
def tokenRegistry = startTokenRegistry(new File(basedir, 'token-registry'), 'pusher', tokenPassword)
try {
    def port = tokenRegistry[1]
    def push = { Map env, String... extra -> mvnWithEnvironment(basedir, localRepositoryPath, false, env,
            (['install', '-Dcrossbuild.push-image.skip=false', "-Dcrossbuild.image.name=127.0.0.1:${port}/acme/hello:1.0".toString(),
              '-Dcrossbuild.image.insecure=true'] + extra.toList()) as String[]) }
    def refused = push([CROSSBUILD_IMAGE_USERNAME: 'pusher', CROSSBUILD_IMAGE_PASSWORD: 'wrong'])
    check(refused[0] != 0, 'pushed with a wrong password')
    noStackTrace(refused[1])
    contains(refused[1], "the token service of 127.0.0.1:${port} refused the credentials for push to acme/hello")
    // the credentials from the environment, under -X: neither the password nor its Basic header is in the log
    def pushed = push([CROSSBUILD_IMAGE_USERNAME: 'pusher', CROSSBUILD_IMAGE_PASSWORD: tokenPassword], '-X')
    check(pushed[0] == 0, "push with a token failed:\n${pushed[1]}")
    check((pushed[1] =~ /push-image: uploaded [1-9]\d* blobs/).find(), "the token push uploaded nothing:\n${pushed[1]}")
    contains(pushed[1], "[DEBUG] Configuring mojo execution 'dev.crossbuild:crossbuild-maven-plugin:")
    check(!pushed[1].contains(tokenPassword), 'mvn -X printed the registry password')
    check(!pushed[1].contains(Base64.encoder.encodeToString("pusher:${tokenPassword}".getBytes('UTF-8'))),
            'mvn -X printed the Basic credentials')
    check(!(pushed[1] =~ /\(f\) password = /).find(), 'a password is still a mojo parameter')
    def read = json.parseText(sh(['skopeo', 'inspect', '--raw', '--tls-verify=false', '--creds', "pusher:${tokenPassword}",
            "docker://127.0.0.1:${port}/acme/hello:1.0"], basedir))
    check(platformsOf(read).size() == 2, "token registry's platforms: ${platformsOf(read)}")
} finally {
    stopTokenRegistry(tokenRegistry)
}
return true
