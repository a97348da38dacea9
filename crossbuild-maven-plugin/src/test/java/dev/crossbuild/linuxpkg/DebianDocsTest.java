package dev.crossbuild.linuxpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The documents Debian policy wants in every package, the same bytes from the same metadata and time. */
class DebianDocsTest {

    private static final Instant TIME = Instant.parse("2024-03-01T12:00:00Z");

    private static PackageMetadata meta(String license, String url) throws Exception {
        return PackageMetadata.resolve(new ProjectFacts("tool", "1.0-SNAPSHOT", null, "A tool.", "https://example.org",
                "Example Org", List.of(new ProjectFacts.Developer(null, "Pat", "pat@example.org", null)),
                List.of(new ProjectFacts.License(license, url))), PackageSettings.NONE);
    }

    @Test
    void theChangelogIsOneDebianEntryGzippedAsGzip9nDoes() throws Exception {
        String text = DebianDocs.changelog(meta("MIT", null), TIME);
        assertThat(text).isEqualTo("tool (1.0~snapshot) unstable; urgency=medium\n\n"
                + "  * Version 1.0-SNAPSHOT, packaged by crossbuild-maven-plugin.\n\n"
                + " -- Pat <pat@example.org>  Fri, 01 Mar 2024 12:00:00 +0000\n");
        byte[] gz = DebianDocs.gzip(text);
        // magic, deflate, no flags (no name), time 0, maximum compression, Unix
        assertThat(java.util.Arrays.copyOf(gz, 10)).containsExactly(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3);
        assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo(text);
        assertThat(DebianDocs.gzip(text)).isEqualTo(gz);
    }

    @Test
    void theCopyrightIsMachineReadableAndPointsAtTheLicenseText() throws Exception {
        assertThat(DebianDocs.copyright(meta("Apache-2.0", null), TIME)).isEqualTo(
                "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
                + "Upstream-Name: tool\nUpstream-Contact: Pat <pat@example.org>\nSource: https://example.org\n\n"
                + "Files: *\nCopyright: 2024 Example Org\nLicense: Apache-2.0\n"
                + " On Debian systems, the complete text of the Apache-2.0 license can be found in\n"
                + " /usr/share/common-licenses/Apache-2.0.\n");
        assertThat(DebianDocs.copyright(meta("MIT", "https://opensource.org/licenses/MIT"), TIME))
                .endsWith("License: MIT\n The complete text of the license is at https://opensource.org/licenses/MIT.\n");
    }

    @Test
    void theDescriptionIsTheSummaryThenTheTextInLinesOfAtMost79() throws Exception {
        assertThat(DebianDocs.wrap("a b c d", 3)).containsExactly("a b", "c d");
        assertThat(DebianDocs.wrap("averyverylongword x", 5)).containsExactly("averyverylongword", "x");
        PackageMetadata meta = PackageMetadata.resolve(new ProjectFacts("tool", "1", null, "Short. " + "word ".repeat(40),
                null, null, List.of(new ProjectFacts.Developer(null, "P", "p@example.org", null)), List.of()),
                PackageSettings.NONE);
        String description = DebianDocs.description(meta.summary(), meta.longDescription(List.of("tool")));
        assertThat(description).startsWith("Short\n Short. word word");
        assertThat(description.lines()).allMatch(l -> l.length() <= 79);
    }
}
