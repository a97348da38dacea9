package dev.crossbuild.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.TreeMap;

/**
 * A crate cargo resolved for one target.
 *
 * @param name      the package name
 * @param version   its version
 * @param license   its {@code license} field as Cargo.toml gives it (an SPDX expression or any other text), or null
 * @param source    where cargo takes it from ({@code registry+https://…}, {@code sparse+https://…}, a git URL), or
 *                  null for a path crate (a workspace member or a crate of a {@code path} dependency)
 * @param checksum  its sha256 from Cargo.lock, or null (path and git crates have none, nor Debian's vendored ones)
 * @param buildOnly whether it only runs at build time (a build dependency, a proc-macro, or needed only by those)
 */
public record CargoCrate(String name, String version, String license, String source, String checksum,
        boolean buildOnly) {

    /** The index of crates.io, as Cargo.lock names it (git and sparse protocol). */
    private static final String CRATES_IO_GIT = "registry+https://github.com/rust-lang/crates.io-index";
    private static final String CRATES_IO_SPARSE = "sparse+https://index.crates.io/";

    /**
     * The package URL, or null for a path crate. The purl type {@code cargo} means crates.io: a crates.io crate
     * is {@code pkg:cargo/<name>@<version>}; one of another registry carries that registry's index as
     * {@code repository_url}, a git crate its repository and commit as {@code vcs_url}. A path crate is no
     * package of any repository, so it has none: a crates.io purl would name whatever crate of that name
     * crates.io holds.
     */
    public String purl() {
        if (source == null) {
            return null;
        }
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (source.startsWith("git+")) {
            // git+https://host/repo?branch=main#<commit> → git+https://host/repo@<commit>
            String url = source.substring(4);
            int hash = url.indexOf('#');
            String commit = hash < 0 ? null : url.substring(hash + 1);
            url = hash < 0 ? url : url.substring(0, hash);
            int query = url.indexOf('?');
            url = query < 0 ? url : url.substring(0, query);
            qualifiers.put("vcs_url", "git+" + url + (commit == null || commit.isEmpty() ? "" : "@" + commit));
        } else if (!source.equals(CRATES_IO_GIT) && !source.equals(CRATES_IO_SPARSE)) {
            int plus = source.indexOf('+');
            qualifiers.put("repository_url", plus < 0 ? source : source.substring(plus + 1));
        }
        try {
            return new PackageURL("cargo", null, name, version, qualifiers.isEmpty() ? null : qualifiers, null)
                    .canonicalize();
        } catch (MalformedPackageURLException e) {
            return "pkg:cargo/" + name + "@" + version;
        }
    }

    /** The SBOM's reference of the crate: its purl, else {@code cargo-path:<name>@<version>}. */
    public String bomRef() {
        String purl = purl();
        return purl != null ? purl : "cargo-path:" + name + "@" + version;
    }

    /** Whether it comes from a registry (crates.io or a replacement of it), not a path or git. */
    public boolean fromRegistry() {
        return source != null && (source.startsWith("registry+") || source.startsWith("sparse+"));
    }
}
