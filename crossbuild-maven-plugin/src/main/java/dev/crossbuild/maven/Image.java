package dev.crossbuild.maven;

import java.util.List;
import java.util.Map;

/**
 * The {@code <image>} element of {@code package-image} and {@code push-image}: a plain holder Maven fills.
 *
 * @since 0.1.0
 */
public class Image {

    /** Repository and tag, e.g. {@code ghcr.io/acme/hello:1.0}; {@code -Dcrossbuild.image.name} overrides it. */
    String name;

    /** {@code scratch} (default), an OCI layout ({@code oci:DIR[:REF]} or a directory), or an image in a registry. */
    String base;

    /** The program and its arguments; by default the target's single program. */
    List<String> entrypoint;

    /** Where the archive's files go in the image; {@code /app} by default. */
    String directory;

    /** Environment variables of the image, over the base's. */
    Map<String, String> env;

    /** Labels of the image, over the base's and the OCI annotations from the pom. */
    Map<String, String> labels;

    /** The user the program runs as ({@code 65532}, {@code nobody}); the base's when unset. */
    String user;

    /** Ports the program listens on: {@code 8080}, {@code 53/udp}. */
    List<String> ports;

    /** More tags {@code push-image} pushes the same index under. */
    List<String> tags;
}
