return dev.crossbuild.it.ItSupport.requireTools(strict, 'image-fan-in', 'cargo', 'toolchain:debian',
    'aarch64-linux-gnu-gcc', 'qemu-aarch64', 'skopeo', 'umoci', 'docker-registry', 'htpasswd')
