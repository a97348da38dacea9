import static dev.crossbuild.it.ItSupport.*

def log = buildLog(basedir)
noStackTrace(log)
// package-arch accepted the archive (libc is a system library of Linux); the image would not start
check(new File(basedir, 'target/image-dynamic-scratch-1.0-linux-x64.tar.gz').isFile(), 'package-arch wrote no archive')
contains(log, 'target `linux-x64` (x86_64-unknown-linux-gnu, linux/amd64): /app/hello needs libc.so.6, which the base image `scratch` does not have, so it would not start')
contains(log, '-C target-feature=+crt-static')
contains(log, 'needs ld-linux-x86-64.so.2')
// nothing written
check(!new File(basedir, 'target/crossbuild/image').exists(), 'an image layout was written')
check(!new File(basedir, 'target/image-dynamic-scratch-1.0-image.tar').exists(), 'an image archive was written')
return true
