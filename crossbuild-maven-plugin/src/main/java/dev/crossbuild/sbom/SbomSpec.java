package dev.crossbuild.sbom;

import java.time.Instant;
import java.util.List;

/**
 * Everything one target's SBOM says, gathered before it is written.
 *
 * @param project     the Maven project, the SBOM's main component
 * @param targetId    the target id, also the classifier
 * @param triple      the target triple
 * @param archiveType the Maven type of the target's archive ({@code zip}, {@code tar.gz}), or null without one
 * @param timestamp   the SBOM's time: {@code project.build.outputTimestamp}
 * @param crates      the crates cargo resolved for the triple
 * @param nativeBuilds the native builds that ran for the target
 * @param files       the files packaged for the target, bundled libraries among them
 */
public record SbomSpec(Project project, String targetId, String triple, String archiveType, Instant timestamp,
        List<CargoCrate> crates, List<NativePart> nativeBuilds, List<PackagedFile> files) {

    public SbomSpec {
        crates = List.copyOf(crates);
        nativeBuilds = List.copyOf(nativeBuilds);
        files = List.copyOf(files);
    }

    /** The pom's coordinates and description. */
    public record Project(String groupId, String artifactId, String version, String name, String description,
            List<String> licenses) {
        public Project {
            licenses = licenses == null ? List.of() : List.copyOf(licenses);
        }
    }

    /**
     * A {@code <nativeBuild>} that ran for the target.
     *
     * @param directory its source directory, relative to the project directory with '/' separators
     */
    public record NativePart(String id, String tool, String directory) {
    }

    /**
     * A file inside the target's archive.
     *
     * @param path    its path inside the archive
     * @param kind    where it came from ({@code bin}, {@code cdylib}, {@code bundled}, {@code native:<id>}, …)
     * @param sha256  its digest
     * @param debian  the Debian package a bundled library was copied from, or null
     */
    public record PackagedFile(String path, String kind, String sha256, DebianPackages.DebianPackage debian) {
    }
}
