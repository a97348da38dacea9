package dev.crossbuild.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes the image index of a layout, its manifests and every blob they name to a repository, under one or more
 * tags. A blob the registry already has (HEAD answers 200) is not uploaded; manifests go by digest, the index last,
 * so the tag never names an image whose parts are missing.
 */
public final class ImagePusher {

    /** What a push did. */
    public record Result(int uploaded, long uploadedBytes, int present, String indexDigest) {
    }

    private final BuildLog log;

    public ImagePusher(BuildLog log) {
        this.log = log;
    }

    /**
     * @param layout the layout {@code package-image} wrote
     * @param names  where to push: the repository of the first, each name's tag
     */
    public Result push(Path layout, List<ImageName> names, RegistryClient client) throws CrossbuildException {
        OciLayout oci = new OciLayout(layout, "push-image");
        if (!Files.isRegularFile(layout.resolve("index.json"))) {
            throw new ProjectException("push-image: there is no image layout at " + layout + "; run package-image"
                    + " first (mvn package with the goal in an <execution>, then mvn deploy)");
        }
        JsonObject top = oci.index();
        Oci.Descriptor index = null;
        for (JsonElement entry : top.getAsJsonArray("manifests")) {
            Oci.Descriptor d = Oci.Descriptor.of(entry.getAsJsonObject(), oci.where());
            if (d.mediaType().equals(Oci.INDEX)) {
                index = d;
                break;
            }
        }
        if (index == null) {
            throw new ProjectException("push-image: " + layout + " holds no image index; run package-image again");
        }
        byte[] indexBytes = oci.blob(index);
        int uploaded = 0;
        int present = 0;
        long bytes = 0;
        Set<String> done = new LinkedHashSet<>();
        for (JsonElement element : Oci.parse(indexBytes, "the image index").getAsJsonArray("manifests")) {
            Oci.Descriptor manifest = Oci.Descriptor.of(element.getAsJsonObject(), oci.where());
            byte[] manifestBytes = oci.blob(manifest);
            JsonObject parsed = Oci.parse(manifestBytes, "manifest " + manifest.digest());
            List<JsonElement> blobs = new java.util.ArrayList<>();
            blobs.add(parsed.get("config"));
            parsed.getAsJsonArray("layers").forEach(blobs::add);
            for (JsonElement blob : blobs) {
                Oci.Descriptor d = Oci.Descriptor.of(blob.getAsJsonObject(), oci.where());
                if (!done.add(d.digest())) {
                    continue;
                }
                if (client.hasBlob(d.digest())) {
                    present++;
                    continue;
                }
                client.uploadBlob(d.digest(), oci.sizedBlob(d));
                uploaded++;
                bytes += d.size();
                log.debug("uploaded " + d.digest() + " (" + d.size() + " bytes)");
            }
            client.putManifest(manifest.digest(), Oci.MANIFEST, manifestBytes);
        }
        for (ImageName name : names) {
            client.putManifest(name.tag(), Oci.INDEX, indexBytes);
            log.info("pushed " + name + " (" + index.digest() + ")");
        }
        log.info("push-image: uploaded " + uploaded + " blobs (" + bytes + " bytes); " + present
                + " already in the registry");
        return new Result(uploaded, bytes, present, index.digest());
    }
}
