import static dev.crossbuild.it.ItSupport.*
import static dev.crossbuild.it.NativeJarItSupport.*
import java.nio.file.Files

def log = buildLog(basedir)
noStackTrace(log)
def name = { platform -> "native-jar-fan-in-1.0-${platform}.jar" }
def jobs = ['linux-x64': 'linux-x86_64', 'linux-arm64': 'linux-aarch_64', 'windows-x64-gnu': 'windows-x86_64']
def libraries = ['linux-x86_64': 'libhello.so', 'linux-aarch_64': 'libhello.so', 'windows-x86_64': 'hello.dll']

// the fan-in built nothing, verified each job's JAR and ran the JNI check on all three
def fanIn = log.lastIndexOf(':cargo-build (default)')
def after = log.substring(fanIn)
check((after =~ /:cargo-build \(default\)[^\n]*\n\[INFO\] Skipping: crossbuild.prebuilt is set/).find(), 'cargo-build ran in the fan-in')
jobs.keySet().each { id -> contains(after, "[${id}] verified prebuilt ") }
contains(after, 'JNI check: 3 native methods of classes checked against the libraries of 3 targets: every one links')

// one deploy: each job's JAR byte for byte with its checksum, and the JAR of every platform
def deployed = new File(basedir, 'repo/dev/crossbuild/it/native-jar-fan-in/1.0')
jobs.each { id, platform ->
  def job = new File(basedir, "jobs/${id}/${name(platform)}")
  def published = new File(deployed, name(platform))
  check(published.isFile(), "not deployed: ${published}")
  check(Files.mismatch(job.toPath(), published.toPath()) == -1L, "${published} differs from what its job built")
  contains(new File(deployed, name(platform) + '.sha256').text, sha256(job))
}
def all = new File(deployed, name('all'))
check(all.isFile(), "not deployed: ${all}")
libraries.each { platform, library ->
  check(entries(all).contains("META-INF/native/hello/${platform}/${library}".toString()), "${all}: ${entries(all)}")
}

// the failures, each from a clean copy of the gathered folder, each deploying nothing
def attempt = { String folder, Closure change ->
  def dir = new File(basedir, folder)
  copyTree(new File(basedir, 'jobs'), dir)
  change(dir)
  def repo = new File(basedir, "repo-${folder}")
  def result = mvn(basedir, localRepositoryPath, 'deploy', "-Dcrossbuild.prebuilt=${folder}", "-Dit.repo=${repo}",
      "-Dit.buildDir=fan-in-${folder}")
  check(result[0] != 0, "${folder}: the build did not fail:\n${result[1]}")
  check(!repo.exists(), "${folder}: something was deployed")
  noStackTrace(result[1])
  contains(result[1], 'nothing is attached or published')
  return result[1]
}
def jar = { dir, id -> new File(dir, "${id}/${name(jobs[id])}") }

def missing = attempt('missing') { dir -> jar(dir, 'windows-x64-gnu').delete() }
contains(missing, "target `windows-x64-gnu`: ${name('windows-x86_64')} is missing from")

def altered = attempt('altered') { dir ->
  def file = jar(dir, 'linux-arm64')
  def bytes = file.bytes
  bytes[bytes.length.intdiv(2)] = (byte) (bytes[bytes.length.intdiv(2)] ^ 0x01)
  file.bytes = bytes
}
contains(altered, "${name('linux-aarch_64')} does not match its checksum")

def wrongArch = attempt('wrong-arch') { dir ->
  // the x64 library under the arm64 folder, its index and checksum made to match: only the header tells
  def x64 = entryBytes(jar(dir, 'linux-x64'), 'META-INF/native/hello/linux-x86_64/libhello.so')
  def arm = jar(dir, 'linux-arm64')
  def indexPath = 'META-INF/native/hello/linux-aarch_64/crossbuild-native.index'
  def tmp = File.createTempFile('lib', '.so')
  tmp.bytes = x64
  def text = new String(entryBytes(arm, indexPath), 'UTF-8').replaceAll(/library=[0-9a-f]{64} /, "library=${sha256(tmp)} ")
  tmp.delete()
  rewrite(arm, ['META-INF/native/hello/linux-aarch_64/libhello.so': x64, (indexPath): text.getBytes('UTF-8')])
}
contains(wrongArch, "target `linux-arm64`: ")
contains(wrongArch, 'META-INF/native/hello/linux-aarch_64/libhello.so is ELF 64-bit LSB')
contains(wrongArch, 'x86_64, but the target needs aarch64')

def extra = attempt('extra') { dir ->
  rewrite(jar(dir, 'linux-x64'), ['com/example/Evil.class': 'not a class'.getBytes('UTF-8')])
}
contains(extra, "entry `com/example/Evil.class` is not part of a native JAR of hello for linux-x86_64")

def unlisted = attempt('unlisted') { dir ->
  rewrite(jar(dir, 'windows-x64-gnu'), ['META-INF/native/hello/windows-x86_64/evil.dll': 'MZ'.getBytes('UTF-8')])
}
contains(unlisted, 'META-INF/native/hello/windows-x86_64/evil.dll is not in its index')
return true
