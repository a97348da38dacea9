return dev.crossbuild.it.ItSupport.requireTools(strict, 'verify-reproducible-cleanup', 'cargo')
