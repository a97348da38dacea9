package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.linuxpkg.ExtraFile;
import dev.crossbuild.linuxpkg.PackageSettings;
import dev.crossbuild.maven.pom.Elements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <linuxPackage>} of {@code package-linux}, as Maven fills it from the pom: every field overrides what
 * the pom says. Converted at once to the immutable {@link PackageSettings} the core works with.
 */
public class LinuxPackage {

    /** The package name; the artifactId (lower-case, {@code _} as {@code -}) when unset. */
    private String name;

    /** The version to map to Debian and RPM; the project version when unset. */
    private String version;

    /** The RPM release; 1 when unset (a pre-release's {@code ~} in the version already sorts it below). */
    private String release;

    /** {@code Name <email>}; the first {@code <developer>} with an email when unset. */
    private String maintainer;

    /** The one-line synopsis; the description's first sentence when unset. */
    private String summary;

    /** The long description; the pom's {@code <description>} when unset. */
    private String description;

    /** A short license name ({@code Apache-2.0}); from the pom's first {@code <license>} when unset. */
    private String license;

    /** The homepage; the pom's {@code <url>} when unset. */
    private String homepage;

    /** The Debian section and RPM group; {@code misc} when unset. */
    private String section;

    /** More Debian {@code Depends} entries, e.g. {@code libssl3 (>= 3.0)}. */
    private List<String> depends;

    /** More RPM {@code Requires}, e.g. {@code libssl.so.3()(64bit)}. */
    private List<String> requires;

    /** Extra files: configuration, man pages, systemd units. */
    private List<LinuxPackageFile> files;

    /**
     * Whether the packages hold the programs and libraries stripped with the target's own strip (as
     * {@code dh_strip} does; the archives keep them as built); {@code true} when unset.
     *
     * @since 0.1.0
     */
    private Boolean strip;

    /** Whether the binaries are stripped for the packages: {@code <strip>}, true when unset. */
    static boolean strip(LinuxPackage config) {
        return config == null || config.strip == null || config.strip;
    }

    /** The settings, with each file's source resolved against the project directory. */
    static PackageSettings toSettings(LinuxPackage config, Path baseDirectory) throws ProjectException {
        if (config == null) {
            return PackageSettings.NONE;
        }
        String element = "<linuxPackage>";
        List<ExtraFile> extra = new ArrayList<>();
        for (int i = 0; config.files != null && i < config.files.size(); i++) {
            LinuxPackageFile file = config.files.get(i);
            if (file == null) {
                throw new ProjectException("<linuxPackage><files> entry number " + (i + 1) + " is empty; give it a"
                        + " <source> and a <destination>, or remove it");
            }
            extra.add(file.toExtraFile(i + 1, baseDirectory));
        }
        return new PackageSettings(config.name, config.version, config.release, config.maintainer, config.summary,
                config.description, config.license, config.homepage, config.section,
                Elements.list(config.depends, element, "depends"), Elements.list(config.requires, element,
                        "requires"), extra);
    }
}
