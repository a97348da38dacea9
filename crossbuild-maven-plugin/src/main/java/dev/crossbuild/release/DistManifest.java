package dev.crossbuild.release;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.Checksums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The release manifest: every file the build attached, each with its target, platform keys, size and sha256,
 * written as {@code dist-manifest.json}, with a {@code checksums.txt} in {@code sha256sum} format beside it.
 * A classifier names its target by the target's id or by its Java platform key (a native JAR's classifier: the
 * target's {@code <platform>}, else the os-maven-plugin key of its triple); any other classifier (a file of every
 * target) has no target.
 */
public record DistManifest(String format, Coordinates project, List<ReleaseArtifact> artifacts) {

    public static final String FORMAT = "crossbuild-dist-manifest/1";
    public static final String FILE = "dist-manifest.json";
    public static final String CHECKSUMS = "checksums.txt";

    /** The Maven coordinates of the project released. */
    public record Coordinates(String groupId, String artifactId, String version) {
    }

    /** What a type is for the reader of the manifest; any other type is its own kind. */
    private static final Map<String, String> KINDS = Map.of("zip", "archive", "tar.gz", "archive", "tar.xz",
            "archive", "cdx.json", "sbom", "deb", "package", "rpm", "package", "tar", "image");

    public DistManifest {
        artifacts = List.copyOf(artifacts);
    }

    /**
     * @param baseDirectory the project directory, which paths in the manifest are relative to
     * @param targets       the selected targets, which classifiers are mapped back to
     */
    public static DistManifest of(Coordinates project, List<AttachedFile> files, List<TargetSpec> targets,
            Path baseDirectory) throws MachineException {
        List<ReleaseArtifact> artifacts = new ArrayList<>();
        for (AttachedFile attached : files) {
            Path file = attached.file().toAbsolutePath().normalize();
            Optional<TargetSpec> target = targetOf(attached.classifier(), targets);
            ReleaseArtifact.Platforms platforms = target.map(t -> new ReleaseArtifact.Platforms(
                    PlatformKeys.javaPlatform(t).orElse(null),
                    PlatformKeys.jreleaserPlatform(t.triple()).orElse(null),
                    PlatformKeys.ociPlatform(t.triple()).map(Object::toString).orElse(null))).orElse(null);
            try {
                artifacts.add(new ReleaseArtifact(file.getFileName().toString(), relative(baseDirectory, file),
                        attached.classifier(), attached.type(), kind(attached.type()),
                        target.map(TargetSpec::id).orElse(null), target.map(t -> t.triple().value()).orElse(null),
                        platforms, Files.size(file), Checksums.sha256(file)));
            } catch (IOException e) {
                throw new MachineException("could not read the attached file " + file + ": " + e.getMessage(), e);
            }
        }
        artifacts.sort(Comparator.comparing(ReleaseArtifact::file).thenComparing(ReleaseArtifact::path));
        return new DistManifest(FORMAT, project, artifacts);
    }

    static String kind(String type) {
        if (type.endsWith(".sha256") || type.endsWith(".sha512")) {
            return "checksum";
        }
        return KINDS.getOrDefault(type, type);
    }

    /** The target a classifier names: its id, or its Java platform key (a native JAR's classifier). */
    static Optional<TargetSpec> targetOf(String classifier, List<TargetSpec> targets) {
        if (classifier.isEmpty()) {
            return Optional.empty();
        }
        Optional<TargetSpec> byId = targets.stream().filter(t -> t.id().equals(classifier)).findFirst();
        if (byId.isPresent()) {
            return byId;
        }
        return targets.stream().filter(t -> PlatformKeys.javaPlatform(t).map(classifier::equals)
                .orElse(false)).findFirst();
    }

    private static String relative(Path base, Path file) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        return (file.startsWith(absoluteBase) ? absoluteBase.relativize(file) : file).toString()
                .replace('\\', '/');
    }

    /** The archives JReleaser distributes: every {@code archive} with a JReleaser platform. */
    public List<ReleaseArtifact> archives() {
        return artifacts.stream().filter(a -> a.kind().equals("archive") && a.platforms() != null
                && a.platforms().jreleaser() != null).toList();
    }

    /** The Linux packages ({@code .deb}, {@code .rpm}), which the release uploads beside the archives. */
    public List<ReleaseArtifact> packages() {
        return artifacts.stream().filter(a -> a.kind().equals("package")).toList();
    }

    /** {@code <sha256>  <file>} for every artifact except the checksum files themselves, as sha256sum prints. */
    public String checksums() {
        StringBuilder text = new StringBuilder();
        for (ReleaseArtifact artifact : artifacts) {
            if (!artifact.kind().equals("checksum")) {
                text.append(artifact.sha256()).append("  ").append(artifact.file()).append('\n');
            }
        }
        return text.toString();
    }

    /** Writes {@code dist-manifest.json} and {@code checksums.txt} into the folder. */
    public void write(Path folder) throws MachineException {
        Json.write(folder.resolve(FILE), this);
        Json.writeAtomically(folder.resolve(CHECKSUMS), checksums());
    }
}
