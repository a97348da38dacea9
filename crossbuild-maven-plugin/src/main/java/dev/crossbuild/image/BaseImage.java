package dev.crossbuild.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.PlatformKeys.OciPlatform;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The image a platform's program layer goes on: its layers (blobs on disk), its config, and the paths of the
 * files its layers leave in the root filesystem, which the start check looks in. {@code scratch} has none.
 *
 * @param source  how the pom named it, for messages
 * @param layers  the base's layers, bottom first
 * @param diffIds the digest of each layer's uncompressed tar
 * @param config  the base's image config, or an empty object for scratch
 * @param files   every path in the base's root filesystem, without a leading slash
 */
public record BaseImage(String source, List<Layer> layers, List<String> diffIds, JsonObject config,
        Set<String> files) {

    public static final String SCRATCH = "scratch";

    /** One layer: its descriptor in the manifest and where its bytes are. */
    public record Layer(Oci.Descriptor descriptor, Path blob) {
    }

    public static BaseImage scratch() {
        return new BaseImage(SCRATCH, List.of(), List.of(), new JsonObject(), Set.of());
    }

    /**
     * Reads the image of one platform from an OCI layout: among the manifests of its {@code index.json} (and of
     * indexes it points at), those named {@code ref} when given, the one whose platform (from the descriptor or
     * the config) is the target's.
     *
     * @return empty when the layout has no manifest for the platform
     */
    public static Optional<BaseImage> fromLayout(Path layout, String ref, OciPlatform platform, String source)
            throws CrossbuildException {
        return fromLayout(layout, ref, platform, source, true);
    }

    /** The same; without {@code listFiles} the layers are not read and {@link #files()} is empty. */
    static Optional<BaseImage> fromLayout(Path layout, String ref, OciPlatform platform, String source,
            boolean listFiles) throws CrossbuildException {
        OciLayout oci = new OciLayout(layout, "<image><base>" + source + "</base>");
        JsonObject index = oci.index();
        List<JsonObject> manifests = new ArrayList<>();
        collect(oci, index, ref, manifests, 0);
        for (JsonObject descriptor : manifests) {
            Oci.Descriptor d = Oci.Descriptor.of(descriptor, oci.where());
            JsonObject manifest = Oci.parse(oci.blob(d), oci.where() + " manifest " + d.digest());
            Oci.Descriptor configDescriptor = Oci.Descriptor.of(manifest.getAsJsonObject("config"), oci.where());
            JsonObject config = Oci.parse(oci.blob(configDescriptor), oci.where() + " config");
            if (!matches(descriptor.getAsJsonObject("platform"), config, platform)) {
                continue;
            }
            List<Layer> layers = new ArrayList<>();
            for (JsonElement layer : manifest.getAsJsonArray("layers")) {
                Oci.Descriptor ld = Oci.Descriptor.of(layer.getAsJsonObject(), oci.where());
                // a layer the image is built from is hashed first; the up-to-date check only needs its size
                layers.add(new Layer(ld, listFiles ? oci.verifiedBlob(ld) : oci.sizedBlob(ld)));
            }
            return Optional.of(of(source, layers, config, listFiles));
        }
        return Optional.empty();
    }

    /** A base from its layers and config, reading each layer's file names. */
    static BaseImage of(String source, List<Layer> layers, JsonObject config, boolean listFiles)
            throws CrossbuildException {
        List<String> diffIds = new ArrayList<>();
        JsonObject rootfs = config.getAsJsonObject("rootfs");
        JsonArray ids = rootfs == null ? null : rootfs.getAsJsonArray("diff_ids");
        if (ids == null || ids.size() != layers.size()) {
            throw new ProjectException("<image><base>" + source + "</base>: its config lists "
                    + (ids == null ? "no" : ids.size()) + " diff_ids for " + layers.size() + " layers; the base image"
                    + " is damaged, build it again");
        }
        ids.forEach(id -> diffIds.add(id.getAsString()));
        Set<String> files = new TreeSet<>();
        for (int i = 0; listFiles && i < layers.size(); i++) {
            readFiles(layers.get(i), diffIds.get(i), files, source);
        }
        return new BaseImage(source, layers, diffIds, config, files);
    }

    private static void collect(OciLayout oci, JsonObject index, String ref, List<JsonObject> into, int depth)
            throws CrossbuildException {
        JsonArray manifests = index.getAsJsonArray("manifests");
        if (manifests == null || depth > 3) {
            return;
        }
        for (JsonElement element : manifests) {
            JsonObject descriptor = element.getAsJsonObject();
            String name = refName(descriptor);
            if (ref != null && depth == 0 && !ref.equals(name)) {
                continue;
            }
            String type = descriptor.has("mediaType") ? descriptor.get("mediaType").getAsString() : "";
            if (type.equals(Oci.INDEX) || type.equals(Oci.DOCKER_LIST)) {
                Oci.Descriptor d = Oci.Descriptor.of(descriptor, oci.where());
                collect(oci, Oci.parse(oci.blob(d), oci.where() + " index " + d.digest()), null, into,
                        depth + 1);
            } else if (type.equals(Oci.MANIFEST) || type.equals(Oci.DOCKER_MANIFEST)) {
                into.add(descriptor);
            }
        }
    }

    private static String refName(JsonObject descriptor) {
        JsonObject annotations = descriptor.getAsJsonObject("annotations");
        return annotations == null || !annotations.has(Oci.REF_NAME) ? null
                : annotations.get(Oci.REF_NAME).getAsString();
    }

    static boolean matches(JsonObject described, JsonObject config, OciPlatform platform) {
        JsonObject source = described != null ? described : config;
        String os = text(source, "os");
        String arch = text(source, "architecture");
        String variant = text(source, "variant");
        return platform.os().equals(os) && platform.architecture().equals(arch)
                && (variant.isEmpty() || platform.variant().isEmpty() || platform.variant().equals(variant));
    }

    private static String text(JsonObject o, String key) {
        return o != null && o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
    }

    /**
     * The paths a layer leaves, applying its whiteouts to what the layers below left; its uncompressed tar must
     * hash to the config's diff_id for it.
     */
    private static void readFiles(Layer layer, String diffId, Set<String> files, String source)
            throws CrossbuildException {
        String blob = layer.descriptor().digest();
        MessageDigest uncompressed = Oci.sha256();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(layer.blob()))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (InputStream in = hashing(gzip ? new GzipCompressorInputStream(raw, true) : raw, uncompressed);
                    TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String name = normalize(entry.getName());
                    String base = name.substring(name.lastIndexOf('/') + 1);
                    String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
                    if (base.equals(".wh..wh..opq")) {
                        files.removeIf(f -> f.startsWith(dir));
                    } else if (base.startsWith(".wh.")) {
                        String gone = dir + base.substring(4);
                        files.removeIf(f -> f.equals(gone) || f.startsWith(gone + "/"));
                    } else if (!name.isEmpty()) {
                        files.add(name);
                    }
                }
                // the tar's end blocks and padding count for the diff_id too
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (EOFException e) {
            throw new ProjectException("<image><base>" + source + "</base>: the layer " + blob + " ends early: its "
                    + "gzip or tar stream is truncated (" + layer.blob() + "); the base image is damaged, write or"
                    + " pull it again");
        } catch (IOException e) {
            throw new ProjectException("<image><base>" + source + "</base>: the layer " + blob + " is not a readable"
                    + " tar" + (layer.descriptor().mediaType().contains("gzip") ? " in gzip" : "") + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ", in "
                    + layer.blob() + "); the base image is damaged, write or pull it again");
        }
        String actual = "sha256:" + HexFormat.of().formatHex(uncompressed.digest());
        if (!actual.equals(diffId)) {
            throw new ProjectException("<image><base>" + source + "</base>: the layer " + blob + " uncompresses to "
                    + actual + ", but the config's diff_id for it is " + diffId + "; the base image is damaged,"
                    + " write or pull it again");
        }
    }

    /** The stream, each byte read or skipped (the tar reader skips file contents) counted into the digest. */
    private static InputStream hashing(InputStream in, MessageDigest digest) {
        return new DigestInputStream(in, digest) {
            @Override
            public long skip(long n) throws IOException {
                byte[] buffer = new byte[8192];
                long skipped = 0;
                while (skipped < n) {
                    int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                    if (read < 0) {
                        break;
                    }
                    skipped += read;
                }
                return skipped;
            }
        };
    }

    static String normalize(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }
}
