package dev.crossbuild.linuxpkg;

import java.util.List;

/**
 * What the pom says about the project, as the defaults of a Linux package's metadata.
 *
 * @param artifactId   the package name's default
 * @param version      the project version
 * @param name         {@code <name>}, or null
 * @param description  {@code <description>}, or null
 * @param url          {@code <url>}, the homepage, or null
 * @param organization {@code <organization><name>}, or null
 * @param developers   {@code <developers>}, in order
 * @param licenses     {@code <licenses>}, in order
 */
public record ProjectFacts(String artifactId, String version, String name, String description, String url,
        String organization, List<Developer> developers, List<License> licenses) {

    public ProjectFacts {
        developers = developers == null ? List.of() : List.copyOf(developers);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    /** One {@code <developer>}; any field may be null. */
    public record Developer(String id, String name, String email, String organization) {
    }

    /** One {@code <license>}; either field may be null. */
    public record License(String name, String url) {
    }
}
