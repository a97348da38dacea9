return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-compile-error', 'cargo')
