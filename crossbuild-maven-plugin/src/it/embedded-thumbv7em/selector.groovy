// Debian's rustc-web with its library sources as the rustup toolchain `web` (.ci/rustc-web.sh), rust-lld (Debian's
// lld) as the target's linker and qemu-system-arm (Debian's qemu-system-arm) as its board
return dev.crossbuild.it.ItSupport.requireTools(strict, 'embedded-thumbv7em', 'cargo', 'toolchain:web', 'rust-lld', 'qemu-system-arm', 'readelf')
