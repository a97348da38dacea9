package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.ProjectException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Linux package says about itself, from the pom with the {@code <linuxPackage>} overrides applied, checked
 * once: every value is one both Debian and RPM accept, or the build stops naming the element.
 *
 * @param name        the package name: lower-case letters, digits, {@code +}, {@code -}, {@code .}
 * @param version     the Debian and RPM versions
 * @param maintainer  {@code Name <email>}
 * @param summary     one line, at most 80 characters
 * @param description the long description as paragraphs of text (may be empty)
 * @param license     a short license name without spaces ({@code Apache-2.0})
 * @param licenseUrl  where the license text is, or null
 * @param homepage    or null
 * @param holder      who holds the copyright: the organization, else the maintainer's name
 * @param vendor      the organization, or null
 * @param section     the Debian section (and RPM group)
 * @param depends     the Debian {@code Depends} entries given in {@code <depends>}
 * @param requires    the RPM {@code Requires} given in {@code <requires>}
 * @param files       the extra files
 * @param mavenVersion the version before mapping, for the changelog
 */
public record PackageMetadata(String name, PackageVersion version, String maintainer, String summary,
        String description, String license, String licenseUrl, String homepage, String holder, String vendor,
        String section, List<String> depends, List<String> requires, List<ExtraFile> files, String mavenVersion) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern MAINTAINER = Pattern.compile("([^<>\\s][^<>]*?)\\s*<([^<>@\\s]+@[^<>\\s]+)>");
    private static final Pattern SECTION = Pattern.compile("[a-z0-9][a-z0-9+./-]*");
    private static final Pattern DEPENDENCY = Pattern.compile("[a-z0-9][a-z0-9+.-]+(:[a-z0-9]+)?"
            + "(\\s*\\((<<|<=|=|>=|>>)\\s*[0-9A-Za-z.+~:-]+\\))?(\\s*\\|\\s*[a-z0-9][a-z0-9+.-]+(:[a-z0-9]+)?"
            + "(\\s*\\((<<|<=|=|>=|>>)\\s*[0-9A-Za-z.+~:-]+\\))?)*");
    private static final int SUMMARY_LIMIT = 80;

    /** Pom license names as the short names Debian's copyright format and RPM use. */
    private static final Map<String, String> LICENSES = Map.ofEntries(
            Map.entry("apache license version 2.0", "Apache-2.0"),
            Map.entry("the apache software license version 2.0", "Apache-2.0"),
            Map.entry("apache software license version 2.0", "Apache-2.0"),
            Map.entry("apache license 2.0", "Apache-2.0"), Map.entry("apache 2.0", "Apache-2.0"),
            Map.entry("apache 2", "Apache-2.0"), Map.entry("asl 2.0", "Apache-2.0"),
            Map.entry("apache-2.0", "Apache-2.0"), Map.entry("mit", "MIT"), Map.entry("mit license", "MIT"),
            Map.entry("the mit license", "MIT"), Map.entry("bsd 3-clause", "BSD-3-Clause"),
            Map.entry("bsd 3-clause license", "BSD-3-Clause"), Map.entry("new bsd license", "BSD-3-Clause"),
            Map.entry("the bsd 3-clause license", "BSD-3-Clause"), Map.entry("revised bsd", "BSD-3-Clause"),
            Map.entry("bsd 2-clause", "BSD-2-Clause"), Map.entry("bsd 2-clause license", "BSD-2-Clause"),
            Map.entry("simplified bsd license", "BSD-2-Clause"),
            Map.entry("mozilla public license version 2.0", "MPL-2.0"),
            Map.entry("mozilla public license 2.0", "MPL-2.0"),
            Map.entry("eclipse public license 2.0", "EPL-2.0"),
            Map.entry("eclipse public license v2.0", "EPL-2.0"),
            Map.entry("eclipse public license version 2.0", "EPL-2.0"),
            Map.entry("gnu general public license version 2", "GPL-2.0-only"),
            Map.entry("gnu general public license version 3", "GPL-3.0-only"),
            Map.entry("gnu lesser general public license version 2.1", "LGPL-2.1-only"),
            Map.entry("gnu lesser general public license version 3", "LGPL-3.0-only"),
            Map.entry("the unlicense", "Unlicense"), Map.entry("isc license", "ISC"));

    public PackageMetadata {
        depends = List.copyOf(depends);
        requires = List.copyOf(requires);
        files = List.copyOf(files);
    }

    /** The metadata from the pom's facts and the overrides, each value checked. */
    public static PackageMetadata resolve(ProjectFacts facts, PackageSettings settings) throws ProjectException {
        String name = name(settings.name() != null && !settings.name().isBlank() ? settings.name().trim() : null,
                facts.artifactId());
        String mavenVersion = blank(settings.version()) ? facts.version() : settings.version().trim();
        PackageVersion version = PackageVersion.of(mavenVersion, settings.release(), blank(settings.version())
                ? "the project version" : "<linuxPackage><version>");
        String maintainer = maintainer(settings.maintainer(), facts);
        String description = collapse(blank(settings.description()) ? facts.description() : settings.description());
        String summary = summary(settings.summary(), description, facts, name);
        String extended = description.equals(summary) || description.equals(summary + ".") ? "" : description;
        ProjectFacts.License first = facts.licenses().isEmpty() ? null : facts.licenses().get(0);
        String license = blank(settings.license()) ? shortLicense(first == null ? null : first.name())
                : settings.license().trim();
        if (license.chars().anyMatch(Character::isWhitespace)) {
            throw new ProjectException("<linuxPackage><license>" + license + "</license> is not a short license"
                    + " name: write it without spaces, as SPDX does (Apache-2.0, MIT, GPL-3.0-or-later)");
        }
        String homepage = blank(settings.homepage()) ? blankToNull(facts.url()) : settings.homepage().trim();
        String organization = blankToNull(facts.organization());
        String holder = organization != null ? organization : MAINTAINER.matcher(maintainer).replaceFirst("$1");
        String section = blank(settings.section()) ? "misc" : settings.section().trim();
        if (!SECTION.matcher(section).matches()) {
            throw new ProjectException("<linuxPackage><section>" + section + "</section> is not a Debian section;"
                    + " use one such as utils, net, devel or misc");
        }
        List<String> depends = new ArrayList<>();
        for (String depend : settings.depends()) {
            String d = depend == null ? "" : depend.trim();
            if (!DEPENDENCY.matcher(d).matches()) {
                throw new ProjectException("<linuxPackage><depends><depend>" + d + "</depend> is not a Debian"
                        + " dependency; write a package name with an optional version, e.g. libssl3 (>= 3.0.0)"
                        + " or `libfoo1 | libfoo2`");
            }
            depends.add(d);
        }
        List<String> requires = new ArrayList<>();
        for (String require : settings.requires()) {
            String r = require == null ? "" : require.trim();
            if (r.isEmpty() || r.contains(",") || r.contains("\n")) {
                throw new ProjectException("<linuxPackage><requires><require>" + r + "</require> is not one RPM"
                        + " capability; give one per element, e.g. libssl.so.3()(64bit)");
            }
            requires.add(r);
        }
        List<ExtraFile> files = new ArrayList<>();
        for (ExtraFile file : settings.files()) {
            if (!Files.isRegularFile(file.source())) {
                throw new ProjectException("<linuxPackage><files><file><source>" + file.source() + "</source> is not"
                        + " a file; the path is relative to the project directory");
            }
            files.add(file);
        }
        return new PackageMetadata(name, version, maintainer, summary, extended, license,
                first == null || !blank(settings.license()) ? null : blankToNull(first.url()), homepage, holder,
                organization, section, depends, requires, files, mavenVersion);
    }

    private static String name(String override, String artifactId) throws ProjectException {
        String name = override != null ? override
                : artifactId.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!NAME.matcher(name).matches()) {
            throw new ProjectException((override != null ? "<linuxPackage><name>" + name + "</name>"
                    : "the artifactId `" + artifactId + "`, as a package name `" + name + "`,")
                    + " is not a Debian package name: at least two of lower-case letters, digits, `+`, `-` and `.`,"
                    + " starting with a letter or digit; set <linuxPackage><name>");
        }
        return name;
    }

    private static String maintainer(String override, ProjectFacts facts) throws ProjectException {
        if (!blank(override)) {
            String m = override.trim();
            if (!MAINTAINER.matcher(m).matches()) {
                throw new ProjectException("<linuxPackage><maintainer>" + m + "</maintainer> is not `Name <email>`;"
                        + " write it as <maintainer>Jane Doe &lt;jane@example.org&gt;</maintainer>");
            }
            return m;
        }
        for (ProjectFacts.Developer developer : facts.developers()) {
            if (blank(developer.email())) {
                continue;
            }
            String who = !blank(developer.name()) ? developer.name() : !blank(developer.organization())
                    ? developer.organization() : !blank(facts.organization()) ? facts.organization()
                            : !blank(developer.id()) ? developer.id() : null;
            if (who != null) {
                String m = who.trim() + " <" + developer.email().trim() + ">";
                if (MAINTAINER.matcher(m).matches()) {
                    return m;
                }
            }
        }
        throw new ProjectException("the packages need a maintainer with an email address, and no <developer> in the"
                + " pom has one: add <developers><developer><name>…</name><email>…</email></developer></developers>"
                + " (the <organization> names the maintainer when the developer has no <name>), or set"
                + " <linuxPackage><maintainer>Name &lt;email&gt;</maintainer>");
    }

    private static String summary(String override, String description, ProjectFacts facts, String name)
            throws ProjectException {
        if (!blank(override)) {
            String s = collapse(override);
            if (s.length() > SUMMARY_LIMIT) {
                throw new ProjectException("<linuxPackage><summary> is " + s.length() + " characters long; Debian"
                        + " allows one line of at most " + SUMMARY_LIMIT);
            }
            return s;
        }
        int end = description.indexOf(". ");
        String sentence = end < 0 ? description : description.substring(0, end);
        if (sentence.length() > SUMMARY_LIMIT) {
            // a long first sentence is cut at its last clause, else its last word, that fits
            String head = sentence.substring(0, SUMMARY_LIMIT + 1);
            int clause = Math.max(head.lastIndexOf(", "), Math.max(head.lastIndexOf("; "), head.lastIndexOf(": ")));
            int word = head.lastIndexOf(' ');
            sentence = clause > SUMMARY_LIMIT / 3 ? head.substring(0, clause) : word > 0 ? head.substring(0, word) : "";
        }
        sentence = sentence.replaceAll("[\\s.,;:]+$", "");
        if (!sentence.isEmpty()) {
            return sentence;
        }
        String pomName = collapse(facts.name());
        return !pomName.isEmpty() && pomName.length() <= SUMMARY_LIMIT ? pomName : name;
    }

    /** The short name of a pom license: a known name's SPDX id, a name without spaces as it is, else dashed. */
    static String shortLicense(String pomName) {
        if (blank(pomName)) {
            return "unknown";
        }
        String key = pomName.trim().toLowerCase(Locale.ROOT).replace(",", " ").replaceAll("\\s+", " ")
                .replace(" v2", " version 2").replace(" v3", " version 3");
        String known = LICENSES.get(key);
        if (known != null) {
            return known;
        }
        String trimmed = pomName.trim();
        if (!trimmed.contains(" ")) {
            return trimmed;
        }
        return trimmed.replaceFirst("(?i)^the\\s+", "").replaceAll("[^A-Za-z0-9.+]+", "-")
                .replaceAll("^-+|-+$", "");
    }

    /** One line of text: runs of white space (a pom's indented lines) as one space. */
    static String collapse(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value.trim();
    }
}
