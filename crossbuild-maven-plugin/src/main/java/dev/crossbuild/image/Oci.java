package dev.crossbuild.image;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.PlatformKeys.OciPlatform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The OCI image format's names and its canonical JSON: compact, fields in a fixed order, no HTML escaping. */
public final class Oci {

    public static final String INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
    public static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();

    private Oci() {
    }

    /** A content descriptor: what a manifest or index says about a blob. */
    public record Descriptor(String mediaType, String digest, long size) {

        JsonObject json() {
            JsonObject o = new JsonObject();
            o.addProperty("mediaType", mediaType);
            o.addProperty("digest", digest);
            o.addProperty("size", size);
            return o;
        }

        static Descriptor of(JsonObject o, String where) throws ProjectException {
            try {
                return new Descriptor(o.get("mediaType").getAsString(), o.get("digest").getAsString(),
                        o.get("size").getAsLong());
            } catch (RuntimeException e) {
                throw new ProjectException(where + ": a descriptor without mediaType, digest or size: " + o);
            }
        }
    }

    static byte[] bytes(JsonElement json) {
        return COMPACT.toJson(json).getBytes(StandardCharsets.UTF_8);
    }

    static JsonObject parse(byte[] bytes, String where) throws ProjectException {
        try {
            return JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new ProjectException(where + " is not a JSON object: " + e.getMessage());
        }
    }

    static String digest(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static JsonObject platform(OciPlatform platform) {
        JsonObject o = new JsonObject();
        o.addProperty("architecture", platform.architecture());
        o.addProperty("os", platform.os());
        if (!platform.variant().isEmpty()) {
            o.addProperty("variant", platform.variant());
        }
        return o;
    }

    /** The suffix of a platform's own ref, {@code <tag>-<suffix>}: the architecture, with the variant for arm. */
    public static String refSuffix(OciPlatform platform) {
        return platform.architecture().equals("arm") ? "arm" + platform.variant() : platform.architecture();
    }

    static JsonObject strings(Map<String, String> values) {
        JsonObject o = new JsonObject();
        new LinkedHashMap<>(values).forEach(o::addProperty);
        return o;
    }
}
