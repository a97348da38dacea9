// zig on PATH (.ci/zig.sh), Debian's rustc-web with its library sources as the rustup toolchain `web`
// (.ci/rustc-web.sh), llvm-lipo from Debian's llvm (found as llvm-lipo-<version> or in /usr/lib/llvm-*/bin)
return dev.crossbuild.it.ItSupport.requireTools(strict, 'zig-universal', 'cargo', 'zig', 'toolchain:web', 'cmake', 'llvm-objdump')
