package dev.crossbuild.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformKeysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            // triple,                          java platform,       jreleaser,              oci,              deb,     rpm
            "x86_64-unknown-linux-gnu,          linux-x86_64,        linux-x86_64,           linux/amd64,      amd64,   x86_64",
            "x86_64-unknown-linux-musl,         linux-x86_64-musl,   linux_musl-x86_64,      linux/amd64,      amd64,   x86_64",
            "aarch64-unknown-linux-gnu,         linux-aarch_64,      linux-aarch_64,         linux/arm64/v8,   arm64,   aarch64",
            "aarch64-unknown-linux-musl,        linux-aarch_64-musl, linux_musl-aarch_64,    linux/arm64/v8,   arm64,   aarch64",
            "i686-unknown-linux-gnu,            linux-x86_32,        linux-x86_32,           linux/386,        i386,    i686",
            "armv7-unknown-linux-gnueabihf,     linux-arm_32,        linux-arm_32,           linux/arm/v7,     armhf,   armv7hl",
            "arm-unknown-linux-gnueabihf,       linux-arm_32,        linux-arm_32,           linux/arm/v6,     armhf,   armv6hl",
            "arm-unknown-linux-gnueabi,         linux-arm_32,        linux-arm_32,           linux/arm/v6,     armel,   armv6l",
            "sparc64-unknown-linux-gnu,         -,                   -,                      -,                -,       -",
            "riscv64gc-unknown-linux-gnu,       linux-riscv64,       linux-riscv64,          linux/riscv64,    riscv64, riscv64",
            "powerpc64le-unknown-linux-gnu,     linux-ppcle_64,      linux-ppcle_64,         linux/ppc64le,    ppc64el, ppc64le",
            "s390x-unknown-linux-gnu,           linux-s390_64,       linux-s390_64,          linux/s390x,      s390x,   s390x",
            "x86_64-pc-windows-msvc,            windows-x86_64,      windows-x86_64,         -,                -,       -",
            "x86_64-pc-windows-gnu,             windows-x86_64,      windows-x86_64,         -,                -,       -",
            "i686-pc-windows-msvc,              windows-x86_32,      windows-x86_32,         -,                -,       -",
            "aarch64-pc-windows-msvc,           windows-aarch_64,    windows-aarch_64,       -,                -,       -",
            "x86_64-apple-darwin,               osx-x86_64,          osx-x86_64,             -,                -,       -",
            "aarch64-apple-darwin,              osx-aarch_64,        osx-aarch_64,           -,                -,       -",
            "wasm32-wasi,                       -,                   -,                      -,                -,       -",
            "wasm32-unknown-unknown,            -,                   -,                      -,                -,       -",
    })
    void namesEachPlatformAsItsToolDoes(String triple, String java, String jreleaser, String oci, String deb,
            String rpm) {
        TargetTriple target = TargetTriple.parse(triple);
        assertThat(PlatformKeys.javaPlatform(target)).as("java platform").isEqualTo(java(java));
        assertThat(PlatformKeys.jreleaserPlatform(target)).as("jreleaser").isEqualTo(java(jreleaser));
        assertThat(PlatformKeys.ociPlatform(target).map(Object::toString)).as("oci").isEqualTo(java(oci));
        assertThat(PlatformKeys.debianArch(target)).as("deb").isEqualTo(java(deb));
        assertThat(PlatformKeys.rpmArch(target)).as("rpm").isEqualTo(java(rpm));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // triple                         | <platform>            | refused because / the key to use
            "x86_64-unknown-linux-gnu         | linux-x86_64          | -",
            "x86_64-unknown-linux-gnu         | linux-x86_64-v3       | -",
            "x86_64-unknown-linux-gnu         | linux-aarch_64        | on a linux aarch_64 JVM, and this target's libraries are for linux-x86_64; use <platform>linux-x86_64</platform>",
            "x86_64-unknown-linux-gnu         | linux-x86_64-musl     | on a linux x86_64 musl JVM, and this target's libraries are for linux-x86_64; use <platform>linux-x86_64</platform>",
            "x86_64-unknown-linux-gnu         | windows-x86_64        | on a windows x86_64 JVM, and this target's libraries are for linux-x86_64",
            "x86_64-unknown-linux-gnu         | linux-x86_6           | this target's libraries are for linux-x86_64",
            "x86_64-unknown-linux-gnu         | Linux-X86_64          | in lower case only, so no JVM would find it; use <platform>linux-x86_64</platform>",
            "x86_64-unknown-linux-gnu         | Linux-Aarch_64        | in lower case only, so no JVM would find it; use <platform>linux-x86_64</platform>",
            "aarch64-unknown-linux-gnu        | linux-aarch_64        | -",
            "aarch64-unknown-linux-gnu        | linux-x86_64          | on a linux x86_64 JVM, and this target's libraries are for linux-aarch_64; use <platform>linux-aarch_64</platform>",
            "aarch64-unknown-linux-gnu        | linux-aarch64         | this target's libraries are for linux-aarch_64; use <platform>linux-aarch_64</platform>",
            "x86_64-unknown-linux-musl        | linux-x86_64-musl     | -",
            "x86_64-unknown-linux-musl        | linux-x86_64-musl-v3  | -",
            "x86_64-unknown-linux-musl        | linux-x86_64          | this target's libraries are for linux-x86_64-musl; use <platform>linux-x86_64-musl</platform>",
            "aarch64-apple-darwin             | osx-aarch_64          | -",
            "aarch64-apple-darwin             | osx-x86_64            | this target's libraries are for osx-aarch_64",
            "aarch64-apple-darwin             | OSX-aarch_64          | use <platform>osx-aarch_64</platform>",
            "i686-pc-windows-msvc             | windows-x86_32        | -",
            "i686-pc-windows-msvc             | windows-x86_64        | this target's libraries are for windows-x86_32",
            // a triple without a key of its own: its OS and no architecture the loader knows for another CPU
            "mips64-unknown-linux-gnuabi64    | linux-mips64          | -",
            "mips64-unknown-linux-gnuabi64    | linux-x86_64          | use a key that starts with linux- and names the triple's architecture (mips64)",
            "mips64-unknown-linux-gnuabi64    | windows-mips64        | use a key that starts with linux-",
            "wasm32-unknown-unknown           | wasm-wasm32           | -",
            "wasm32-unknown-unknown           | Wasm                  | in lower case only",
    })
    void aPlatformKeyMustBeTheTriplesAsTheLoaderSpellsIt(String triple, String key, String problem) {
        TargetSpec target = new TargetSpec("t1", TargetTriple.parse(triple), null, null, null, null, null, null,
                null, java.util.Map.of(), null, java.util.List.of(), java.util.Map.of());
        java.util.Optional<String> found = PlatformKeys.overrideProblem(target, key);
        if (problem == null) {
            assertThat(found).as(key).isEmpty();
        } else {
            assertThat(found).as(key).get().asString().startsWith("<target><id>t1</id> (" + triple
                    + ") has <platform>" + key + "</platform>, but the loader ").contains(problem);
        }
    }

    private static java.util.Optional<String> java(String value) {
        return java.util.Optional.ofNullable(value);
    }
}
