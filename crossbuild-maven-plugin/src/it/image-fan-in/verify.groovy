import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper

def sh = { List command, File dir -> run(command.collect { it.toString() }, dir) }
def json = new JsonSlurper()
def platformsOf = { index -> index.manifests.collect { m -> [m.platform.os, m.platform.architecture, m.platform.variant].findAll().join('/') }.sort() }
['linux-x64', 'linux-arm64'].each { id ->
    check(new File(basedir, "jobs/${id}/image-fan-in-1.0-${id}.tar.gz").isFile(), "job ${id} wrote no archive")
    check(!new File(basedir, "jobs/${id}/crossbuild/image").exists(), "job ${id} made an image")
}

// a registry that asks for Basic authentication; a password no other text of the build holds
def password = 'Pw-fanin-7f3k9q'
def basic = Base64.encoder.encodeToString("pusher:${password}".getBytes('UTF-8'))
def leaks = { String text -> text.contains(password) || text.contains(basic) }
def registry = startRegistry(new File(basedir, 'registry'), 'pusher', password)
try {
    def port = registry[1]
    def name = "127.0.0.1:${port}/acme/hello:1.0"
    def deployAs = { Map env, String... extra -> mvnWithEnvironment(basedir, localRepositoryPath, false, env,
            (['deploy', '-Dcrossbuild.prebuilt=jobs', "-Dcrossbuild.image.name=${name}".toString(),
              '-Dcrossbuild.image.insecure=true'] + extra.toList()) as String[]) }
    def deploy = { String... extra -> deployAs([:], extra) }
    // no credentials, then a wrong password: refused naming where credentials come from
    def anonymous = deploy()
    check(anonymous[0] != 0, 'pushed with no credentials')
    noStackTrace(anonymous[1])
    contains(anonymous[1], "the registry 127.0.0.1:${port} needs credentials to push; give them in settings.xml (a <server> with <id>127.0.0.1:${port}</id>")
    def wrong = deployAs([CROSSBUILD_IMAGE_USERNAME: 'pusher', CROSSBUILD_IMAGE_PASSWORD: 'not-the-password'])
    check(wrong[0] != 0, 'pushed with a wrong password')
    contains(wrong[1], "the registry 127.0.0.1:${port} refused the credentials for push to acme/hello")
    // a password as a property is no parameter any more: refused before anything runs, and not repeated
    def property = deploy('-Dcrossbuild.image.username=pusher', "-Dcrossbuild.image.password=${password}".toString())
    check(property[0] != 0, 'a password property was accepted')
    noStackTrace(property[1])
    contains(property[1], 'crossbuild.image.password is not read: Maven prints every goal parameter under -X')
    contains(property[1], 'CROSSBUILD_IMAGE_PASSWORD')
    check(!leaks(property[1]), "the refusal repeats the password:\n${property[1]}")
    // nor a name that carries credentials
    def inName = deploy("-Dcrossbuild.image.name=pusher:${password}@127.0.0.1:${port}/acme/hello:1.0".toString())
    check(inName[0] != 0, 'a name with credentials was accepted')
    noStackTrace(inName[1])
    contains(inName[1], "-Dcrossbuild.image.name `…@127.0.0.1:${port}/acme/hello:1.0` holds credentials")
    check(!leaks(inName[1]), "the refusal repeats the password:\n${inName[1]}")
    // the environment variables the README names, under -X: the password is nowhere in the log
    def fromEnv = deployAs([CROSSBUILD_IMAGE_USERNAME: 'pusher', CROSSBUILD_IMAGE_PASSWORD: password], '-X')
    check(fromEnv[0] == 0, "the push with credentials from the environment failed:\n${fromEnv[1]}")
    contains(fromEnv[1], '[DEBUG] Configuring mojo')
    contains(fromEnv[1], "pushed ${name}")
    check(!leaks(fromEnv[1]), 'mvn -X printed the password from the environment')
    // the settings.xml server whose id is the registry host, its password encrypted with Maven's own tool
    def security = new File(basedir, 'settings-security.xml')
    def encrypted = { List out -> def m = (out[1] =~ /\{[A-Za-z0-9+\/=]+\}/); check(m.find(), "no encrypted value in:\n${out[1]}"); m.group() }
    def master = encrypted(mvn(basedir, localRepositoryPath, '--encrypt-master-password', 'it-master-secret'))
    security.text = "<settingsSecurity><master>${master}</master></settingsSecurity>"
    def secured = "-Dsettings.security=${security.path}".toString()
    def encryptedPassword = encrypted(mvn(basedir, localRepositoryPath, '--encrypt-password', password, secured))
    check(!encryptedPassword.contains(password), 'the encrypted password holds the password')
    def servers = new File(basedir, 'servers.xml')
    servers.text = "<settings><servers><server><id>127.0.0.1:${port}</id><username>pusher</username><password>${encryptedPassword}</password></server></servers></settings>"
    def fanIn = deploy('-gs', servers.path, secured, '-X')
    check(!leaks(fanIn[1]), 'mvn -X printed the decrypted password')
    def log = fanIn[1]
    check(fanIn[0] == 0, "the fan-in failed:\n${log}")
    noStackTrace(log)
    check(!(log =~ /\] cargo \+|\] cargo build/).find(), 'cargo ran in the fan-in job')
    contains(log, 'verified prebuilt')
    contains(log, "pushed ${name}")
    // the image holds what both jobs built
    def pushed = json.parseText(sh(['skopeo', 'inspect', '--raw', '--tls-verify=false', '--creds', "pusher:${password}", "docker://${name}"], basedir))
    check(platformsOf(pushed) == ['linux/amd64', 'linux/arm64/v8'], "registry's platforms: ${platformsOf(pushed)}")
    // the image archive is deployed with the target archives
    check(new File(basedir, 'repo/dev/crossbuild/it/image-fan-in/1.0/image-fan-in-1.0-image.tar').isFile(),
            'the image archive was not deployed')
    // each platform from the registry runs its job's program
    def layout = new File(basedir, 'pulled')
    ['amd64': 'arch=x86_64 os=linux', 'arm64': 'arch=aarch64 os=linux'].each { arch, expected ->
        sh(['skopeo', 'copy', '--src-tls-verify=false', '--src-creds', "pusher:${password}", '--override-arch', arch, "docker://${name}", "oci:${layout}:${arch}"], basedir)
        def bundle = new File(basedir, "unpacked-${arch}")
        sh(['umoci', 'unpack', '--rootless', '--image', "${layout}:${arch}", bundle.path], basedir)
        def program = new File(bundle, 'rootfs/app/hello')
        def out = arch == 'amd64' ? sh([program.path], basedir) : sh(['qemu-aarch64', program.path], basedir)
        contains(out, "hello says ${expected}")
    }
} finally {
    stopRegistry(registry)
}
// a registry that accepts the connection and never answers: the push fails after the timeout, naming it
def silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())
def held = []
def accepting = Thread.start { try { while (true) { held << silent.accept() } } catch (IOException closed) { } }
try {
    long start = System.nanoTime()
    def hung = mvn(basedir, localRepositoryPath, false, 'deploy', '-Dcrossbuild.prebuilt=jobs', '-Dcrossbuild.image.insecure=true',
            "-Dcrossbuild.image.name=127.0.0.1:${silent.localPort}/acme/hello:1.0".toString(), '-Dcrossbuild.image.timeout=3')
    long seconds = (System.nanoTime() - start).intdiv(1_000_000_000L)
    check(hung[0] != 0, 'a push to a registry that never answers succeeded')
    noStackTrace(hung[1])
    contains(hung[1], "the registry 127.0.0.1:${silent.localPort} sent and took nothing for 3 s (HEAD http://127.0.0.1:${silent.localPort}/v2/acme/hello/blobs/sha256:")
    contains(hung[1], 'wait longer with -Dcrossbuild.image.timeout=SECONDS')
    check(seconds < 120, "the silent registry held the build for ${seconds} s")
} finally {
    silent.close()
    held.each { it.close() }
}
// a port that is not one: refused by package-image, before anything is written or pushed
def badPort = mvn(basedir, localRepositoryPath, false, 'deploy', '-Dcrossbuild.prebuilt=jobs',
        '-Dcrossbuild.image.name=127.0.0.1:99999/acme/hello:1.0')
check(badPort[0] != 0, 'an image name with port 99999 was accepted')
noStackTrace(badPort[1])
contains(badPort[1], '-Dcrossbuild.image.name `127.0.0.1:99999/acme/hello:1.0`: the registry port `99999` is not a port, a number from 1 to 65535')
check(!badPort[1].contains('unsupported URI'), 'the bad port reached the HTTP client')
return true
