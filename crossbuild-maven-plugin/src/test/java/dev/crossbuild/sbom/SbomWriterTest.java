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
                        new CargoCrate("syn", "1.0.107", "MIT OR Apache-2.0", "registry+x", null, true),
                        // Debian's vendored crate (no checksum), a path crate with a license that is no SPDX expression
                        new CargoCrate("cfg-if", "1.0.0", "MIT/Apache-2.0", "registry+https://github.com/rust-lang/crates.io-index",
                                null, false),
                        new CargoCrate("helper", "0.4.0", "GPL v2", null, null, false)),
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
    void vendoredAndPathCratesAreWrittenAsCycloneDxAllows() throws Exception {
        com.google.gson.JsonObject bom = com.google.gson.JsonParser.parseString(SbomWriter.json(spec(
                Instant.parse("2024-03-04T05:06:07Z")))).getAsJsonObject();
        java.util.Map<String, com.google.gson.JsonObject> byName = new java.util.HashMap<>();
        bom.getAsJsonArray("components").forEach(c -> byName.put(c.getAsJsonObject().get("name").getAsString(),
                c.getAsJsonObject()));
        assertThat(byName.get("cfg-if").has("hashes")).isFalse();
        assertThat(byName.get("cfg-if").getAsJsonArray("licenses").get(0).getAsJsonObject().get("expression")
                .getAsString()).isEqualTo("MIT OR Apache-2.0");
        com.google.gson.JsonObject helper = byName.get("helper");
        assertThat(helper.has("purl")).isFalse();
        assertThat(helper.get("bom-ref").getAsString()).isEqualTo("cargo-path:helper@0.4.0");
        assertThat(helper.getAsJsonArray("licenses").get(0).getAsJsonObject().getAsJsonObject("license")
                .get("name").getAsString()).isEqualTo("GPL v2");
        assertThat(helper.toString()).doesNotContain("expression");
        // the main component depends on it by that reference
        assertThat(bom.getAsJsonArray("dependencies").get(0).getAsJsonObject().getAsJsonArray("dependsOn")
                .toString()).contains("cargo-path:helper@0.4.0").contains("pkg:cargo/cfg-if@1.0.0");
    }

    @Test
    void licensesAreExpressionsOnlyWhenSpdxReadsThem() {
        assertThat(SbomWriter.license("MIT/Apache-2.0").getExpression().getValue()).isEqualTo("MIT OR Apache-2.0");
        assertThat(SbomWriter.license("MIT OR Apache-2.0").getExpression().getValue()).isEqualTo("MIT OR Apache-2.0");
        assertThat(SbomWriter.license("GPL v2").getExpression()).isNull();
        assertThat(SbomWriter.license("GPL v2").getLicenses().get(0).getName()).isEqualTo("GPL v2");
        assertThat(SbomWriter.license(" ")).isNull();
        assertThat(SbomWriter.license(null)).isNull();
    }
}
