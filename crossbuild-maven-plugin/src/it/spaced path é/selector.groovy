return dev.crossbuild.it.ItSupport.requireTools(strict, 'spaced path é', 'cargo', 'make', 'meson', 'ninja', 'cmake',
        'aarch64-linux-gnu-gcc', 'qemu-aarch64', 'toolchain:debian')
