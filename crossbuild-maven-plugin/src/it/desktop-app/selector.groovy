return dev.crossbuild.it.ItSupport.requireTools(strict, 'desktop-app', 'cargo', 'make', 'meson', 'ninja', 'cmake',
        'aarch64-linux-gnu-gcc', 'x86_64-w64-mingw32-gcc', 'qemu-aarch64', 'wine', 'toolchain:debian')
