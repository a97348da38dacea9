package dev.crossbuild.linuxpkg;

import java.util.List;

/**
 * The {@code <linuxPackage>} overrides as given, each null (or empty) for the pom's value.
 *
 * @param name        the package name (default: the artifactId, lower-cased, {@code _} as {@code -})
 * @param version     the version to map (default: the project version)
 * @param release     the RPM release (default: 1)
 * @param maintainer  {@code Name <email>} (default: the first developer with an email)
 * @param summary     the one-line synopsis (default: the description's first sentence)
 * @param description the long description (default: the pom's)
 * @param license     a short license name such as {@code Apache-2.0} (default: from the pom's first license)
 * @param homepage    (default: the pom's {@code <url>})
 * @param section     the Debian section (default {@code misc}); the RPM group is the same word
 * @param depends     more Debian {@code Depends} entries, e.g. {@code libssl3 (>= 3.0)}
 * @param requires    more RPM {@code Requires}, e.g. {@code libssl.so.3()(64bit)}
 * @param files       extra files
 */
public record PackageSettings(String name, String version, String release, String maintainer, String summary,
        String description, String license, String homepage, String section, List<String> depends,
        List<String> requires, List<ExtraFile> files) {

    public PackageSettings {
        depends = depends == null ? List.of() : List.copyOf(depends);
        requires = requires == null ? List.of() : List.copyOf(requires);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** No overrides: everything from the pom. */
    public static final PackageSettings NONE = new PackageSettings(null, null, null, null, null, null, null, null,
            null, List.of(), List.of(), List.of());
}
