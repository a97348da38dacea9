return dev.crossbuild.it.ItSupport.requireTools(strict, 'reproducible-time', 'cargo')
