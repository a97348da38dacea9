return dev.crossbuild.it.ItSupport.requireTools(strict, 'test-no-runner-hang', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc')
