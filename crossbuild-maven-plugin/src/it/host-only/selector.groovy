return dev.crossbuild.it.ItSupport.requireTools(strict, 'host-only', 'cargo')
