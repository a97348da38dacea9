package dev.crossbuild.release;

/**
 * One line of {@code dist-manifest.json}: an attached file with its target and the names other tools give
 * that target's platform.
 *
 * @param file       the file name
 * @param path       its path relative to the project directory, with '/' separators
 * @param classifier the Maven classifier ({@code ""} for the main artifact)
 * @param type       the Maven type
 * @param kind       what it is: {@code archive}, {@code sbom}, {@code checksum}, {@code jar}, {@code package},
 *                   {@code image}, or the type itself for any other
 * @param target     the target id it was made for, or null for a file of every target
 * @param triple     that target's triple, or null
 * @param platforms  the target's platform keys, or null
 * @param size       bytes
 * @param sha256     its digest
 */
public record ReleaseArtifact(String file, String path, String classifier, String type, String kind, String target,
        String triple, Platforms platforms, long size, String sha256) {

    /**
     * @param java      os-maven-plugin's key ({@code linux-aarch_64})
     * @param jreleaser JReleaser's platform ({@code linux_musl-x86_64})
     * @param oci       the OCI platform ({@code linux/arm64/v8}), Linux only
     */
    public record Platforms(String java, String jreleaser, String oci) {
    }
}
