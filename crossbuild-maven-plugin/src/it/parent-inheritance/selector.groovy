return dev.crossbuild.it.ItSupport.requireTools(strict, 'parent-inheritance', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc', 'qemu-aarch64')
