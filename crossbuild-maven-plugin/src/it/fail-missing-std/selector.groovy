return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-missing-std', 'cargo', 'toolchain:debian')
