return dev.crossbuild.it.ItSupport.requireTools(strict, 'three-targets', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc', 'x86_64-w64-mingw32-gcc', 'qemu-aarch64', 'wine',
    '/usr/share/cargo/registry/memchr-2.5.0', '/usr/share/cargo/registry/cfg-if-1.0.0', '/usr/share/cargo/registry/lazy_static-1.4.0',
    '/usr/share/cargo/registry/once_cell-1.17.0')
