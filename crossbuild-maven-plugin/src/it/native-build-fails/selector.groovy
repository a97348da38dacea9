return dev.crossbuild.it.ItSupport.requireTools(strict, 'native-build-fails', 'make', 'cc', 'aarch64-linux-gnu-gcc')
