return dev.crossbuild.it.ItSupport.requireTools(strict, 'native-jar-missing-symbol', 'cargo')
