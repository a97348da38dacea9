return dev.crossbuild.it.ItSupport.requireTools(strict, 'vcvars-batch', 'cargo', 'wine')
