package dev.crossbuild.release;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pom says about the project, for JReleaser's {@code project} and {@code release} sections.
 *
 * @param name        {@code <name>}, or the artifactId
 * @param version     the version
 * @param description {@code <description>}
 * @param license     the first {@code <license><name>}, or null
 * @param url         {@code <url>}, or null
 * @param authors     the {@code <developers>}' names
 * @param scmUrl      {@code <scm><url>} (or its connection), or null
 * @param tags        the project's tags (Chocolatey needs at least one)
 * @param inceptionYear {@code <inceptionYear>}, or null
 */
public record ReleaseProject(String name, String version, String description, String license, String url,
        List<String> authors, String scmUrl, List<String> tags, String inceptionYear) {

    private static final Pattern GITHUB = Pattern.compile(
            "github\\.com[:/]([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?$");

    public ReleaseProject {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The GitHub owner and repository of {@code <scm>}, when it names one. */
    public Optional<String[]> github() {
        if (scmUrl == null) {
            return Optional.empty();
        }
        Matcher m = GITHUB.matcher(scmUrl.strip());
        return m.find() ? Optional.of(new String[] {m.group(1), m.group(2)}) : Optional.empty();
    }
}
