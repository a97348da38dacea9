return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-missing-linker', 'cargo')
