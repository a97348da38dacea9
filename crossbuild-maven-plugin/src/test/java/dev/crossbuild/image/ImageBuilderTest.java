package dev.crossbuild.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.packaging.ArchiveWriter;
import dev.crossbuild.packaging.Checksums;
import dev.crossbuild.packaging.FileKind;
import dev.crossbuild.packaging.PackagedTarget;
import dev.crossbuild.packaging.ShippedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout from real archives (a script, so no start check applies): refs, layering, reuse, damage. */
class ImageBuilderTest {

    private static final Instant TIME = Instant.parse("2024-01-01T00:00:00Z");
    private static final ImageBuilder.BasePuller NO_REGISTRY = reference -> {
        throw new ProjectException("no registry in this test: " + reference);
    };

    private final List<String> lines = new ArrayList<>();
    private final BuildLog log = BuildLog.of(lines::add, lines::add, lines::add, line -> { }, () -> false);

    @TempDir
    Path dir;
    private Path archive;

    @BeforeEach
    void archive() throws Exception {
        Path script = dir.resolve("run.sh");
        Files.writeString(script, "#!/bin/sh\necho hello\n");
        archive = dir.resolve("hello-1.0-linux.tar.gz");
        ArchiveWriter.write(archive, ArchiveFormat.TAR_GZ, "hello-1.0-linux",
                List.of(new ArchiveEntry("run.sh", script, true, "file")), TIME);
    }

    private ImageSpec spec(String tag, String base) throws ProjectException {
        return new ImageSpec(ImageName.parse("example.org/acme/hello:" + tag, "<image><name>"), base,
                List.of("/app/run.sh"), null, Map.of("A", "1"), Map.of(), null, List.of("8080"),
                Map.of("org.opencontainers.image.version", "1.0"), TIME);
    }

    /** The record package-arch writes for a target whose archive holds the script (none where it is missing). */
    private static ImageTarget target(String id, String triple, Path archive) throws Exception {
        if (!Files.isRegularFile(archive)) {
            return new ImageTarget(id, TargetTriple.parse(triple), null, "target `" + id + "`: there is no record of"
                    + " what it ships; run package-arch before package-image");
        }
        Path script = archive.resolveSibling("run.sh");
        ShippedFile file = new ShippedFile("run.sh", script.toString(), "file", FileKind.DATA, true,
                Files.size(script), Files.getLastModifiedTime(script).toMillis(), Checksums.sha256(script), null, null);
        PackagedTarget record = new PackagedTarget(PackagedTarget.FORMAT, id, triple, archive.toString(),
                archive.toString().endsWith(".zip") ? "zip" : "tar.gz", Files.size(archive), Checksums.sha256(archive),
                "hello-1.0-linux", List.of(file));
        return new ImageTarget(id, TargetTriple.parse(triple), record, null);
    }

    private List<ImageTarget> targets() throws Exception {
        return List.of(target("x64", "x86_64-unknown-linux-gnu", archive),
                target("arm64", "aarch64-unknown-linux-gnu", archive),
                target("win", "x86_64-pc-windows-gnu", dir.resolve("absent.zip")));
    }

    private static JsonObject json(Path layout, String digest) throws Exception {
        return Oci.parse(Files.readAllBytes(layout.resolve("blobs/sha256/" + digest.substring(7))), digest);
    }

    private static Map<String, String> refs(Path layout) throws Exception {
        Map<String, String> refs = new TreeMap<>();
        for (JsonElement e : Oci.parse(Files.readAllBytes(layout.resolve("index.json")), "index").getAsJsonArray("manifests")) {
            JsonObject o = e.getAsJsonObject();
            refs.put(o.getAsJsonObject("annotations").get(Oci.REF_NAME).getAsString(), o.get("digest").getAsString());
        }
        return refs;
    }

