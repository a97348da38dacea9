// Debian's wasm32 standard libraries (libstd-rust-dev-wasm32), and rust-lld (a link into lld's package)
return dev.crossbuild.it.ItSupport.requireTools(strict, 'test-four-targets', 'cargo', 'toolchain:debian',
        'aarch64-linux-gnu-gcc', 'x86_64-w64-mingw32-gcc', 'qemu-aarch64', 'wine', 'rust-lld', 'node',
        '/usr/lib/rustlib/wasm32-wasi/lib', '/usr/lib/rustlib/wasm32-unknown-unknown/lib')
