return dev.crossbuild.it.ItSupport.requireTools(strict, 'env-script-posix', 'cargo', 'make', 'aarch64-linux-gnu-gcc',
        'qemu-aarch64', 'toolchain:debian')
