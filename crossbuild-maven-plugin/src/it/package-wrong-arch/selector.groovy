return dev.crossbuild.it.ItSupport.requireTools(strict, 'package-wrong-arch', 'cargo', 'toolchain:debian',
        'aarch64-linux-gnu-gcc')
