return dev.crossbuild.it.ItSupport.requireTools(strict, 'stale-records', 'cargo')
