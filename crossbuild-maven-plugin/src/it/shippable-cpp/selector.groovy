return dev.crossbuild.it.ItSupport.requireTools(strict, 'shippable-cpp', 'cargo', 'cmake', 'g++', 'aarch64-linux-gnu-g++',
        'x86_64-w64-mingw32-g++-posix', 'x86_64-w64-mingw32-gcc-posix', 'qemu-aarch64', 'wine', 'toolchain:debian')
