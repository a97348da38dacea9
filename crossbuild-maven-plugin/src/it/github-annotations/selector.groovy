return dev.crossbuild.it.ItSupport.requireTools(strict, 'github-annotations', 'cargo')
