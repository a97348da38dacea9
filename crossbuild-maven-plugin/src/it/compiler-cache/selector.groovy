return dev.crossbuild.it.ItSupport.requireTools(strict, 'compiler-cache', 'cargo', 'cmake', 'sccache',
        '/usr/share/cargo/registry/regex-1.7.1', '/usr/share/cargo/registry/serde_json-1.0.87')
