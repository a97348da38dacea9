// zig on PATH (.ci/zig.sh) and Debian's rustc-web with its library sources as the rustup toolchain `web`
// (.ci/rustc-web.sh), Debian's rustc with its windows-gnu std as the toolchain `debian` and wine; no gcc cross
// compiler is used
return dev.crossbuild.it.ItSupport.requireTools(strict, 'zig-targets', 'cargo', 'zig', 'toolchain:web', 'toolchain:debian', 'qemu-aarch64', 'wine', 'llvm-objdump')
