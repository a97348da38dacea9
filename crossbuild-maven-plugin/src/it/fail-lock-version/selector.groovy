return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-lock-version', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc', 'qemu-aarch64')
