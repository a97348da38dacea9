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
return true
