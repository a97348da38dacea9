// the arm64 Java runtime that .ci/jre-arm64.sh unpacks (or -Dcrossbuild.it.jreArm64=<folder> of another unpacking)
return dev.crossbuild.it.ItSupport.requireTools(strict, 'native-jar-arm64-jvm', 'cargo', 'toolchain:debian',
    'aarch64-linux-gnu-gcc', 'qemu-aarch64', "${jreArm64}/usr/lib/jvm/java-17-openjdk-arm64/bin/java")
