import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
// the three invocations of invoker.properties, one after the other in the log
def (apart, broken, together, noop) = runs(log, 4)
def cargo = new File(basedir, 'target/crossbuild')
def group = 'linux-arm64+windows-x64-gnu'
def grouped = ~/\[linux-arm64\+windows-x64-gnu\] cargo \+debian build --target aarch64-unknown-linux-gnu --target x86_64-pc-windows-gnu .*--target-dir \S+\/groups\/linux-arm64\+windows-x64-gnu\/cargo/

// 1: -Dcrossbuild.group=false: one cargo run per target, each in its own target dir
['linux-arm64': 'aarch64-unknown-linux-gnu', 'windows-x64-gnu': 'x86_64-pc-windows-gnu'].each { id, triple ->
  check((apart =~ /\[${id}\] cargo \+debian build --target ${triple} .*--target-dir \S+\/targets\/${id}\/cargo/).find(),
        "no cargo run of its own for ${id}")
  check(new File(cargo, "targets/${id}/cargo/${triple}/release").isDirectory(), "no own target dir for ${id}")
}
check(!(apart =~ grouped).find(), 'a grouped run with -Dcrossbuild.group=false')

// 2: the windows-only compile error: the grouped run fails, each member is built alone, windows is named
check((broken =~ grouped).find(), 'no grouped run in the second run')
contains(broken, "[${group}] the cargo build of 2 targets failed")
contains(broken, 'building each of them alone to name the one that fails')
contains(broken, "target `windows-x64-gnu` (x86_64-pc-windows-gnu): cargo build failed: error: grouped does not build for Windows with feature `broken`")
check((broken =~ /\[windows-x64-gnu\] cargo \+debian build --target x86_64-pc-windows-gnu .*--target-dir \S+\/groups\/linux-arm64\+windows-x64-gnu\/cargo/).find(),
      'windows was not built alone in the group\'s target dir')
check(!broken.contains("target `linux-arm64` (aarch64-unknown-linux-gnu): cargo build failed"), 'linux-arm64 was blamed')
check((broken =~ /linux-arm64\s+aarch64-unknown-linux-gnu\s+SUCCESS\s+\d/).find(), 'summary: linux-arm64 built alone')
check((broken =~ /windows-x64-gnu\s+x86_64-pc-windows-gnu\s+FAILED/).find(), 'summary: windows failed')
check(new File(cargo, 'targets/windows-x64-gnu/cargo-build.sh').isFile(), 'no reproduction script for windows')

// 3: grouped: one cargo run for the pair, the host alone on its own toolchain
check((together =~ grouped).size() == 1, "expected one grouped cargo run:\n${together}")
check(!(together =~ /\[(linux-arm64|windows-x64-gnu)\] cargo /).find(), 'a target of the group ran cargo alone')
check((together =~ /\[linux-x64\] cargo \+stable build --target x86_64-unknown-linux-gnu /).size() == 1, 'host run')
check((together =~ /linux-arm64\s+aarch64-unknown-linux-gnu\s+SUCCESS \(one cargo run: linux-arm64\+windows-x64-gnu\)/).find(),
      'summary row of a grouped target')
[
  ['linux-x64', 'x86_64-unknown-linux-gnu', "targets/linux-x64/cargo", 'grouped', 'arch=x86_64 os=linux', 'host_flag=true'],
  ['linux-arm64', 'aarch64-unknown-linux-gnu', "groups/${group}/cargo", 'grouped', 'arch=aarch64 os=linux', 'arm_flag=true'],
  ['windows-x64-gnu', 'x86_64-pc-windows-gnu', "groups/${group}/cargo", 'grouped.exe', 'arch=x86_64 os=windows', 'win_flag=true'],
].each { id, triple, dir, name, arch, flag ->
  def exe = new File(cargo, "${dir}/${triple}/release/${name}")
  check(exe.isFile(), "no binary for ${id} at ${exe}")
  def out = runBinary(triple, exe)
  contains(out, "grouped says ${arch} built_for=${triple}")
  contains(out, flag)
  // each target's rustflags reached that target only, and never the build script built for the host
  check((out =~ /_flag=true/).size() == 1, "${id} got another target's rustflags: ${out}")
  contains(out, 'script_flags=false')
  // the record holds the target's own binary, not its group mate's
  def record = new File(cargo, "targets/${id}/cargo-build.json").text
  contains(record, '"result": "SUCCESS"')
  contains(record, "${dir}/${triple}/release/${name}\"")
  def other = triple == 'aarch64-unknown-linux-gnu' ? 'x86_64-pc-windows-gnu' : 'aarch64-unknown-linux-gnu'
  check(!record.contains("${other}/release"), "${id}'s record lists another target's artifact")
}

// the grouped targets' archives hold their own binaries
['linux-arm64': 'grouped', 'windows-x64-gnu': 'grouped.exe'].each { id, name ->
  def archive = new File(basedir, "target/grouped-cargo-1.0-${id}.${id.startsWith('windows') ? 'zip' : 'tar.gz'}")
  check(archive.isFile(), "no archive ${archive}")
  contains(together, "[${id}] packaged ${archive}")
  def entries = archive.name.endsWith('.zip')
      ? new java.util.zip.ZipFile(archive).withCloseable { z -> z.entries().collect { it.name }.join('\n') }
      : run(['tar', 'tzf', archive.path], basedir)
  contains(entries, "grouped-cargo-1.0-${id}/${name}")
}

// 4: nothing changed: toolchain facts reused, nothing compiled, every archive left alone
['linux-x64', 'linux-arm64'].each { id ->
  contains(noop, "[${id}] toolchain facts reused from target/crossbuild/toolchain-cache")
}
check(!noop.contains('Compiling grouped'), "the no-op run compiled:\n${noop}")
// the group's cargo is not started: nothing it depends on changed since run 3
check(!(noop =~ grouped).find() && !(noop =~ /\[(linux-arm64|windows-x64-gnu)\] cargo /).find(),
      "the no-op run started the group's cargo:\n${noop}")
contains(noop, "[${group}] cargo build is up to date (same command, environment, toolchain and files as the last build), not run (-Dcrossbuild.cargo.force=true runs it)")
['linux-arm64': 'aarch64-unknown-linux-gnu', 'windows-x64-gnu': 'x86_64-pc-windows-gnu'].each { id, triple ->
  check((noop =~ /${id}\s+${triple}\s+UP TO DATE\s+-\s+grouped/).find(), "summary: ${id} not UP TO DATE:\n${noop}")
}
// the host's cargo (a newer one, which warns of the scenario's own cfg names in build.rs) runs again, as every
// build after warnings does, so that the warnings are shown again
check((noop =~ /\[linux-x64\] cargo \+stable build /).size() == 1, "the host's cargo did not run once:\n${noop}")
contains(noop, '[linux-x64] warning: unexpected `cfg` condition name')
check((noop =~ /linux-x64\s+x86_64-unknown-linux-gnu\s+SUCCESS\s+\d/).find(), 'summary: linux-x64 not built')
['linux-x64': 'tar.gz', 'linux-arm64': 'tar.gz', 'windows-x64-gnu': 'zip'].each { id, ext ->
  contains(noop, "[${id}] grouped-cargo-1.0-${id}.${ext} is up to date (same files, options and timestamp), not written again")
}
return true
