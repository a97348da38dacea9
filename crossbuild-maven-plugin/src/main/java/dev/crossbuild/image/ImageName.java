package dev.crossbuild.image;

import dev.crossbuild.core.ProjectException;
import java.util.regex.Pattern;

/**
 * An image reference, {@code [registry[:port]/]repository[:tag]}, as Docker reads it: the first part is a
 * registry when it has a dot or a port or is {@code localhost}; without one the registry is Docker Hub.
 *
 * @param registry   host and port, e.g. {@code 127.0.0.1:5000} or {@code ghcr.io}
 * @param repository the path inside the registry, e.g. {@code acme/hello}
 * @param tag        the tag, {@code latest} when not given
 */
public record ImageName(String registry, String repository, String tag) {

    public static final String DOCKER_HUB = "registry-1.docker.io";

    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    /**
     * @param where the pom element or property the text came from, for the message
     */
    public static ImageName parse(String text, String where) throws ProjectException {
        if (text == null || text.isBlank()) {
            throw new ProjectException(where + " is not set; give the image's repository and tag, e.g."
                    + " ghcr.io/acme/hello:1.0");
        }
        String rest = text.trim();
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = "latest";
        int colon = rest.lastIndexOf(':');
        if (colon > 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (!REPOSITORY.matcher(rest).matches()) {
            throw new ProjectException(where + " `" + text + "`: the repository `" + rest + "` may hold only lower-case"
                    + " letters, digits and the separators . _ - /; fix the name");
        }
        if (!TAG.matcher(tag).matches()) {
            throw new ProjectException(where + " `" + text + "`: the tag `" + tag + "` must be letters, digits, _ . -"
                    + " (at most 128, not starting with . or -); fix the name");
        }
        return new ImageName(registry, rest, tag);
    }

    /** The same repository with another tag. */
    public ImageName withTag(String other) throws ProjectException {
        if (!TAG.matcher(other).matches()) {
            throw new ProjectException("<image><tags><tag>" + other + "</tag>: a tag must be letters, digits, _ . -"
                    + " (at most 128, not starting with . or -); fix the tag");
        }
        return new ImageName(registry, repository, other);
    }

    @Override
    public String toString() {
        return registry + "/" + repository + ":" + tag;
    }
}
