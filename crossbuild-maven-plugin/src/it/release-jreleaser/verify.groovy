import static dev.crossbuild.it.ItSupport.*
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.security.MessageDigest

def log = buildLog(basedir)
noStackTrace(log)
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def target = new File(basedir, 'target')
def ids = ['linux-x64', 'linux-arm64', 'windows-x64-gnu']

// one SBOM per target: memchr everywhere, itoa (a cfg(windows) dependency) only in the Windows one
ids.each { id ->
  def file = new File(target, "relapp-1.0.0-${id}.cdx.json")
  check(file.isFile(), "no SBOM ${file}")
  def errors = new org.cyclonedx.parsers.JsonParser().validate(file, org.cyclonedx.Version.VERSION_16)
  check(errors.isEmpty(), "${file.name} fails CycloneDX 1.6 schema validation: ${errors}")
  def bom = new JsonSlurper().parse(file)
  check(bom.specVersion == '1.6', "${file.name}: specVersion ${bom.specVersion}")
  check(bom.metadata.timestamp.startsWith('2024-03-04T05:06:07'), "${file.name}: time ${bom.metadata.timestamp}")
  check(bom.metadata.component.purl == "pkg:maven/dev.crossbuild.it/relapp@1.0.0?classifier=${id}&type=zip",
      "${file.name}: main purl ${bom.metadata.component.purl}")
  def purls = bom.components*.purl
  def memchr = bom.components.find { it.purl == 'pkg:cargo/memchr@2.5.0' }
  check(memchr != null, "${file.name} lacks memchr: ${purls}")
  // the checksum of Cargo.lock, which is that of the crate's .cargo-checksum.json
  check(memchr.hashes[0].content == '2dffe52ecf27772e601905b7522cb4ef790d2cc203488bbd0e2fe85fcb74566d', "memchr hash ${memchr.hashes}")
  check(memchr.licenses[0].expression == 'Unlicense OR MIT', "memchr license ${memchr.licenses}")
  boolean hasItoa = purls.contains('pkg:cargo/itoa@1.0.1')
  check(hasItoa == (id == 'windows-x64-gnu'), "${file.name}: itoa present=${hasItoa}: ${purls}")
  // the packaged program, with the sha256 the archive's report has
  def exe = bom.components.find { it.type == 'file' && it.name.startsWith("relapp-1.0.0-${id}/bin/relapp") }
  check(exe != null && exe.hashes[0].content ==~ /[0-9a-f]{64}/, "${file.name}: no packaged program: ${bom.components*.name}")
}

// the programs are in bin/, where Homebrew's formula and Scoop's manifest look, and run from there
[['linux-x64', 'x86_64-unknown-linux-gnu', 'relapp', 'Some(3)'], ['linux-arm64', 'aarch64-unknown-linux-gnu', 'relapp', 'Some(3)'],
 ['windows-x64-gnu', 'x86_64-pc-windows-gnu', 'relapp.exe', '3']].each { id, triple, exe, expected ->
  def unpacked = new File(basedir, "unpacked/${id}")
  unpacked.mkdirs()
  run(['unzip', '-q', new File(target, "relapp-1.0.0-${id}.zip").absolutePath, '-d', unpacked.absolutePath], basedir)
  def program = new File(unpacked, "relapp-1.0.0-${id}/bin/${exe}")
  check(program.isFile(), "no bin/${exe} in the ${id} archive")
  contains(runBinary(triple, program), expected)
}

// the manifest lists every attached file with the sha256 and size of the file itself
def releaseDir = new File(target, 'crossbuild/release')
def manifest = new JsonSlurper().parse(new File(releaseDir, 'dist-manifest.json'))
check(manifest.artifacts.size() == 17, "expected 3 archives, 3 SBOMs, 4 Linux packages and their 7 checksums:"
    + " ${manifest.artifacts*.file}")
manifest.artifacts.each { a ->
  def f = new File(basedir, a.path)
  check(f.isFile(), "manifest names ${a.path}, which does not exist")
  check(a.sha256 == sha256(f), "manifest sha256 of ${a.file} is not the file's")
  check(a.size == f.length(), "manifest size of ${a.file}")
  check(ids.contains(a.target), "${a.file}: target ${a.target}")
}
def arm = manifest.artifacts.find { it.file == 'relapp-1.0.0-linux-arm64.zip' }
check(arm.kind == 'archive' && arm.triple == 'aarch64-unknown-linux-gnu', "arm64 archive entry ${arm}")
check(arm.platforms.java == 'linux-aarch_64' && arm.platforms.jreleaser == 'linux-aarch_64' && arm.platforms.oci == 'linux/arm64/v8',
    "arm64 platforms ${arm.platforms}")