    @Test
    void writesAnIndexWithARefPerPlatformAndLeavesWindowsOut() throws Exception {
        WorkLayout work = new WorkLayout(dir.resolve("a/target"));
        ImageBuilder.Result result = new ImageBuilder(spec("1.0", "scratch"), work, dir, NO_REGISTRY, log)
                .build(targets(), dir.resolve("a/target/image.tar"));
        assertThat(result.platforms()).containsExactly("linux/amd64", "linux/arm64/v8");
        assertThat(result.leftOut()).containsExactly("win");
        assertThat(lines).anyMatch(l -> l.startsWith("[win] left out of the image"));
        Map<String, String> refs = refs(result.layout());
        assertThat(refs).containsOnlyKeys("1.0", "1.0-amd64", "1.0-arm64");
        JsonObject index = json(result.layout(), refs.get("1.0"));
        assertThat(index.get("mediaType").getAsString()).isEqualTo(Oci.INDEX);
        JsonObject manifest = json(result.layout(), refs.get("1.0-arm64"));
        JsonObject config = json(result.layout(), manifest.getAsJsonObject("config").get("digest").getAsString());
        assertThat(config.get("architecture").getAsString()).isEqualTo("arm64");
        assertThat(config.get("variant").getAsString()).isEqualTo("v8");
        assertThat(config.getAsJsonObject("config").get("Entrypoint").toString()).isEqualTo("[\"/app/run.sh\"]");
        assertThat(config.getAsJsonObject("config").get("Env").toString()).contains("A=1").contains("PATH=");
        assertThat(config.getAsJsonObject("config").getAsJsonObject("ExposedPorts").has("8080/tcp")).isTrue();
        assertThat(config.getAsJsonObject("config").getAsJsonObject("Labels").get("org.opencontainers.image.version")
                .getAsString()).isEqualTo("1.0");
        assertThat(manifest.getAsJsonArray("layers")).hasSize(1);
        // the two platforms hold the same files: one layer blob
        JsonObject amd = json(result.layout(), refs.get("1.0-amd64"));
        assertThat(amd.getAsJsonArray("layers")).isEqualTo(manifest.getAsJsonArray("layers"));
    }

