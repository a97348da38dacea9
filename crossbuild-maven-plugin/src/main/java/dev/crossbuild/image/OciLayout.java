package dev.crossbuild.image;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An OCI image layout on disk, read as untrusted input: its {@code oci-layout} must be of version 1.x, and every
 * blob is checked against the digest and size of the descriptor that names it before it is used.
 */
final class OciLayout {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern VERSION_1 = Pattern.compile("1\\.[0-9]+\\.[0-9]+");

    private final Path root;
    private final String where;

    OciLayout(Path root, String where) {
        this.root = root;
        this.where = where;
    }

    String where() {
        return where;
    }

    Path root() {
        return root;
    }

    JsonObject index() throws ProjectException, MachineException {
        Path index = root.resolve("index.json");
        Path marker = root.resolve("oci-layout");
        if (!Files.isRegularFile(index) || !Files.isRegularFile(marker)) {
            throw new ProjectException(where + ": " + root + " is not an OCI image layout (no oci-layout and"
                    + " index.json); point it at one (skopeo copy docker://… oci:DIR:TAG writes one)");
        }
        JsonObject layout = Oci.parse(read(marker), where + " " + marker);
        JsonElement version = layout.get("imageLayoutVersion");
        String text = version != null && version.isJsonPrimitive() ? version.getAsString() : null;
        if (text == null || !VERSION_1.matcher(text).matches()) {
            throw new ProjectException(where + ": " + marker + " says imageLayoutVersion " + (text == null ? "nothing"
                    : "`" + text + "`") + ", and only version 1.x layouts (the OCI image spec's) are read; write the"
                    + " layout with a tool of that spec (skopeo copy, umoci)");
        }
        return Oci.parse(read(index), where + " " + index);
    }

    /** Where a blob's bytes are, unchecked: for a blob only passed on, whose size and digest are checked later. */
    Path blobPath(String digest) throws ProjectException {
        if (!DIGEST.matcher(digest).matches()) {
            throw new ProjectException(where + ": `" + digest + "` is not a sha256 digest");
        }
        Path blob = root.resolve("blobs/sha256/" + digest.substring("sha256:".length()));
        if (!Files.isRegularFile(blob)) {
            throw new ProjectException(where + ": the blob " + digest + " is missing from " + root
                    + "; the layout is incomplete, write it again");
        }
        return blob;
    }

    /** A blob's file whose size is the descriptor's; its digest is not read (see {@link #verifiedBlob}). */
    Path sizedBlob(Oci.Descriptor descriptor) throws ProjectException, MachineException {
        Path blob = blobPath(descriptor.digest());
        long size;
        try {
            size = Files.size(blob);
        } catch (IOException e) {
            throw new MachineException("could not read " + blob + ": " + e.getMessage(), e);
        }
        if (size != descriptor.size()) {
            throw new ProjectException(where + ": the blob " + descriptor.digest() + " in " + root + " is " + size
                    + " bytes, but its descriptor says " + descriptor.size() + "; the layout is damaged or was"
                    + " edited, write it again");
        }
        return blob;
    }

    /** A large blob (a layer) checked against its descriptor's size and digest, read as a stream. */
    Path verifiedBlob(Oci.Descriptor descriptor) throws ProjectException, MachineException {
        Path blob = sizedBlob(descriptor);
        MessageDigest sha256 = Oci.sha256();
        try (InputStream in = Files.newInputStream(blob)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MachineException("could not read " + blob + ": " + e.getMessage(), e);
        }
        checkDigest(descriptor, "sha256:" + HexFormat.of().formatHex(sha256.digest()));
        return blob;
    }

    /** A small blob (manifest, index, config), checked against its descriptor's size and digest. */
    byte[] blob(Oci.Descriptor descriptor) throws ProjectException, MachineException {
        byte[] bytes = read(sizedBlob(descriptor));
        checkDigest(descriptor, Oci.digest(bytes));
        return bytes;
    }

    private void checkDigest(Oci.Descriptor descriptor, String actual) throws ProjectException {
        if (!actual.equals(descriptor.digest())) {
            throw new ProjectException(where + ": the blob " + descriptor.digest() + " in " + root + " does not have"
                    + " that digest (its bytes hash to " + actual + "); the layout is damaged, write it again");
        }
    }

    private static byte[] read(Path file) throws MachineException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