check(manifest.artifacts.findAll { it.kind == 'sbom' }.size() == 3, 'three SBOMs in the manifest')
// the Linux packages of package-linux, a .deb and an .rpm per Linux target, with their platforms
def packages = manifest.artifacts.findAll { it.kind == 'package' }
check(packages*.file.sort() == ['linux-arm64', 'linux-x64'].collectMany { id -> ['deb', 'rpm'].collect { "relapp-1.0.0-${id}.${it}" } }.sort(),
    "Linux packages in the manifest: ${packages*.file}")
check(packages.find { it.file == 'relapp-1.0.0-linux-arm64.deb' }.platforms.jreleaser == 'linux-aarch_64', 'arm64 .deb platform')
// and go up with the release as files of jreleaser.yml
def yml = new File(releaseDir, 'jreleaser.yml').text
['linux-x64', 'linux-arm64'].each { id -> ['deb', 'rpm'].each { contains(yml, "path: target/relapp-1.0.0-${id}.${it}") } }
// checksums.txt is sha256sum's own format
def sums = run(['sha256sum', '-c', new File(releaseDir, 'checksums.txt').absolutePath], target)
check(sums.readLines().findAll { it.endsWith(': OK') }.size() == 10, "sha256sum -c checksums.txt: ${sums}")

// JReleaser accepted the generated file and wrote the channels' manifests with our checksums
contains(log, 'jreleaser')
def sumOf = { id -> manifest.artifacts.find { it.file == "relapp-1.0.0-${id}.zip" }.sha256 }
def packageDir = new File(target, 'jreleaser/package/relapp')
def found = { String suffix -> def all = []; packageDir.eachFileRecurse { if (it.name.endsWith(suffix)) all << it }; all }
def formula = found('.rb')
check(formula.size() == 1, "one Homebrew formula under ${packageDir}: ${formula}")
contains(formula[0].text, sumOf('linux-x64'))
contains(formula[0].text, sumOf('linux-arm64'))
contains(formula[0].text, '"#{libexec}/bin/relapp"')
def scoop = found('relapp.json')
check(scoop.size() == 1, "one Scoop manifest: ${scoop}")
contains(scoop[0].text, sumOf('windows-x64-gnu'))
check(!found('.nuspec').isEmpty(), "a Chocolatey nuspec under ${packageDir}")
def choco = found('.ps1').collect { it.text }.join('\n')
contains(choco, sumOf('windows-x64-gnu'))

// the pom's {{…}} is text in every channel: JReleaser rendered none of it (a word joiner, U+2060, sits between
// the braces, which JReleaser renders in no pass), and without that invisible character it reads as the pom wrote
def pomText = 'Finds a byte with memchr; on Windows prints its index with itoa. Not a template: {{projectName}}' +
    ' {{#f_upper}}x{{/f_upper}} {{{raw}}}.'
def shown = { String s -> s.replace('\u2060', '') }
check(!yml.replace('v{{projectVersion}}', '').contains('{{'), "jreleaser.yml holds a template from the pom:\n${yml}")
contains(shown(yml), "description: '${pomText}'")
def desc = formula[0].text.readLines().find { it.trim().startsWith('desc ') }
check(shown(desc ?: '') == "  desc \"${pomText}\"", "the Homebrew formula's desc: ${desc}")
def scoopDescription = new JsonSlurper().parse(scoop[0]).description
check(shown(scoopDescription) == pomText, "the Scoop manifest's description: ${scoopDescription}")
def nuspec = found('.nuspec')[0].text
check(shown(nuspec).contains("<summary>${pomText}</summary>") && shown(nuspec).contains("<description>${pomText}</description>"),
    "the Chocolatey nuspec:\n${nuspec}")

// the same sources built in another, longer directory give the same SBOMs, manifest, checksums and configuration
def elsewhere = new File(basedir, 'elsewhere/a-second-checkout-in-a-longer-path')
['pom.xml', 'Cargo.toml', 'Cargo.lock', 'src', '.cargo', 'vendor'].each { name ->
  def from = new File(basedir, name)
  if (from.isDirectory()) {
    copyTree(from, new File(elsewhere, name))
  } else {
    elsewhere.mkdirs()
    Files.copy(from.toPath(), new File(elsewhere, name).toPath())
  }
}
def second = mvn(elsewhere, localRepositoryPath, 'package')
check(second[0] == 0, "the second checkout's build failed:\n${second[1]}")
def same = ids.collect { "target/relapp-1.0.0-${it}.cdx.json" } + ['target/crossbuild/release/dist-manifest.json',
    'target/crossbuild/release/checksums.txt', 'target/crossbuild/release/jreleaser.yml']
same.each { path ->
  def here = new File(basedir, path)
  def there = new File(elsewhere, path)
  check(there.isFile(), "the second build wrote no ${path}")
  check(here.bytes == there.bytes, "${path} differs between the two directories:\n${here.text}\n---\n${there.text}")
}
return true
