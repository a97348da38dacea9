return dev.crossbuild.it.ItSupport.requireTools(strict, 'linux-packages', 'cargo', 'make', 'toolchain:debian',
        'aarch64-linux-gnu-gcc', 'x86_64-w64-mingw32-gcc', 'qemu-aarch64', 'dpkg-deb', 'dpkg', 'rpm', 'lintian', 'readelf')
