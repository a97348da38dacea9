return dev.crossbuild.it.ItSupport.requireTools(strict, 'image-three-targets', 'cargo', 'toolchain:debian',
    'aarch64-linux-gnu-gcc', 'x86_64-w64-mingw32-gcc', 'qemu-aarch64', 'skopeo', 'umoci', 'docker-registry',
    'apt-get', 'dpkg-deb', 'openssl')
