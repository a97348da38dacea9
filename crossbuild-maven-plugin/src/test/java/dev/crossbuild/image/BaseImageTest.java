package dev.crossbuild.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.PlatformKeys;
import dev.crossbuild.model.PlatformKeys.OciPlatform;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.packaging.ArchiveWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base image's OCI layout is untrusted input: small real layouts on disk, each damaged one way, are refused
 * naming the blob and the base before any of it reaches the image.
 */
class BaseImageTest {

    private static final OciPlatform AMD64 = PlatformKeys.ociPlatform(TargetTriple.parse("x86_64-unknown-linux-gnu"))
            .orElseThrow();

    @TempDir
    Path dir;

    /** A tar holding {@code bin/busybox}. */
    private static byte[] tar() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            byte[] content = "#!/bin/sh\necho base\n".repeat(200).getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("bin/busybox");
            entry.setSize(content.length);
            entry.setMode(0100755);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }

    /** The parts of a one-platform layout that a test may damage. */
    private record Parts(byte[] layer, long layerSize, String diffId, String version) {
    }

    private Parts good() throws Exception {
        byte[] tar = tar();
        byte[] layer = gzip(tar);
        return new Parts(layer, layer.length, Oci.digest(tar), "1.0.0");
    }

    /** Writes the layout under {@code dir/name}; the descriptors name the layer's true digest. */
    private String write(String name, Parts parts) throws Exception {
        Path layout = dir.resolve(name);
        Files.createDirectories(layout.resolve("blobs/sha256"));
        String layerDigest = blob(layout, parts.layer());
        JsonObject config = new JsonObject();
        config.addProperty("architecture", "amd64");
        config.addProperty("os", "linux");
        JsonObject rootfs = new JsonObject();
        rootfs.addProperty("type", "layers");
        rootfs.add("diff_ids", ImageBuilder.array(List.of(parts.diffId())));
        config.add("rootfs", rootfs);
        byte[] configBytes = Oci.bytes(config);
        JsonObject manifest = new JsonObject();
        manifest.addProperty("schemaVersion", 2);
        manifest.addProperty("mediaType", Oci.MANIFEST);
        manifest.add("config", new Oci.Descriptor(Oci.CONFIG, blob(layout, configBytes), configBytes.length).json());
        JsonArray layers = new JsonArray();
        layers.add(new Oci.Descriptor(Oci.LAYER_GZIP, layerDigest, parts.layerSize()).json());
        manifest.add("layers", layers);
        byte[] manifestBytes = Oci.bytes(manifest);
        JsonObject entry = new Oci.Descriptor(Oci.MANIFEST, blob(layout, manifestBytes), manifestBytes.length).json();
        entry.add("annotations", Oci.strings(Map.of(Oci.REF_NAME, "1")));
        JsonArray manifests = new JsonArray();
        manifests.add(entry);
        JsonObject index = new JsonObject();
        index.addProperty("schemaVersion", 2);
        index.add("manifests", manifests);
        Files.write(layout.resolve("index.json"), Oci.bytes(index));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"" + parts.version() + "\"}");
        return layerDigest;
    }

    private static String blob(Path layout, byte[] bytes) throws Exception {
        String digest = Oci.digest(bytes);
        Files.write(layout.resolve("blobs/sha256/" + digest.substring(7)), bytes);
        return digest;
    }

    private Path layerFile(String name, String digest) {
        return dir.resolve(name).resolve("blobs/sha256/" + digest.substring(7));
    }

    private BaseImage read(String name) throws Exception {
        return BaseImage.fromLayout(dir.resolve(name), null, AMD64, "oci:" + name).orElseThrow();
    }

    @Test
    void aSoundLayoutIsRead() throws Exception {
        write("base", good());
        assertThat(read("base").files()).containsExactly("bin/busybox");
    }

    @Test
    void layerBytesThatNoLongerMatchTheirDigestAreRefusedThoughTheyStillGunzip() throws Exception {
        String digest = write("base", good());
        Path layer = layerFile("base", digest);
        byte[] bytes = Files.readAllBytes(layer);
        bytes[4] ^= 0x55; // gzip's MTIME: the same size, and it still gunzips to the same tar
        Files.write(layer, bytes);
        assertThat(new String(new java.util.zip.GZIPInputStream(Files.newInputStream(layer)).readAllBytes(),
                StandardCharsets.UTF_8)).contains("echo base");
        assertThatThrownBy(() -> read("base")).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("<image><base>oci:base</base>: the blob " + digest)
                .hasMessageContaining("does not have that digest");
    }

    @Test
    void aDescriptorSizeThatIsNotTheBlobsIsRefused() throws Exception {
        Parts good = good();
        String digest = write("base", new Parts(good.layer(), good.layerSize() + 1, good.diffId(), "1.0.0"));
        assertThatThrownBy(() -> read("base")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("<image><base>oci:base</base>: the blob " + digest)
                .hasMessageContaining("is " + good.layerSize() + " bytes, but its descriptor says "
                        + (good.layerSize() + 1));
    }

    @Test
    void aLayoutOfAnotherVersionIsRefused() throws Exception {
        Parts good = good();
        write("base", new Parts(good.layer(), good.layerSize(), good.diffId(), "9.9.9"));
        assertThatThrownBy(() -> read("base")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("<image><base>oci:base</base>")
                .hasMessageContaining("says imageLayoutVersion `9.9.9`, and only version 1.x layouts");
        Files.writeString(dir.resolve("base/oci-layout"), "{}");
        assertThatThrownBy(() -> read("base")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("says imageLayoutVersion nothing");
    }

    @Test
    void aTruncatedLayerIsNamedNotANullEofException() throws Exception {
        Parts good = good();
        byte[] truncated = Arrays.copyOf(good.layer(), good.layer().length / 2);
        // the descriptor matches the cut bytes: only reading them finds the end missing
        String digest = write("cut", new Parts(truncated, truncated.length, good.diffId(), "1.0.0"));
        assertThatThrownBy(() -> read("cut")).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("<image><base>oci:cut</base>: the layer " + digest + " ends early")
                .hasMessageContaining("truncated").hasMessageNotContaining("null");
        // cut after the layout was written: its size gives it away first
        String whole = write("base", good);
        Files.write(layerFile("base", whole), truncated);
        assertThatThrownBy(() -> read("base")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("the blob " + whole).hasMessageContaining("is " + truncated.length
                        + " bytes, but its descriptor says " + good.layerSize());
    }

    @Test
    void aLayerThatIsNotItsDiffIdIsRefused() throws Exception {
        Parts good = good();
        String digest = write("base", new Parts(good.layer(), good.layerSize(), Oci.digest(new byte[1]), "1.0.0"));
        assertThatThrownBy(() -> read("base")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("the layer " + digest + " uncompresses to " + good.diffId())
                .hasMessageContaining("the config's diff_id for it is " + Oci.digest(new byte[1]));
    }

    @Test
    void aTamperedBaseNeverReachesTheImage() throws Exception {
        String digest = write("base", good());
        Path layer = layerFile("base", digest);
        byte[] bytes = Files.readAllBytes(layer);
        bytes[4] ^= 0x55;
        Files.write(layer, bytes);
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\necho hello\n");
        Path archive = dir.resolve("hello-1.0-linux.tar.gz");
        Instant time = Instant.parse("2024-01-01T00:00:00Z");
        ArchiveWriter.write(archive, ArchiveFormat.TAR_GZ, "hello-1.0-linux",
                List.of(new ArchiveEntry("run.sh", script, true, "file")), time);
        ImageSpec spec = new ImageSpec(ImageName.parse("example.org/acme/hello:1.0", "<image><name>"), "oci:base",
                List.of("/app/run.sh"), null, null, null, null, null, null, time);
        BuildLog log = BuildLog.of(l -> { }, l -> { }, l -> { }, l -> { }, () -> false);
        assertThatThrownBy(() -> new ImageBuilder(spec, new WorkLayout(dir.resolve("work")), dir, reference -> {
            throw new ProjectException("no registry here");
        }, log).build(List.of(new ImageTarget("x64", TargetTriple.parse("x86_64-unknown-linux-gnu"), record(archive,
                script), null)), dir.resolve("image.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("the blob " + digest).hasMessageContaining("does not have that digest");
        assertThat(dir.resolve("work/crossbuild/image")).doesNotExist();
        assertThat(dir.resolve("image.tar")).doesNotExist();
    }

    /** The record package-arch writes for an archive of the one script. */
    private static dev.crossbuild.packaging.PackagedTarget record(Path archive, Path script) throws Exception {
        dev.crossbuild.packaging.ShippedFile file = new dev.crossbuild.packaging.ShippedFile("run.sh",
                script.toString(), "file", dev.crossbuild.packaging.FileKind.DATA, true, Files.size(script),
                Files.getLastModifiedTime(script).toMillis(), dev.crossbuild.packaging.Checksums.sha256(script), null,
                null);
        return new dev.crossbuild.packaging.PackagedTarget(dev.crossbuild.packaging.PackagedTarget.FORMAT, "x64",
                "x86_64-unknown-linux-gnu", archive.toString(), "tar.gz", Files.size(archive),
                dev.crossbuild.packaging.Checksums.sha256(archive), "hello-1.0-linux", List.of(file));
    }
}
