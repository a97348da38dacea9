return dev.crossbuild.it.ItSupport.requireTools(strict, 'profile-arm64', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc', 'qemu-aarch64')
