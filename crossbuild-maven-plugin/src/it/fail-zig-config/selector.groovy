// the pom errors need nothing; the missing library sources are those of rustup's stable toolchain (a minimal
// profile has no rust-src)
return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-zig-config', 'cargo', 'toolchain:stable')
