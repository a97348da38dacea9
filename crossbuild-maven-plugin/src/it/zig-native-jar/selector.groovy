// zig on PATH (.ci/zig.sh) and Debian's rustc-web with its library sources as the rustup toolchain `web`
// (.ci/rustc-web.sh); llvm-objdump and llvm-nm read the libraries' exports independently of the plugin
return dev.crossbuild.it.ItSupport.requireTools(strict, 'zig-native-jar', 'cargo', 'zig', 'toolchain:web', 'llvm-objdump', 'llvm-nm')
