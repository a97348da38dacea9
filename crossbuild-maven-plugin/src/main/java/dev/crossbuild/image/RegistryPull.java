package dev.crossbuild.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A base image from a registry, pulled into a local OCI layout (one per reference, blobs kept for the next build)
 * that {@link BaseImage#fromLayout} then reads like any other. Every blob is checked against its digest and size.
 */
public final class RegistryPull implements ImageBuilder.BasePuller {

    private final Path cache;
    private final RegistryClient.Logins credentials;
    private final java.time.Duration timeout;
    private final boolean insecure;
    private final boolean offline;

    /**
     * @param cache       the folder the pulled layouts go to ({@code target/crossbuild/image-base})
     * @param credentials the credentials of a registry host
     * @param timeout     the longest the registry may stay silent
     */
    public RegistryPull(Path cache, RegistryClient.Logins credentials, boolean insecure, boolean offline,
            java.time.Duration timeout) {
        this.timeout = timeout;
        this.cache = cache;
        this.credentials = credentials;
        this.insecure = insecure;
        this.offline = offline;
    }

    @Override
    public Path pull(String reference) throws CrossbuildException {
        ImageName name = ImageName.parse(reference, "<image><base>");
        Path layout = cache.resolve(name.toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        if (offline) {
            if (Files.isRegularFile(layout.resolve("index.json"))) {
                return layout;
            }
            throw new ProjectException("<image><base>" + reference + "</base> is in a registry and Maven is offline"
                    + " (-o); build once online, or use an OCI layout on disk (oci:DIR:TAG)");
        }
        RegistryClient client = new RegistryClient(name, credentials.of(name.registry()), insecure, timeout);
        try {
            Files.createDirectories(layout.resolve("blobs/sha256"));
            Map.Entry<String, byte[]> top = client.getManifest(name.tag()).orElseThrow(() -> new ProjectException(
                    "<image><base>" + reference + "</base>: the registry " + name.registry() + " has no such image;"
                            + " check the name and tag"));
            String digest = store(layout, top.getValue());
            JsonObject json = Oci.parse(top.getValue(), reference);
            String type = json.has("mediaType") ? json.get("mediaType").getAsString() : top.getKey();
            if (json.has("manifests")) {
                for (JsonElement element : json.getAsJsonArray("manifests")) {
                    Oci.Descriptor d = Oci.Descriptor.of(element.getAsJsonObject(), reference);
                    byte[] manifest = client.getManifest(d.digest()).orElseThrow(() -> new ProjectException(
                            "<image><base>" + reference + "</base>: the registry lacks " + d.digest())).getValue();
                    String actual = Oci.digest(manifest);
                    if (!actual.equals(d.digest()) || manifest.length != d.size()) {
                        throw new MachineException(refused(reference, name, "manifest", d, actual, manifest.length));
                    }
                    store(layout, manifest);
                    blobs(layout, client, Oci.parse(manifest, d.digest()), reference);
                }
            } else {
                blobs(layout, client, json, reference);
            }
            JsonObject entry = new Oci.Descriptor(type, digest, top.getValue().length).json();
            entry.add("annotations", Oci.strings(Map.of(Oci.REF_NAME, name.tag())));
            JsonArray manifests = new JsonArray();
            manifests.add(entry);
            JsonObject index = new JsonObject();
            index.addProperty("schemaVersion", 2);
            index.add("manifests", manifests);
            Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            Files.write(layout.resolve("index.json"), Oci.bytes(index));
        } catch (IOException e) {
            throw new MachineException("could not write " + layout + ": " + e.getMessage(), e);
        }
        return layout;
    }

    private static void blobs(Path layout, RegistryClient client, JsonObject manifest, String reference)
            throws CrossbuildException, IOException {
        java.util.List<JsonElement> all = new java.util.ArrayList<>();
        all.add(manifest.get("config"));
        manifest.getAsJsonArray("layers").forEach(all::add);
        ImageName name = ImageName.parse(reference, "<image><base>");
        for (JsonElement element : all) {
            Oci.Descriptor d = Oci.Descriptor.of(element.getAsJsonObject(), "a base manifest");
            Path target = layout.resolve("blobs/sha256/" + d.digest().substring("sha256:".length()));
            // kept from an earlier pull: its size is checked here, its digest when the image is built from it
            if (Files.isRegularFile(target) && Files.size(target) == d.size()) {
                continue;
            }
            Path temp = Files.createTempFile(target.getParent(), ".pull", ".tmp");
            try {
                client.downloadBlob(d.digest(), temp);
                String actual = "sha256:" + dev.crossbuild.packaging.Checksums.sha256(temp);
                long size = Files.size(temp);
                if (!actual.equals(d.digest()) || size != d.size()) {
                    throw new MachineException(refused(reference, name, "blob", d, actual, size));
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** A blob the registry sent that is not the one its descriptor names: nothing of it is kept. */
    private static String refused(String reference, ImageName name, String kind, Oci.Descriptor d, String actual,
            long size) {
        return "<image><base>" + reference + "</base>: the registry " + name.registry() + " sent for the " + kind + " "
                + d.digest() + " (" + d.size() + " bytes) " + size + " bytes hashing to " + actual + "; it was not"
                + " used. Try again; if it persists, the registry or a proxy between is damaging downloads";
    }

    private static String store(Path layout, byte[] bytes) throws IOException {
        String digest = Oci.digest(bytes);
        Files.write(layout.resolve("blobs/sha256/" + digest.substring("sha256:".length())), bytes);
        return digest;
    }
}
