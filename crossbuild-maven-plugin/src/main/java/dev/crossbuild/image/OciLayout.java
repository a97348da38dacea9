package dev.crossbuild.image;

import com.google.gson.JsonObject;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** An OCI image layout on disk, read: {@code index.json} and content-addressed blobs, each digest checked. */
final class OciLayout {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

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
        if (!Files.isRegularFile(index) || !Files.isRegularFile(root.resolve("oci-layout"))) {
            throw new ProjectException(where + ": " + root + " is not an OCI image layout (no oci-layout and"
                    + " index.json); point it at one (skopeo copy docker://… oci:DIR:TAG writes one)");
        }
        return Oci.parse(read(index), where + " " + index);
    }

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

    /** A small blob (manifest, index, config), checked against its digest. */
    byte[] blob(String digest) throws ProjectException, MachineException {
        byte[] bytes = read(blobPath(digest));
        if (!Oci.digest(bytes).equals(digest)) {
            throw new ProjectException(where + ": the blob " + digest + " in " + root + " does not have that digest;"
                    + " the layout is damaged, write it again");
        }
        return bytes;
    }

    private static byte[] read(Path file) throws MachineException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MachineException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
