return dev.crossbuild.it.ItSupport.requireTools(strict, 'release-jreleaser', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc',
    'x86_64-w64-mingw32-gcc', 'git', 'dpkg', 'unzip', 'qemu-aarch64', 'wine', '/usr/share/cargo/registry/memchr-2.5.0', '/usr/share/cargo/registry/itoa-1.0.1')
