package dev.crossbuild.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.crossbuild.core.ReadableFiles;
import dev.crossbuild.model.PlatformKeys.OciPlatform;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes the OCI image layout and its archive. Blobs are named by digest and written only when missing (through a
 * temporary file), {@code index.json} last, then blobs no longer referenced are removed, so a reader sees the old
 * image or the new one.
 */
final class LayoutWriter {

    record PlatformImage(String targetId, OciPlatform platform, Map<String, Map.Entry<Path, Boolean>> files,
            BaseImage base, List<String> entrypoint) {
    }

    private final Path layout;
    private final Path blobs;
    private final Set<String> referenced = new HashSet<>();

    LayoutWriter(Path layout) {
        this.layout = layout;
        this.blobs = layout.resolve("blobs/sha256");
    }

    void write(ImageSpec spec, List<PlatformImage> images, Path archive) throws IOException {
        Files.createDirectories(blobs);
        String created = DateTimeFormatter.ISO_INSTANT.format(spec.timestamp());
        JsonArray manifests = new JsonArray();
        JsonArray refs = new JsonArray();
        for (PlatformImage image : images) {
            Path temp = Files.createTempFile(blobs, ".layer", ".tmp");
            LayerWriter.Written layer;
            try {
                layer = LayerWriter.write(temp, image.files(), spec.timestamp());
                move(temp, blob(layer.digest()));
            } finally {
                Files.deleteIfExists(temp);
            }
            JsonArray layers = new JsonArray();
            for (BaseImage.Layer base : image.base().layers()) {
                Path target = blob(base.descriptor().digest());
                if (!Files.isRegularFile(target)) {
                    Path copy = Files.createTempFile(blobs, ".base", ".tmp");
                    try {
                        Files.copy(base.blob(), copy, StandardCopyOption.REPLACE_EXISTING);
                        move(copy, target);
                    } finally {
                        Files.deleteIfExists(copy);
                    }
                }
                referenced.add(base.descriptor().digest());
                String type = base.descriptor().mediaType().equals(Oci.DOCKER_LAYER) ? Oci.LAYER_GZIP
                        : base.descriptor().mediaType();
                layers.add(new Oci.Descriptor(type, base.descriptor().digest(), base.descriptor().size()).json());
            }
            layers.add(new Oci.Descriptor(Oci.LAYER_GZIP, layer.digest(), layer.size()).json());
            List<String> diffIds = new ArrayList<>(image.base().diffIds());
            diffIds.add(layer.diffId());
            Oci.Descriptor config = json(Oci.CONFIG, config(spec, image, diffIds, created));
            JsonObject manifest = new JsonObject();
            manifest.addProperty("schemaVersion", 2);
            manifest.addProperty("mediaType", Oci.MANIFEST);
            manifest.add("config", config.json());
            manifest.add("layers", layers);
            manifest.add("annotations", Oci.strings(spec.annotations()));
            Oci.Descriptor written = json(Oci.MANIFEST, manifest);
            JsonObject entry = written.json();
            entry.add("platform", Oci.platform(image.platform()));
            manifests.add(entry);
            JsonObject ref = entry.deepCopy();
            ref.add("annotations", Oci.strings(Map.of(Oci.REF_NAME, spec.name().tag() + "-"
                    + Oci.refSuffix(image.platform()))));
            refs.add(ref);
        }
        JsonObject index = new JsonObject();
        index.addProperty("schemaVersion", 2);
        index.addProperty("mediaType", Oci.INDEX);
        index.add("manifests", manifests);
        index.add("annotations", Oci.strings(spec.annotations()));
        JsonObject tagged = json(Oci.INDEX, index).json();
        tagged.add("annotations", Oci.strings(Map.of(Oci.REF_NAME, spec.name().tag())));
        JsonArray top = new JsonArray();
        top.add(tagged);
        refs.forEach(top::add);
        JsonObject layoutIndex = new JsonObject();
        layoutIndex.addProperty("schemaVersion", 2);
        layoutIndex.add("manifests", top);
        writeFile(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes());
        writeFile(layout.resolve("index.json"), Oci.bytes(layoutIndex));
        removeUnreferenced();
        writeArchive(archive, spec);
    }

