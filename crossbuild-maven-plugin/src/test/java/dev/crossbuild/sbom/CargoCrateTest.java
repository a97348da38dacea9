package dev.crossbuild.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CargoCrateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // crates.io, by its git and its sparse index: the purl type's default repository
        "registry+https://github.com/rust-lang/crates.io-index | pkg:cargo/memchr@2.5.0                      | pkg:cargo/memchr@2.5.0",
        "sparse+https://index.crates.io/                       | pkg:cargo/memchr@2.5.0                      | pkg:cargo/memchr@2.5.0",
        // another registry is named, so no crates.io crate is meant (packageurl-java percent-encodes the values)
        "sparse+https://crates.example.com/index/              | pkg:cargo/memchr@2.5.0?repository_url=https%3A%2F%2Fcrates.example.com%2Findex%2F | pkg:cargo/memchr@2.5.0?repository_url=https%3A%2F%2Fcrates.example.com%2Findex%2F",
        // a git crate: its repository at the commit Cargo.lock pins
        "git+https://github.com/acme/memchr?branch=main#0123abc | pkg:cargo/memchr@2.5.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Facme%2Fmemchr%400123abc | pkg:cargo/memchr@2.5.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Facme%2Fmemchr%400123abc",
        // a path crate is no package of a registry: no purl
        "-                                                     | -                                           | cargo-path:memchr@2.5.0",
    })
    void purlsPerSource(String source, String purl, String bomRef) {
        CargoCrate crate = new CargoCrate("memchr", "2.5.0", "MIT", source, null, false);
        assertThat(crate.purl()).as(String.valueOf(source)).isEqualTo(purl);
        assertThat(crate.bomRef()).isEqualTo(bomRef);
    }
}
