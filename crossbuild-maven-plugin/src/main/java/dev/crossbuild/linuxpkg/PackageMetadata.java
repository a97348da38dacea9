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
 * once: every value is one both Debian and RPM accept, or the build stops naming the element. Every pom text passes
 * through {@link PackageText} on its way in: single-line values hold no line break or control character, the
 * summary and description are folded prose.
 *
 * @param name        the package name: lower-case letters, digits, {@code +}, {@code -}, {@code .}
 * @param version     the Debian and RPM versions
 * @param maintainer  {@code Name <email>}
 * @param summary     one line, at most 80 characters
 * @param description the long description: paragraphs, each one line of text (empty when the pom's description is
 *                    the summary alone)
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
        List<String> description, String license, String licenseUrl, String homepage, String holder, String vendor,
        String section, List<String> depends, List<String> requires, List<ExtraFile> files, String mavenVersion) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern MAINTAINER = Pattern.compile("([^<>\\s][^<>]*?)\\s*<([^<>@\\s]+@[^<>\\s]+)>");
    private static final Pattern EMAIL = Pattern.compile("[^<>@\\s]+@[^<>@\\s]+");
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
        description = List.copyOf(description);
        depends = List.copyOf(depends);
        requires = List.copyOf(requires);
        files = List.copyOf(files);
    }

    /**
     * The long description a package carries: the pom's paragraphs; when the pom gives no more than the summary,
     * the summary as a sentence and what the package installs, since Debian wants a long description (lintian's
     * {@code extended-description-is-empty} error) that does not repeat the synopsis alone.
     *
     * @param programs the names of the programs the package puts in {@code /usr/bin}
     */
    public List<String> longDescription(List<String> programs) {
        if (!description.isEmpty()) {
            return description;
        }
        String sentence = summary.matches(".*[.!?]$") ? summary : summary + ".";
        String installs = programs.isEmpty() ? "" : programs.size() == 1 ? " This package installs the program "
                + programs.get(0) + "." : " This package installs the programs "
                        + String.join(", ", programs.subList(0, programs.size() - 1)) + " and "
                        + programs.get(programs.size() - 1) + ".";
        return List.of(sentence + (installs.isEmpty() ? " Packaged from " + name + " " + mavenVersion + "."
                : installs));
    }

    /** The metadata from the pom's facts and the overrides, each value checked. */
    public static PackageMetadata resolve(ProjectFacts facts, PackageSettings settings) throws ProjectException {
        String name = name(PackageText.line(settings.name(), "<linuxPackage><name>"), facts.artifactId());
        String mavenVersion = blank(settings.version()) ? facts.version() : settings.version().trim();
        PackageVersion version = PackageVersion.of(mavenVersion, settings.release(), blank(settings.version())
                ? "the project version" : "<linuxPackage><version>");
        String organization = PackageText.line(facts.organization(), "<organization><name>");
        String maintainer = maintainer(settings.maintainer(), facts, organization);
        List<String> paragraphs = blank(settings.description())
                ? PackageText.paragraphs(facts.description(), "<description>")
                : PackageText.paragraphs(settings.description(), "<linuxPackage><description>");
        String summary = summary(settings.summary(), paragraphs.isEmpty() ? "" : paragraphs.get(0), facts, name);
        List<String> extended = new ArrayList<>(paragraphs);
        // a first paragraph that is the summary alone would repeat it (lintian: description-synopsis-is-duplicated)
        if (!extended.isEmpty() && (extended.get(0).equals(summary) || extended.get(0).equals(summary + "."))) {
            extended.remove(0);
        }
        ProjectFacts.License first = facts.licenses().isEmpty() ? null : facts.licenses().get(0);
        String license = blank(settings.license())
                ? shortLicense(first == null ? null : PackageText.line(first.name(), "<licenses><license><name>"))
                : PackageText.line(settings.license(), "<linuxPackage><license>");
        if (license.chars().anyMatch(Character::isWhitespace)) {
            throw new ProjectException("<linuxPackage><license>" + license + "</license> is not a short license"
                    + " name: write it without spaces, as SPDX does (Apache-2.0, MIT, GPL-3.0-or-later)");
        }
        String licenseUrl = first == null || !blank(settings.license()) ? null
                : PackageText.line(first.url(), "<licenses><license><url>");
        String homepage = blank(settings.homepage()) ? PackageText.line(facts.url(), "<url>")
                : PackageText.line(settings.homepage(), "<linuxPackage><homepage>");
        String holder = organization != null ? organization : MAINTAINER.matcher(maintainer).replaceFirst("$1");
        String section = blank(settings.section()) ? "misc" : settings.section().trim();
        if (!SECTION.matcher(section).matches()) {
            throw new ProjectException("<linuxPackage><section>" + PackageText.shown(section) + "</section> is not a"
                    + " Debian section; use one such as utils, net, devel or misc");
        }
        List<String> depends = new ArrayList<>();
        for (String depend : settings.depends()) {
            String d = PackageText.line(depend, "<linuxPackage><depends><depend>");
            if (d == null || !DEPENDENCY.matcher(d).matches()) {
                throw new ProjectException("<linuxPackage><depends><depend>" + (d == null ? "" : d) + "</depend> is"
                        + " not a Debian dependency; write a package name with an optional version, e.g. libssl3"
                        + " (>= 3.0.0) or `libfoo1 | libfoo2`");
            }
            depends.add(d);
        }
        List<String> requires = new ArrayList<>();
        for (String require : settings.requires()) {
            String r = PackageText.line(require, "<linuxPackage><requires><require>");
            if (r == null || r.contains(",") || r.chars().anyMatch(Character::isWhitespace)) {
                throw new ProjectException("<linuxPackage><requires><require>" + (r == null ? "" : r) + "</require>"
                        + " is not one RPM capability; give one per element, without spaces, e.g."
                        + " libssl.so.3()(64bit)");
            }
            requires.add(r);
        }
        List<ExtraFile> files = new ArrayList<>();
        for (ExtraFile file : settings.files()) {
            if (!Files.isRegularFile(file.source())) {
                throw new ProjectException("<linuxPackage><files><file><source>" + file.source() + "</source> is not"
                        + " a file; the path is relative to the project directory");
            }
            PackageText.line(file.destination(), "<linuxPackage><files><file><destination>");
            files.add(file);
        }
        return new PackageMetadata(name, version, maintainer, summary, extended, license, licenseUrl, homepage,
                holder, organization, section, depends, requires, files, mavenVersion);
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

    private static String maintainer(String override, ProjectFacts facts, String organization)
            throws ProjectException {
        String given = PackageText.line(override, "<linuxPackage><maintainer>");
        if (given != null) {
            if (!MAINTAINER.matcher(given).matches()) {
                throw new ProjectException("<linuxPackage><maintainer>" + given + "</maintainer> is not `Name <email>`;"
                        + " write it as <maintainer>Jane Doe &lt;jane@example.org&gt;</maintainer>");
            }
            return given;
        }
        List<ProjectFacts.Developer> developers = facts.developers();
        for (int i = 0; i < developers.size(); i++) {
            ProjectFacts.Developer developer = developers.get(i);
            String of = " of developer " + (i + 1);
            String email = PackageText.line(developer.email(), "<developers><developer><email>" + of);
            if (email == null) {
                continue;
            }
            String name = PackageText.line(developer.name(), "<developers><developer><name>" + of);
            String own = PackageText.line(developer.organization(), "<developers><developer><organization>" + of);
            String id = PackageText.line(developer.id(), "<developers><developer><id>" + of);
            if (!EMAIL.matcher(email).matches()) {
                throw new ProjectException("<developers><developer><email>" + email + "</email>" + of
                        + (name == null ? "" : " (" + name + ")") + " is not an email address, and it is the"
                        + " packages' maintainer address: write it as name@example.org, or set"
                        + " <linuxPackage><maintainer>Name &lt;email&gt;</maintainer>");
            }
            String who = name != null ? name : own != null ? own : organization != null ? organization : id;
            if (who == null) {
                continue;
            }
            String m = who + " <" + email + ">";
            if (!MAINTAINER.matcher(m).matches()) {
                throw new ProjectException("the maintainer `" + m + "` from developer " + (i + 1) + " is not `Name"
                        + " <email>`: a name holds no `<` or `>`; correct the developer's <name>, or set"
                        + " <linuxPackage><maintainer>Name &lt;email&gt;</maintainer>");
            }
            return m;
        }
        throw new ProjectException("the packages need a maintainer with an email address, and no <developer> in the"
                + " pom has one: add <developers><developer><name>…</name><email>…</email></developer></developers>"
                + " (the <organization> names the maintainer when the developer has no <name>), or set"
                + " <linuxPackage><maintainer>Name &lt;email&gt;</maintainer>");
    }

    private static String summary(String override, String description, ProjectFacts facts, String name)
            throws ProjectException {
        if (!blank(override)) {
            String s = PackageText.folded(override, "<linuxPackage><summary>");
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
        String pomName = PackageText.folded(facts.name(), "<name>");
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

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
