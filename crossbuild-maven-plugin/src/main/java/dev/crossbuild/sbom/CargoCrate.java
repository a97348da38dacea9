package dev.crossbuild.sbom;

/**
 * A crate cargo resolved for one target.
 *
 * @param name      the package name
 * @param version   its version
 * @param license   the SPDX expression of its {@code license} field, or null
 * @param source    where cargo takes it from ({@code registry+https://…}, a git URL), or null for a path crate
 * @param checksum  its sha256 from Cargo.lock, or null (path and git crates have none)
 * @param buildOnly whether it only runs at build time (a build dependency, a proc-macro, or needed only by those)
 */
public record CargoCrate(String name, String version, String license, String source, String checksum,
        boolean buildOnly) {

    /** The package URL: {@code pkg:cargo/<name>@<version>}. */
    public String purl() {
        return "pkg:cargo/" + name + "@" + version;
    }

    /** Whether it comes from a registry (crates.io or a replacement of it), not a path or git. */
    public boolean fromRegistry() {
        return source != null && source.startsWith("registry+");
    }
}
