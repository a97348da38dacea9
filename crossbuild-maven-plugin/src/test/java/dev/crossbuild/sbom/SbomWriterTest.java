package dev.crossbuild.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

class SbomWriterTest {

    private static SbomSpec spec(Instant time) {
        return new SbomSpec(new SbomSpec.Project("org.example", "tray", "1.2.0", "Tray", "A tray\n  icon",
                List.of("MIT")), "linux-arm64", "aarch64-unknown-linux-gnu", "tar.gz", time,
                List.of(new CargoCrate("memchr", "2.5.0", "Unlicense/MIT", "registry+https://github.com/rust-lang/crates.io-index",
                        "2dffe52ecf27772e601905b7522cb4ef790d2cc203488bbd0e2fe85fcb74566d", false),
                        new CargoCrate("syn", "1.0.107", "MIT OR Apache-2.0", "registry+x", null, true)),
                List.of(new SbomSpec.NativePart("tray", "meson", "native/tray")),
                List.of(new SbomSpec.PackagedFile("tray-1.2.0-linux-arm64/libgcc_s.so.1", "bundled",
                        "a".repeat(64), new DebianPackages.DebianPackage("libgcc-s1", "12.2.0-14", "arm64"))));
    }

    @Test
    void validCycloneDx16WithEveryPart() throws Exception {
        String json = SbomWriter.json(spec(Instant.parse("2024-03-04T05:06:07Z")));
        assertThat(new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), SbomWriter.SPEC)).isEmpty();
        assertThat(json).contains("\"specVersion\" : \"1.6\"")
                .contains("2024-03-04T05:06:07Z")
                .contains("pkg:maven/org.example/tray@1.2.0?classifier=linux-arm64&type=tar.gz")
                .contains("pkg:cargo/memchr@2.5.0")
                .contains("\"expression\" : \"Unlicense OR MIT\"")
                .contains("\"scope\" : \"excluded\"")
                .contains("pkg:deb/debian/libgcc-s1@12.2.0-14?arch=arm64")
                .contains("crossbuild:native:directory")
                .contains("native/tray");
    }

    @Test
    void sameInputsSameBytesAndTheTimeDecidesTheSerial() throws Exception {
        Instant time = Instant.parse("2024-03-04T05:06:07Z");
        assertThat(SbomWriter.json(spec(time))).isEqualTo(SbomWriter.json(spec(time)));
        String serial = "\"serialNumber\" : \"";
        String one = SbomWriter.json(spec(time));
        String other = SbomWriter.json(spec(time.plusSeconds(1)));
        assertThat(one.substring(one.indexOf(serial), one.indexOf(serial) + 60))
                .isNotEqualTo(other.substring(other.indexOf(serial), other.indexOf(serial) + 60));
    }

    @Test
    void cargosOldSlashLicensesBecomeSpdxOr() {
        assertThat(SbomWriter.spdx("MIT/Apache-2.0")).isEqualTo("MIT OR Apache-2.0");
        assertThat(SbomWriter.spdx("MIT OR Apache-2.0")).isEqualTo("MIT OR Apache-2.0");
    }
}
