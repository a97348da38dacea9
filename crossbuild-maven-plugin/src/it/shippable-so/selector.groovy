return dev.crossbuild.it.ItSupport.requireTools(strict, 'shippable-so', 'cargo', 'make', 'gcc', 'aarch64-linux-gnu-gcc', 'qemu-aarch64', 'toolchain:debian')
