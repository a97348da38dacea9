return dev.crossbuild.it.ItSupport.requireTools(strict, 'native-jar-fan-in', 'cargo', 'toolchain:stable', 'toolchain:debian', 'aarch64-linux-gnu-gcc', 'x86_64-w64-mingw32-gcc')