    @Test
    void unchangedIsNotWrittenAndAnotherDirectoryGivesTheSameBytes() throws Exception {
        Path tar = dir.resolve("a/image.tar");
        new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("a")), dir, NO_REGISTRY, log).build(targets(), tar);
        ImageBuilder.Result again = new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("a")), dir, NO_REGISTRY, log)
                .build(targets(), tar);
        assertThat(again.upToDate()).isTrue();
        Path other = dir.resolve("b/image.tar");
        new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("b")), dir, NO_REGISTRY, log).build(targets(), other);
        assertThat(Files.mismatch(tar, other)).isEqualTo(-1L);
        // another tag is another image: written again
        assertThat(new ImageBuilder(spec("2.0", "scratch"), new WorkLayout(dir.resolve("a")), dir, NO_REGISTRY, log)
                .build(targets(), tar).upToDate()).isFalse();
        assertThat(refs(dir.resolve("a/crossbuild/image"))).containsOnlyKeys("2.0", "2.0-amd64", "2.0-arm64");
    }

    @Test
    void anImageLayoutIsABaseForEachPlatform() throws Exception {
        ImageBuilder.Result base = new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("base")), dir, NO_REGISTRY,
                log).build(targets(), dir.resolve("base.tar"));
        ImageBuilder.Result on = new ImageBuilder(spec("2.0", "oci:base/crossbuild/image:1.0"), new WorkLayout(dir.resolve("on")), dir,
                NO_REGISTRY, log).build(targets(), dir.resolve("on.tar"));
        JsonObject baseManifest = json(base.layout(), refs(base.layout()).get("1.0-arm64"));
        JsonObject manifest = json(on.layout(), refs(on.layout()).get("2.0-arm64"));
        JsonArray layers = manifest.getAsJsonArray("layers");
        assertThat(layers).hasSize(2);
        assertThat(layers.get(0)).isEqualTo(baseManifest.getAsJsonArray("layers").get(0));
        JsonObject config = json(on.layout(), manifest.getAsJsonObject("config").get("digest").getAsString());
        assertThat(config.getAsJsonObject("rootfs").getAsJsonArray("diff_ids")).hasSize(2);
        assertThat(config.getAsJsonArray("history")).hasSize(2);
    }

    @Test
    void aDamagedBaseIsNamed() throws Exception {
        ImageBuilder.Result base = new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("base")), dir, NO_REGISTRY,
                log).build(targets(), dir.resolve("base.tar"));
        String manifest = refs(base.layout()).get("1.0-amd64");
        Path blob = base.layout().resolve("blobs/sha256/" + manifest.substring(7));
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 1;
        Files.write(blob, bytes);
        assertThatThrownBy(() -> new ImageBuilder(spec("2.0", "oci:base/crossbuild/image"), new WorkLayout(dir.resolve("on")), dir,
                NO_REGISTRY, log).build(targets(), dir.resolve("on.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("<image><base>oci:base/crossbuild/image</base>").hasMessageContaining(manifest)
                .hasMessageContaining("does not have that digest");
        Files.delete(blob);
        assertThatThrownBy(() -> new ImageBuilder(spec("2.0", "oci:base/crossbuild/image"), new WorkLayout(dir.resolve("on")), dir,
                NO_REGISTRY, log).build(targets(), dir.resolve("on.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("the blob " + manifest + " is missing");
        assertThatThrownBy(() -> new ImageBuilder(spec("2.0", "oci:nowhere"), new WorkLayout(dir.resolve("on")), dir,
                NO_REGISTRY, log).build(targets(), dir.resolve("on.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("is not an OCI image layout");
        assertThat(dir.resolve("on/crossbuild/image")).doesNotExist();
    }

    @Test
    void projectMistakesAreNamedAndNothingIsWritten() throws Exception {
        ImageSpec noEntrypoint = new ImageSpec(ImageName.parse("acme/hello:1.0", "<image><name>"), null, null, null,
                null, null, null, null, null, TIME);
        assertThatThrownBy(() -> new ImageBuilder(noEntrypoint, new WorkLayout(dir.resolve("w")), dir, NO_REGISTRY, log)
                .build(targets(), dir.resolve("w.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("its archive holds no program").hasMessageContaining("<image><entrypoint>");
        List<ImageTarget> missing = List.of(target("x64", "x86_64-unknown-linux-gnu",
                dir.resolve("none.tar.gz")));
        assertThatThrownBy(() -> new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("w")), dir, NO_REGISTRY, log)
                .build(missing, dir.resolve("w.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("run package-arch before package-image");
        List<ImageTarget> twice = List.of(target("gnu", "x86_64-unknown-linux-gnu",
                archive), target("musl", "x86_64-unknown-linux-musl", archive));
        assertThatThrownBy(() -> new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("w")), dir, NO_REGISTRY, log)
                .build(twice, dir.resolve("w.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("targets `gnu` and `musl` are both linux/amd64");
        List<ImageTarget> windowsOnly = List.of(target("win", "x86_64-pc-windows-gnu",
                archive));
        assertThatThrownBy(() -> new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("w")), dir, NO_REGISTRY, log)
                .build(windowsOnly, dir.resolve("w.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("no selected target is a Linux target (win)");
        ImageSpec badPort = new ImageSpec(ImageName.parse("acme/hello:1.0", "<image><name>"), null,
                List.of("/app/run.sh"), null, null, null, null, List.of("8080/tcp", "http", "70000"), null, TIME);
        assertThatThrownBy(() -> new ImageBuilder(badPort, new WorkLayout(dir.resolve("w")), dir, NO_REGISTRY, log)
                .build(targets(), dir.resolve("w.tar"))).isInstanceOf(ProjectException.class)
                .hasMessageContaining("<image><ports><port>http</port> is not a port")
                .hasMessageContaining("<port>70000</port>").hasMessageNotContaining("<port>8080/tcp</port>");
        assertThat(dir.resolve("w/crossbuild/image")).doesNotExist();
        assertThat(dir.resolve("w.tar")).doesNotExist();
    }

    @Test
    void aZipArchiveGivesTheSameImageAsItsTarGz() throws Exception {
        // -Dcrossbuild.archiveFormat=zip: package-arch writes zips for Linux targets too, and records them
        Path zip = dir.resolve("hello-1.0-linux.zip");
        ArchiveWriter.write(zip, ArchiveFormat.ZIP, "hello-1.0-linux",
                List.of(new ArchiveEntry("run.sh", dir.resolve("run.sh"), true, "file")), TIME);
        ImageBuilder.Result fromTar = new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("t")), dir, NO_REGISTRY,
                log).build(List.of(target("x64", "x86_64-unknown-linux-gnu", archive)), dir.resolve("t.tar"));
        Files.delete(archive);
        ImageBuilder.Result fromZip = new ImageBuilder(spec("1.0", "scratch"), new WorkLayout(dir.resolve("z")), dir, NO_REGISTRY,
                log).build(List.of(target("x64", "x86_64-unknown-linux-gnu", zip)), dir.resolve("z.tar"));
        assertThat(refs(fromZip.layout())).isEqualTo(refs(fromTar.layout()));
        assertThat(Files.mismatch(dir.resolve("t.tar"), dir.resolve("z.tar"))).isEqualTo(-1L);
    }
}
