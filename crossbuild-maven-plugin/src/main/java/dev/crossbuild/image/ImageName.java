package dev.crossbuild.image;

import dev.crossbuild.core.ProjectException;
import java.util.regex.Pattern;

/**
 * An image reference, {@code [registry[:port]/]repository[:tag]}, as Docker reads it: the first part is a
 * registry when it has a dot or a port or is {@code localhost}; without one the registry is Docker Hub, whose
 * names {@code docker.io} and {@code index.docker.io} mean its registry host {@code registry-1.docker.io}, and a
 * one-part repository there is an official image ({@code library/}). The registry's host and port are checked
 * here, so a bad name fails before any goal talks to it.
 *
 * @param registry   host and port, e.g. {@code 127.0.0.1:5000} or {@code ghcr.io}
 * @param repository the path inside the registry, e.g. {@code acme/hello}
 * @param tag        the tag, {@code latest} when not given
 */
public record ImageName(String registry, String repository, String tag) {

    public static final String DOCKER_HUB = "registry-1.docker.io";

    private static final java.util.Set<String> DOCKER_HUB_ALIASES = java.util.Set.of("docker.io", "index.docker.io",
            DOCKER_HUB);
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]+\\])");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}");

    /**
     * @param where the pom element or property the text came from, for the message
     */
    public static ImageName parse(String text, String where) throws ProjectException {
        if (text == null || text.isBlank()) {
            throw new ProjectException(where + " is not set; give the image's repository and tag, e.g."
                    + " ghcr.io/acme/hello:1.0");
        }
        String rest = text.trim();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String after = rest.substring(at + 1);
            if (DIGEST.matcher(after).matches()) {
                throw new ProjectException(where + " `" + text + "`: a digest (@" + after.substring(0,
                        after.indexOf(':')) + ":…) is not supported here; give a tag");
            }
            // user:password@host: never repeated, Maven and the log would show it
            throw new ProjectException(where + " `…@" + after + "` holds credentials before the registry host; an"
                    + " image name must not carry them (Maven and the log show it): remove the part before @, and give"
                    + " them in " + RegistryClient.whereCredentialsGo("<registry host>"));
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = registry(first, text, where);
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

    /** The registry part checked: a host name or address, an optional port from 1 to 65535; Docker Hub's aliases. */
    private static String registry(String first, String text, String where) throws ProjectException {
        int colon = first.lastIndexOf(':');
        boolean hasPort = colon >= 0 && colon > first.lastIndexOf(']');
        String host = hasPort ? first.substring(0, colon) : first;
        if (!HOST.matcher(host).matches()) {
            throw new ProjectException(where + " `" + text + "`: the registry host `" + host + "` is not a host name"
                    + " or address; fix the name (e.g. ghcr.io/acme/hello:1.0 or 127.0.0.1:5000/acme/hello:1.0)");
        }
        if (hasPort) {
            String port = first.substring(colon + 1);
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                throw new ProjectException(where + " `" + text + "`: the registry port `" + port + "` is not a port,"
                        + " a number from 1 to 65535; fix the name (e.g. " + host + ":5000/…)");
            }
        }
        return DOCKER_HUB_ALIASES.contains(first.toLowerCase(java.util.Locale.ROOT)) ? DOCKER_HUB : first;
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
