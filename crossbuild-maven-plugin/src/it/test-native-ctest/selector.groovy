return dev.crossbuild.it.ItSupport.requireTools(strict, 'test-native-ctest', 'cargo', 'toolchain:debian', 'aarch64-linux-gnu-gcc', 'qemu-aarch64', 'cmake')