    private JsonObject config(ImageSpec spec, PlatformImage image, List<String> diffIds, String created) {
        JsonObject base = image.base().config();
        JsonObject baseConfig = ImageBuilder.object(base, "config");
        JsonObject config = new JsonObject();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> baseEnv = ImageBuilder.strings(baseConfig.get("Env"));
        if (baseEnv.isEmpty()) {
            baseEnv = List.of(ImageBuilder.defaultPath());
        }
        for (String variable : baseEnv) {
            int eq = variable.indexOf('=');
            env.put(eq < 0 ? variable : variable.substring(0, eq), variable);
        }
        spec.env().forEach((k, v) -> env.put(k, k + "=" + v));
        String user = spec.user() != null && !spec.user().isBlank() ? spec.user()
                : baseConfig.has("User") ? baseConfig.get("User").getAsString() : "";
        if (!user.isEmpty()) {
            config.addProperty("User", user);
        }
        JsonObject ports = ImageBuilder.object(baseConfig, "ExposedPorts").deepCopy();
        for (String port : spec.ports()) {
            ports.add(port.contains("/") ? port : port + "/tcp", new JsonObject());
        }
        if (ports.size() > 0) {
            config.add("ExposedPorts", ports);
        }
        config.add("Env", ImageBuilder.array(new ArrayList<>(env.values())));
        config.add("Entrypoint", ImageBuilder.array(image.entrypoint()));
        config.addProperty("WorkingDir", "/" + spec.folder());
        Map<String, String> labels = new TreeMap<>();
        ImageBuilder.object(baseConfig, "Labels").entrySet().forEach(e -> labels.put(e.getKey(),
                e.getValue().getAsString()));
        labels.putAll(spec.annotations());
        labels.putAll(spec.labels());
        if (!labels.isEmpty()) {
            config.add("Labels", Oci.strings(labels));
        }
        JsonObject result = new JsonObject();
        result.addProperty("created", created);
        result.addProperty("architecture", image.platform().architecture());
        result.addProperty("os", image.platform().os());
        if (!image.platform().variant().isEmpty()) {
            result.addProperty("variant", image.platform().variant());
        }
        result.add("config", config);
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", ImageBuilder.array(diffIds));
        result.add("rootfs", rootfs);
        JsonArray history = base.has("history") && base.get("history").isJsonArray()
                ? base.getAsJsonArray("history").deepCopy() : new JsonArray();
        JsonObject step = new JsonObject();
        step.addProperty("created", created);
        step.addProperty("created_by", "crossbuild-maven-plugin package-image: target " + image.targetId()
                + " into /" + spec.folder());
        history.add(step);
        result.add("history", history);
        return result;
    }

    private Oci.Descriptor json(String mediaType, JsonObject json) throws IOException {
        byte[] bytes = Oci.bytes(json);
        String digest = Oci.digest(bytes);
        Path target = blob(digest);
        if (!Files.isRegularFile(target)) {
            writeFile(target, bytes);
        }
        return new Oci.Descriptor(mediaType, digest, bytes.length);
    }

    private Path blob(String digest) {
        referenced.add(digest);
        return blobs.resolve(digest.substring("sha256:".length()));
    }

    private void move(Path temp, Path target) throws IOException {
        if (Files.isRegularFile(target)) {
            return;
        }
        ReadableFiles.makeReadable(temp);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void writeFile(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, bytes);
            ReadableFiles.makeReadable(temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void removeUnreferenced() throws IOException {
        try (DirectoryStream<Path> all = Files.newDirectoryStream(blobs)) {
            for (Path file : all) {
                String name = file.getFileName().toString();
                if (!referenced.contains("sha256:" + name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The layout as one tar (OCI archive): entries sorted, one time, owned by root. */
    private void writeArchive(Path archive, ImageSpec spec) throws IOException {
        Files.createDirectories(archive.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(archive.toAbsolutePath().getParent(), "." + archive.getFileName(), ".tmp");
        List<String> names = new ArrayList<>(List.of("blobs/", "blobs/sha256/", "index.json", "oci-layout"));
        referenced.stream().sorted().forEach(d -> names.add("blobs/sha256/" + d.substring("sha256:".length())));
        names.sort(null);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp));
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8")) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (String name : names) {
                    boolean folder = name.endsWith("/");
                    TarArchiveEntry entry = new TarArchiveEntry(name, folder ? TarArchiveEntry.LF_DIR
                            : TarArchiveEntry.LF_NORMAL);
                    entry.setMode(folder ? 040755 : 0100644);
                    entry.setIds(0, 0);
                    entry.setNames("", "");
                    entry.setModTime(spec.timestamp().getEpochSecond() * 1000);
                    Path file = layout.resolve(name);
                    if (!folder) {
                        entry.setSize(Files.size(file));
                    }
                    tar.putArchiveEntry(entry);
                    if (!folder) {
                        Files.copy(file, tar);
                    }
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            ReadableFiles.makeReadable(temp);
            Files.move(temp, archive, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
