return dev.crossbuild.it.ItSupport.requireTools(strict, 'fail-duplicate-ids', 'cargo')
