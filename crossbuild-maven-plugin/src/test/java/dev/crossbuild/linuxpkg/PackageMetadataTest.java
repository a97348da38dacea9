package dev.crossbuild.linuxpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The package's metadata from the pom and the overrides, every value checked. */
class PackageMetadataTest {

    @TempDir
    Path project;

    private static final ProjectFacts.Developer PAT = new ProjectFacts.Developer("pat", "Pat Packager",
            "pat@example.org", null);

    private static ProjectFacts facts(List<ProjectFacts.Developer> developers, String organization) {
        return new ProjectFacts("My_Tool", "1.2.0-SNAPSHOT", "My Tool", "  A tool that does\n    things well. It"
                + " also does more.  ", "https://example.org/tool", organization, developers,
                List.of(new ProjectFacts.License("The Apache Software License, Version 2.0",
                        "https://www.apache.org/licenses/LICENSE-2.0.txt")));
    }

    @Test
    void everythingComesFromThePom() throws Exception {
        PackageMetadata meta = PackageMetadata.resolve(facts(List.of(PAT), "Example Org"), PackageSettings.NONE);
        assertThat(meta.name()).isEqualTo("my-tool");
        assertThat(meta.version()).isEqualTo(new PackageVersion("1.2.0~SNAPSHOT", "1.2.0", "0.SNAPSHOT"));
        assertThat(meta.maintainer()).isEqualTo("Pat Packager <pat@example.org>");
        assertThat(meta.summary()).isEqualTo("A tool that does things well");
        assertThat(meta.description()).isEqualTo("A tool that does things well. It also does more.");
        assertThat(meta.license()).isEqualTo("Apache-2.0");
        assertThat(meta.licenseUrl()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0.txt");
        assertThat(meta.homepage()).isEqualTo("https://example.org/tool");
        assertThat(meta.holder()).isEqualTo("Example Org");
        assertThat(meta.vendor()).isEqualTo("Example Org");
        assertThat(meta.section()).isEqualTo("misc");
        assertThat(meta.mavenVersion()).isEqualTo("1.2.0-SNAPSHOT");
    }

    @Test
    void everyOverrideWins() throws Exception {
        Path conf = Files.writeString(project.resolve("tool.conf"), "x=1\n");
        PackageSettings settings = new PackageSettings("tool", "2.0", "3", "Ops Team <ops@example.org>", "Does things",
                "Long text.", "MIT", "https://tool.example.org", "utils", List.of("libssl3 (>= 3.0.0)", "libfoo1 | libfoo2"),
                List.of("libssl.so.3()(64bit)"), List.of(new ExtraFile(conf, "/etc/tool/tool.conf", 0640)));
        PackageMetadata meta = PackageMetadata.resolve(facts(List.of(PAT), null), settings);
        assertThat(meta.name()).isEqualTo("tool");
        assertThat(meta.version().rpm()).isEqualTo("2.0-3");
        assertThat(meta.maintainer()).isEqualTo("Ops Team <ops@example.org>");
        assertThat(meta.summary()).isEqualTo("Does things");
        assertThat(meta.description()).isEqualTo("Long text.");
        assertThat(meta.license()).isEqualTo("MIT");
        assertThat(meta.licenseUrl()).isNull();
        assertThat(meta.homepage()).isEqualTo("https://tool.example.org");
        assertThat(meta.holder()).isEqualTo("Ops Team");
        assertThat(meta.depends()).containsExactly("libssl3 (>= 3.0.0)", "libfoo1 | libfoo2");
        assertThat(meta.requires()).containsExactly("libssl.so.3()(64bit)");
        assertThat(meta.files()).hasSize(1);
    }

    @Test
    void theMaintainerIsTheFirstDeveloperWithAnEmailNamedByTheOrganizationWithoutAName() throws Exception {
        List<ProjectFacts.Developer> developers = List.of(new ProjectFacts.Developer("a", "No Mail", null, null),
                new ProjectFacts.Developer("b", null, "team@example.org", null));
        assertThat(PackageMetadata.resolve(facts(developers, "Example Org"), PackageSettings.NONE).maintainer())
                .isEqualTo("Example Org <team@example.org>");
        assertThat(PackageMetadata.resolve(facts(List.of(new ProjectFacts.Developer("b", null, "b@example.org",
                "Their Org")), null), PackageSettings.NONE).maintainer()).isEqualTo("Their Org <b@example.org>");
    }

    @Test
    void withoutAnEmailTheMaintainerIsAskedFor() {
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(new ProjectFacts.Developer("a", "A", null,
                null)), "Org"), PackageSettings.NONE))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("the packages need a maintainer with an email address")
                .hasMessageContaining("<linuxPackage><maintainer>Name &lt;email&gt;</maintainer>");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, "just a name", null, null, null, null, null, null, null, null)))
                .hasMessageContaining("<linuxPackage><maintainer>just a name</maintainer> is not `Name <email>`");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings("Bad Name",
                null, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("<linuxPackage><name>Bad Name</name> is not a Debian package name");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, null, null, null, "Apache 2", null, null, null, null, null)))
                .hasMessageContaining("<linuxPackage><license>Apache 2</license> is not a short license name");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, null, null, null, null, null, "My Section", null, null, null)))
                .hasMessageContaining("<linuxPackage><section>My Section</section> is not a Debian section");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, null, null, null, null, null, null, List.of("libssl3 >= 3"), null, null)))
                .hasMessageContaining("<linuxPackage><depends><depend>libssl3 >= 3</depend> is not a Debian"
                        + " dependency");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, null, null, null, null, null, null, null, List.of("a, b"), null)))
                .hasMessageContaining("<linuxPackage><requires><require>a, b</require> is not one RPM capability");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, null, "x".repeat(81), null, null, null, null, null, null, null)))
                .hasMessageContaining("<linuxPackage><summary> is 81 characters long");
        Path missing = project.resolve("nope.conf");
        assertThatThrownBy(() -> PackageMetadata.resolve(facts(List.of(PAT), null), new PackageSettings(null, null,
                null, null, null, null, null, null, null, null, null, List.of(new ExtraFile(missing, "/etc/x", 0644)))))
                .hasMessageContaining("<linuxPackage><files><file><source>" + missing + "</source> is not a file");
    }

    @Test
    void aLongFirstSentenceIsCutAtAClauseAndNoDescriptionFallsBackToTheName() throws Exception {
        ProjectFacts longOne = new ProjectFacts("greeter", "1", null, "Greets with a number from libgreet.so, a"
                + " shared library of its own native build, bundled through the runpath of the archives.", null,
                null, List.of(PAT), List.of());
        PackageMetadata meta = PackageMetadata.resolve(longOne, PackageSettings.NONE);
        assertThat(meta.summary()).isEqualTo("Greets with a number from libgreet.so, a shared library of its own"
                + " native build");
        assertThat(meta.license()).isEqualTo("unknown");
        ProjectFacts none = new ProjectFacts("greeter", "1", "The Greeter", null, null, null, List.of(PAT),
                List.of());
        PackageMetadata bare = PackageMetadata.resolve(none, PackageSettings.NONE);
        assertThat(bare.summary()).isEqualTo("The Greeter");
        assertThat(bare.description()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Apache License, Version 2.0                | Apache-2.0",
        "The Apache Software License, Version 2.0   | Apache-2.0",
        "Apache-2.0                                 | Apache-2.0",
        "MIT License                                | MIT",
        "The MIT License                            | MIT",
        "BSD 3-Clause                               | BSD-3-Clause",
        "Eclipse Public License v2.0                | EPL-2.0",
        "GPL-3.0-or-later                           | GPL-3.0-or-later",
        "The Foo Public License (v3)                | Foo-Public-License-v3",
    })
    void pomLicenseNamesBecomeShortNames(String pom, String shortName) {
        assertThat(PackageMetadata.shortLicense(pom)).isEqualTo(shortName);
    }
}
