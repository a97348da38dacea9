return dev.crossbuild.it.ItSupport.requireTools(strict, 'package-reproducible', 'cargo', 'toolchain:debian',
        'x86_64-w64-mingw32-gcc')
