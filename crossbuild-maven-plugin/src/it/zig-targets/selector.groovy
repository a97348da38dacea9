// zig on PATH (.ci/zig.sh) and Debian's rustc-web with its library sources as the rustup toolchain `web`
// (.ci/rustc-web.sh); no gcc cross compiler is used
return dev.crossbuild.it.ItSupport.requireTools(strict, 'zig-targets', 'cargo', 'zig', 'toolchain:web', 'qemu-aarch64', 'llvm-objdump')
