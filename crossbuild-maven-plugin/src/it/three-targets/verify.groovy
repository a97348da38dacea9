import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
[
  // the two targets on the debian toolchain share one cargo run and its target dir
  ['linux-x64', 'x86_64-unknown-linux-gnu', 'hello', 'arch=x86_64 os=linux', 'targets/linux-x64', 'linux-x64'],
  ['linux-arm64', 'aarch64-unknown-linux-gnu', 'hello', 'arch=aarch64 os=linux', 'groups/linux-arm64+windows-x64-gnu', 'linux-arm64+windows-x64-gnu'],
  ['windows-x64-gnu', 'x86_64-pc-windows-gnu', 'hello.exe', 'arch=x86_64 os=windows', 'groups/linux-arm64+windows-x64-gnu', 'linux-arm64+windows-x64-gnu'],
].each { id, triple, name, expected, dir, prefix ->
  def exe = new File(basedir, "target/crossbuild/${dir}/cargo/${triple}/release/${name}")
  check(exe.isFile(), "no binary for ${id} at ${exe}")
  contains(runBinary(triple, exe), "hello says ${expected}")
  // the command and cargo's own lines carry the target id (or the group's ids)
  contains(log, "[${prefix}] cargo +")
  contains(log, "[${prefix}]    Compiling hello v0.1.0")
  def record = new File(basedir, "target/crossbuild/targets/${id}/cargo-build.json").text
  contains(record, '"result": "SUCCESS"')
  contains(record, exe.name)
}
contains(log, 'crossbuild cargo-build summary:')
check((log =~ /linux-x64\s+x86_64-unknown-linux-gnu\s+SUCCESS/).find(), 'summary row for linux-x64')
check((log =~ /linux-arm64\s+aarch64-unknown-linux-gnu\s+SUCCESS/).find(), 'summary row for linux-arm64')
check((log =~ /windows-x64-gnu\s+x86_64-pc-windows-gnu\s+SUCCESS/).find(), 'summary row for windows-x64-gnu')
// validate ran first and checked the tools of every target
check(log.indexOf('validate-toolchain') < log.indexOf('cargo-build'), 'validate-toolchain ran after cargo-build')
check((log =~ /linux-arm64\s+aarch64-unknown-linux-gnu\s+debian\s+1\.65\.\d+\s+1\.63\.\d+\s+ok\s+linker ok,runner ok\s+OK/).find(),
      'toolchain table row for linux-arm64')

// each target's SBOM passes CycloneDX 1.6's own schema and lists exactly what its binary links: the member
// greeting and its memchr, the path crate helper and its lazy_static, once_cell on aarch64 only; not the
// member tool (not built) nor its cfg-if. Debian's vendored crates have no checksum: no hash, not its text
[['linux-x64', false], ['linux-arm64', true], ['windows-x64-gnu', false]].each { id, arm ->
  def file = new File(basedir, "target/three-targets-1.0-${id}.cdx.json")
  check(file.isFile(), "no SBOM ${file}")
  def errors = new org.cyclonedx.parsers.JsonParser().validate(file, org.cyclonedx.Version.VERSION_16)
  check(errors.isEmpty(), "${file.name} fails CycloneDX 1.6 schema validation: ${errors}")
  def bom = new groovy.json.JsonSlurper().parse(file)
  def names = bom.components*.name.sort()
  def expected = (['greeting', 'helper', 'lazy_static', 'memchr'] + (arm ? ['once_cell'] : [])).sort()
  check(names == expected, "${file.name} lists ${names}, expected ${expected}")
  def byName = bom.components.collectEntries { [(it.name): it] }
  ['lazy_static', 'once_cell'].findAll { byName[it] }.each { check(byName[it].hashes == null, "${it} hashes ${byName[it].hashes}") }
  check(byName.memchr.hashes[0].content == '2dffe52ecf27772e601905b7522cb4ef790d2cc203488bbd0e2fe85fcb74566d', "memchr hash ${byName.memchr.hashes}")
  check(byName.memchr.purl == 'pkg:cargo/memchr@2.5.0', "memchr purl ${byName.memchr.purl}")
  // path crates are no crates.io packages: no purl
  ['greeting', 'helper'].each { check(byName[it].purl == null && byName[it]['bom-ref'] == "cargo-path:${it}@${it == 'helper' ? '0.4.0' : '0.2.0'}",
      "${it}: purl ${byName[it].purl}, bom-ref ${byName[it]['bom-ref']}") }
  check(byName.helper.licenses[0].license.name == 'GPL v2' && byName.helper.licenses[0].expression == null,
      "a license that is no SPDX expression is a name: ${byName.helper.licenses}")
  check(byName.greeting.licenses[0].expression == 'MIT OR Apache-2.0', "greeting license ${byName.greeting.licenses}")
  check(!file.text.contains(basedir.absolutePath), "${file.name} names a folder of this machine")
}
return true
