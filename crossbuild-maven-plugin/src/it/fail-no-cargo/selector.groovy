return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-no-cargo', 'cargo')
