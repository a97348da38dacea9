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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

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
        assertThat(meta.version()).isEqualTo(new PackageVersion("1.2.0~snapshot", "1.2.0~snapshot", "1"));
        assertThat(meta.maintainer()).isEqualTo("Pat Packager <pat@example.org>");
        assertThat(meta.summary()).isEqualTo("A tool that does things well");
        assertThat(meta.description()).containsExactly("A tool that does things well. It also does more.");
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
        assertThat(meta.description()).containsExactly("Long text.");
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

    private static final String EVIL_NAME = "Pat\nPre-Depends: evil\nEssential: yes";

    /** A pom value to change, by name. */
    private record Pom(String artifactId, String name, String description, String url, String organization,
            ProjectFacts.Developer developer, ProjectFacts.License license, PackageSettings settings) {

        static Pom typical() {
            return new Pom("tool", "Tool", "A tool. It does things.", "https://example.org/tool", "Example Org", PAT,
                    new ProjectFacts.License("MIT", "https://opensource.org/licenses/MIT"), PackageSettings.NONE);
        }

        ProjectFacts facts() {
            return new ProjectFacts(artifactId, "1.0", name, description, url, organization, List.of(developer),
                    List.of(license));
        }
    }

    private static PackageSettings override(String field, String value) {
        return new PackageSettings(field.equals("name") ? value : null, null, null,
                field.equals("maintainer") ? value : null, field.equals("summary") ? value : null,
                field.equals("description") ? value : null, field.equals("license") ? value : null,
                field.equals("homepage") ? value : null, field.equals("section") ? value : null,
                field.equals("depends") ? List.of(value) : null, field.equals("requires") ? List.of(value) : null,
                null);
    }

    static Stream<Arguments> hostileValues() {
        return Stream.of(
            hostile("developer name with fields", p -> new Pom(p.artifactId, p.name, p.description, p.url,
                    p.organization, new ProjectFacts.Developer("pat", EVIL_NAME, "pat@example.org", null), p.license,
                    p.settings), "<developers><developer><name> of developer 1 `Pat\\nPre-Depends: evil\\nEssential:"
                    + " yes` holds a line break"),
            hostile("developer email with a field", p -> new Pom(p.artifactId, p.name, p.description, p.url,
                    p.organization, new ProjectFacts.Developer("pat", "Pat", "pat@example.org\nEssential: yes",
                    null), p.license, p.settings), "<developers><developer><email> of developer 1"),
            hostile("developer organization (the maintainer's name)", p -> new Pom(p.artifactId, p.name,
                    p.description, p.url, null, new ProjectFacts.Developer("pat", null, "pat@example.org",
                    "Org\u2028Essential: yes"), p.license, p.settings),
                    "<developers><developer><organization> of developer 1"),
            hostile("developer name with a tab", p -> new Pom(p.artifactId, p.name, p.description, p.url,
                    p.organization, new ProjectFacts.Developer("pat", "Pat\tPackager", "pat@example.org", null),
                    p.license, p.settings), "holds the control character U+0009"),
            hostile("url with Provides", p -> new Pom(p.artifactId, p.name, p.description,
                    "https://example.org\nProvides: libc6", p.organization, p.developer, p.license, p.settings),
                    "<url> `https://example.org\\nProvides: libc6` holds a line break"),
            hostile("url with Replaces after CR", p -> new Pom(p.artifactId, p.name, p.description,
                    "https://example.org\rReplaces: coreutils", p.organization, p.developer, p.license, p.settings),
                    "<url> `https://example.org\\rReplaces: coreutils` holds a line break"),
            hostile("organization", p -> new Pom(p.artifactId, p.name, p.description, p.url,
                    "Example Org\nEssential: yes", p.developer, p.license, p.settings),
                    "<organization><name> `Example Org\\nEssential: yes` holds a line break"),
            hostile("license name", p -> new Pom(p.artifactId, p.name, p.description, p.url, p.organization,
                    p.developer, new ProjectFacts.License("MIT\nProvides: libc6", null), p.settings),
                    "<licenses><license><name> `MIT\\nProvides: libc6` holds a line break"),
            hostile("license url", p -> new Pom(p.artifactId, p.name, p.description, p.url, p.organization,
                    p.developer, new ProjectFacts.License("MIT", "https://x.org/\nReplaces: coreutils"), p.settings),
                    "<licenses><license><url>"),
            hostile("description with ESC", p -> new Pom(p.artifactId, p.name, "A tool. \u001b[31mRed text.",
                    p.url, p.organization, p.developer, p.license, p.settings),
                    "<description> `A tool. \\u001B[31mRed text.` holds the control character U+001B"),
            hostile("description with 0x01", p -> new Pom(p.artifactId, p.name, "A tool.\u0001", p.url,
                    p.organization, p.developer, p.license, p.settings), "holds the control character U+0001"),
            hostile("description with DEL", p -> new Pom(p.artifactId, p.name, "A tool.\u007f", p.url,
                    p.organization, p.developer, p.license, p.settings), "holds the control character U+007F"),
            hostile("description with a C1 control", p -> new Pom(p.artifactId, p.name, "A tool.\u009b2J", p.url,
                    p.organization, p.developer, p.license, p.settings), "holds the control character U+009B"),
            hostile("pom name as the summary, with DEL", p -> new Pom(p.artifactId, "Tool\u007f", null, p.url,
                    p.organization, p.developer, p.license, p.settings), "<name> `Tool\\u007F` holds the control"),
            hostile("<linuxPackage><name>", p -> with(p, override("name", "tool\nEssential: yes")),
                    "<linuxPackage><name> `tool\\nEssential: yes` holds a line break"),
            hostile("<linuxPackage><maintainer>", p -> with(p, override("maintainer",
                    "Ops <ops@example.org>\nEssential: yes")), "<linuxPackage><maintainer>"),
            hostile("<linuxPackage><summary>", p -> with(p, override("summary", "Does \u001b]0;x\u0007things")),
                    "<linuxPackage><summary>"),
            hostile("<linuxPackage><description>", p -> with(p, override("description", "Long\u007f text.")),
                    "<linuxPackage><description>"),
            hostile("<linuxPackage><license>", p -> with(p, override("license", "MIT\nProvides: libc6")),
                    "<linuxPackage><license>"),
            hostile("<linuxPackage><homepage>", p -> with(p, override("homepage",
                    "https://example.org\nReplaces: coreutils")), "<linuxPackage><homepage>"),
            hostile("<linuxPackage><section>", p -> with(p, override("section", "utils\nEssential: yes")),
                    "<linuxPackage><section>utils\\nEssential: yes</section> is not a Debian section"),
            hostile("<linuxPackage><depends> with an arch-qualified field", p -> with(p, override("depends",
                    "libfoo1 |\nessential:yes")), "<linuxPackage><depends><depend>"),
            hostile("<linuxPackage><requires>", p -> with(p, override("requires", "libfoo.so.1\nProvides: x")),
                    "<linuxPackage><requires><require>"));
    }

    private static Pom with(Pom p, PackageSettings settings) {
        return new Pom(p.artifactId, p.name, p.description, p.url, p.organization, p.developer, p.license, settings);
    }

    private static Arguments hostile(String what, UnaryOperator<Pom> change, String message) {
        return Arguments.of(what, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void aLineBreakOrControlCharacterInAPomValueIsRefusedNamingTheElement(String what, UnaryOperator<Pom> change,
            String message) {
        Pom pom = change.apply(Pom.typical());
        assertThatThrownBy(() -> PackageMetadata.resolve(pom.facts(), pom.settings()))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining(message)
                // the message itself stays one line: the value is shown escaped
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u001b", "\u2028"));
    }

    @Test
    void aFileDestinationWithALineBreakIsRefused() throws Exception {
        Path conf = Files.writeString(project.resolve("tool.conf"), "x=1\n");
        assertThatThrownBy(() -> PackageMetadata.resolve(Pom.typical().facts(), new PackageSettings(null, null, null,
                null, null, null, null, null, null, null, null, List.of(new ExtraFile(conf, "/etc/x\n/etc/passwd",
                        0644)))))
                .hasMessageContaining("<linuxPackage><files><file><destination> `/etc/x\\n/etc/passwd` holds a line"
                        + " break");
    }

    @Test
    void proseIsFoldedAndABlankLineStartsAParagraph() throws Exception {
        Pom pom = with(Pom.typical(), override("summary", "  Does\n      things  "));
        pom = new Pom(pom.artifactId, pom.name, "\n    A tool. It does\n    things {{well}}.\n\n    \n"
                + "    Second   paragraph,\r\n    with [[DEBEMAIL]] and ${HOME}.\u2029Third.\n  ", pom.url,
                pom.organization, pom.developer, pom.license, pom.settings);
        PackageMetadata meta = PackageMetadata.resolve(pom.facts(), pom.settings());
        assertThat(meta.summary()).isEqualTo("Does things");
        assertThat(meta.description()).containsExactly("A tool. It does things {{well}}.",
                "Second paragraph, with [[DEBEMAIL]] and ${HOME}.", "Third.");
    }

    @Test
    void aDescriptionThatIsTheSummaryAloneGetsAnExtendedOneSayingWhatIsInstalled() throws Exception {
        Pom pom = new Pom("tool", "Tool", "Says hello.", null, null, PAT, new ProjectFacts.License("MIT", null),
                PackageSettings.NONE);
        PackageMetadata meta = PackageMetadata.resolve(pom.facts(), pom.settings());
        assertThat(meta.summary()).isEqualTo("Says hello");
        assertThat(meta.description()).isEmpty();
        assertThat(meta.longDescription(List.of("hello"))).containsExactly("Says hello. This package installs the"
                + " program hello.");
        assertThat(meta.longDescription(List.of("a", "b", "c"))).containsExactly("Says hello. This package installs"
                + " the programs a, b and c.");
        // a first paragraph that is the summary alone is not repeated under it
        PackageMetadata two = PackageMetadata.resolve(new Pom("tool", "Tool", "Says hello.\n\nIn many languages.",
                null, null, PAT, new ProjectFacts.License("MIT", null), PackageSettings.NONE).facts(),
                PackageSettings.NONE);
        assertThat(two.longDescription(List.of("hello"))).containsExactly("In many languages.");
    }

    @Test
    void anInvalidDeveloperEmailIsNamedAsInvalid() {
        Pom pom = new Pom("tool", "Tool", "A tool.", null, null, new ProjectFacts.Developer("pat", "Pat Packager",
                "not-an-email", null), new ProjectFacts.License("MIT", null), PackageSettings.NONE);
        assertThatThrownBy(() -> PackageMetadata.resolve(pom.facts(), pom.settings()))
                .isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("<developers><developer><email>not-an-email</email> of developer 1 (Pat"
                        + " Packager) is not an email address")
                .hasMessageContaining("write it as name@example.org, or set <linuxPackage><maintainer>")
                .hasMessageNotContaining("no <developer>");
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
