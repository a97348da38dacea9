package dev.crossbuild.image;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code package-image} was asked to build, as one immutable value.
 *
 * @param name        the repository and tag; the layout's index is tagged with the tag
 * @param base        {@code scratch}, an OCI layout ({@code oci:DIR[:REF]} or a directory), or an image in a registry
 * @param entrypoint  the program and its arguments; empty means the target's single program
 * @param directory   where the archive's files go, absolute, e.g. {@code /app}
 * @param env         variables set in the image, over the base's
 * @param labels      labels, over the base's and the annotations
 * @param user        the user the program runs as, or null for the base's
 * @param ports       exposed ports, {@code 8080} or {@code 53/udp}
 * @param annotations the OCI annotations from the pom ({@code org.opencontainers.image.*}), also labels
 * @param timestamp   {@code project.build.outputTimestamp}: every file time and {@code created}
 */
public record ImageSpec(ImageName name, String base, List<String> entrypoint, String directory,
        Map<String, String> env, Map<String, String> labels, String user, List<String> ports,
        Map<String, String> annotations, Instant timestamp) {

    public ImageSpec {
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        env = env == null ? Map.of() : new TreeMap<>(env);
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
        ports = ports == null ? List.of() : List.copyOf(ports);
        annotations = annotations == null ? Map.of() : new TreeMap<>(annotations);
        base = base == null || base.isBlank() ? BaseImage.SCRATCH : base.trim();
        directory = directory == null || directory.isBlank() ? "/app" : directory.trim();
    }

    /** The folder inside the root filesystem, without the slashes around it. */
    String folder() {
        return BaseImage.normalize(directory);
    }
}
