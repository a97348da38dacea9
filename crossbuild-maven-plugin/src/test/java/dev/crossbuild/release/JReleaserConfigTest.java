package dev.crossbuild.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JReleaserConfigTest {

    private static final ReleaseProject PROJECT = new ReleaseProject("tray", "1.2.0", "A tray icon", "MIT", null,
            List.of(), "scm:git:git@github.com:acme/tray.git", List.of(), "2023");

    private static ReleaseArtifact archive(String id, String type, String jreleaser) {
        return new ReleaseArtifact("tray-1.2.0-" + id + "." + type, "target/tray-1.2.0-" + id + "." + type, id, type,
                "archive", id, "t", new ReleaseArtifact.Platforms(jreleaser, jreleaser, null), 1, "0".repeat(64));
    }

    private static DistManifest manifest(ReleaseArtifact... artifacts) {
        return new DistManifest(DistManifest.FORMAT, new DistManifest.Coordinates("g", "tray", "1.2.0"),
                List.of(artifacts));
    }

    private static final JReleaserConfig.Packagers AUTO = new JReleaserConfig.Packagers(JReleaserConfig.Active.AUTO,
            JReleaserConfig.Active.AUTO, JReleaserConfig.Active.AUTO);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> distribution(Map<String, Object> model, String name) {
        return (Map<String, Object>) ((Map<String, Object>) model.get("distributions")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Object active(Map<String, Object> distribution, String packager) {
        return ((Map<String, Object>) distribution.get(packager)).get("active");
    }

    @Test
    @SuppressWarnings("unchecked")
    void homebrewOnlyWithZipArchivesOfMacOsOrLinux() {
        var tarGz = JReleaserConfig.model(PROJECT, List.of("tray"), manifest(archive("linux", "tar.gz", "linux-x86_64"),
                archive("win", "zip", "windows-x86_64")), AUTO);
        assertThat(active(distribution(tarGz, "tray"), "brew")).isEqualTo("NEVER");
        assertThat(active(distribution(tarGz, "tray"), "scoop")).isEqualTo("ALWAYS");
        assertThat(active(distribution(tarGz, "tray"), "chocolatey")).isEqualTo("ALWAYS");
        assertThat((List<Map<String, Object>>) distribution(tarGz, "tray").get("artifacts"))
                .extracting(a -> a.get("platform")).containsExactly("linux-x86_64", "windows-x86_64");

        var zip = JReleaserConfig.model(PROJECT, List.of("tray", "trayctl"), manifest(archive("mac", "zip", "osx-aarch_64")),
                AUTO);
        assertThat(active(distribution(zip, "tray"), "brew")).isEqualTo("ALWAYS");
        assertThat(active(distribution(zip, "trayctl"), "brew")).isEqualTo("ALWAYS");
        assertThat(active(distribution(zip, "tray"), "scoop")).isEqualTo("NEVER");

        var chosen = JReleaserConfig.model(PROJECT, List.of("tray"), manifest(archive("mac", "zip", "osx-aarch_64")),
                new JReleaserConfig.Packagers(JReleaserConfig.Active.NEVER, JReleaserConfig.Active.RELEASE,
                        JReleaserConfig.Active.AUTO));
        assertThat(active(distribution(chosen, "tray"), "brew")).isEqualTo("NEVER");
        assertThat(active(distribution(chosen, "tray"), "scoop")).isEqualTo("RELEASE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLinuxPackagesGoUpAsFilesWithTheirPlatform() {
        ReleaseArtifact deb = new ReleaseArtifact("tray-1.2.0-linux.deb", "target/tray-1.2.0-linux.deb", "linux", "deb",
                "package", "linux", "t", new ReleaseArtifact.Platforms("linux-x86_64", "linux-x86_64", "linux/amd64"), 1,
                "0".repeat(64));
        ReleaseArtifact rpm = new ReleaseArtifact("tray-1.2.0-linux.rpm", "target/tray-1.2.0-linux.rpm", "linux", "rpm",
                "package", "linux", "t", new ReleaseArtifact.Platforms("linux-x86_64", "linux-x86_64", "linux/amd64"), 1,
                "0".repeat(64));
        var model = JReleaserConfig.model(PROJECT, List.of("tray"), manifest(archive("linux", "zip", "linux-x86_64"),
                deb, rpm), AUTO);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) model.get("files")).get("artifacts"))
                .containsExactly(Map.of("path", "target/tray-1.2.0-linux.deb", "platform", "linux-x86_64"),
                        Map.of("path", "target/tray-1.2.0-linux.rpm", "platform", "linux-x86_64"));
        // the packages are no artifacts of the BINARY distribution, which takes archives
        assertThat((List<Map<String, Object>>) distribution(model, "tray").get("artifacts")).hasSize(1);
        assertThat(JReleaserConfig.model(PROJECT, List.of("tray"), manifest(), AUTO)).doesNotContainKey("files");
    }

    @Test
    @SuppressWarnings("unchecked")
    void projectAndGithubReleaseFromThePom() {
        var model = JReleaserConfig.model(PROJECT, List.of("tray"), manifest(), AUTO);
        Map<String, Object> project = (Map<String, Object>) model.get("project");
        assertThat(project.get("authors")).isEqualTo(List.of("acme"));
        assertThat(project.get("copyright")).isEqualTo("Copyright 2023 acme");
        assertThat(project.get("tags")).isEqualTo(List.of("tray"));
        assertThat(((Map<String, Object>) project.get("links")).get("homepage")).isEqualTo("https://github.com/acme/tray");
        Map<String, Object> github = (Map<String, Object>) ((Map<String, Object>) model.get("release")).get("github");
        assertThat(github.get("owner")).isEqualTo("acme");
        assertThat(github.get("name")).isEqualTo("tray");

        var noGithub = JReleaserConfig.model(new ReleaseProject("tray", "1", null, null, null, List.of("Ada"),
                "https://gitlab.com/acme/tray", List.of(), null), List.of("tray"), manifest(), AUTO);
        assertThat(noGithub).doesNotContainKey("release");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "{{projectName}}                 | {\u2060{projectName}}",
        "a {{{raw}}} b                   | a {\u2060{\u2060{raw}}} b",
        "{{#f_upper}}x{{/f_upper}}       | {\u2060{#f_upper}}x{\u2060{/f_upper}}",
        "{{=<% %>=}}                     | {\u2060{=<% %>=}}",
        "{ {not a tag} }                 | { {not a tag} }",
        "plain text                      | plain text",
    })
    void pomTextIsNeverATemplate(String pom, String written) {
        assertThat(JReleaserConfig.text(pom)).isEqualTo(written).doesNotContain("{{");
    }

    @Test
    @SuppressWarnings("unchecked")
    void noPomTextReachesJReleaserAsATemplate() {
        ReleaseProject hostile = new ReleaseProject("tray {{projectVersion}}", "1.2.0", "Shows {{projectName}}\n  and"
                + " \u001b[31m{{#f_upper}}x{{/f_upper}}.", "MIT {{x}}", "https://example.org/{{projectName}}",
                List.of("Ada {{projectVersion}}"), "scm:git:git@github.com:acme/tray.git", List.of("{{t}}"), "2023");
        var model = JReleaserConfig.model(hostile, List.of("tray"), manifest(archive("linux", "zip", "linux-x86_64")),
                AUTO);
        Map<String, Object> project = (Map<String, Object>) model.get("project");
        assertThat(project.get("description")).isEqualTo("Shows {\u2060{projectName}} and"
                + " [31m{\u2060{#f_upper}}x{\u2060{/f_upper}}.");
        assertThat(project.get("copyright")).isEqualTo("Copyright 2023 Ada {\u2060{projectVersion}}");
        // every value but JReleaser's own tag template is free of {{
        String yaml = new org.yaml.snakeyaml.Yaml().dump(model);
        assertThat(yaml.replace("v{{projectVersion}}", "")).doesNotContain("{{");
    }
}
