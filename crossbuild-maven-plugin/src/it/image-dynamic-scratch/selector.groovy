return dev.crossbuild.it.ItSupport.requireTools(strict, 'image-dynamic-scratch', 'cargo')
