package dev.crossbuild.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistManifestTest {

    @TempDir
    Path base;

    private static TargetSpec target(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }

    private AttachedFile file(String name, String classifier, String type) throws Exception {
        Path file = Files.createDirectories(base.resolve("target")).resolve(name);
        Files.writeString(file, name);
        return new AttachedFile(file, classifier, type);
    }

    @Test
    void everyAttachedFileWithItsTargetFoundByIdOrPlatformKey() throws Exception {
        List<TargetSpec> targets = List.of(target("linux-arm64", "aarch64-unknown-linux-gnu"),
                target("win", "x86_64-pc-windows-gnu"), target("musl", "x86_64-unknown-linux-musl"));
        List<AttachedFile> files = List.of(
                file("app-1.0-linux-arm64.tar.gz", "linux-arm64", "tar.gz"),
                file("app-1.0-linux-arm64.tar.gz.sha256", "linux-arm64", "tar.gz.sha256"),
                file("app-1.0-win.zip", "win", "zip"),
                file("app-1.0-linux-arm64.cdx.json", "linux-arm64", "cdx.json"),
                // a native JAR's classifier is the platform key; a package's the target id; an image has none
                file("app-1.0-linux-x86_64-musl.jar", "linux-x86_64-musl", "jar"),
                file("app-1.0-linux-arm64.deb", "linux-arm64", "deb"),
                file("app-1.0-image.tar", "image", "tar"),
                file("app-1.0.pom", "", "pom"));
        DistManifest manifest = DistManifest.of(new DistManifest.Coordinates("g", "app", "1.0"), files, targets,
                base);

        assertThat(manifest.artifacts()).extracting(ReleaseArtifact::file).isSorted().hasSize(8);
        ReleaseArtifact arm = find(manifest, "app-1.0-linux-arm64.tar.gz");
        assertThat(arm.kind()).isEqualTo("archive");
        assertThat(arm.target()).isEqualTo("linux-arm64");
        assertThat(arm.triple()).isEqualTo("aarch64-unknown-linux-gnu");
        assertThat(arm.platforms()).isEqualTo(new ReleaseArtifact.Platforms("linux-aarch_64", "linux-aarch_64",
                "linux/arm64/v8"));
        assertThat(arm.path()).isEqualTo("target/app-1.0-linux-arm64.tar.gz");
        assertThat(arm.size()).isEqualTo(Files.size(base.resolve(arm.path())));
        ReleaseArtifact jar = find(manifest, "app-1.0-linux-x86_64-musl.jar");
        assertThat(jar.target()).isEqualTo("musl");
        assertThat(jar.platforms().jreleaser()).isEqualTo("linux_musl-x86_64");
        assertThat(find(manifest, "app-1.0-win.zip").platforms().oci()).isNull();
        assertThat(find(manifest, "app-1.0-linux-arm64.cdx.json").kind()).isEqualTo("sbom");
        assertThat(find(manifest, "app-1.0-linux-arm64.deb").kind()).isEqualTo("package");
        assertThat(find(manifest, "app-1.0-linux-arm64.tar.gz.sha256").kind()).isEqualTo("checksum");
        ReleaseArtifact image = find(manifest, "app-1.0-image.tar");
        assertThat(image.kind()).isEqualTo("image");
        assertThat(image.target()).isNull();
        assertThat(find(manifest, "app-1.0.pom").kind()).isEqualTo("pom");
        assertThat(manifest.archives()).extracting(ReleaseArtifact::file)
                .containsExactly("app-1.0-linux-arm64.tar.gz", "app-1.0-win.zip");

        // checksums.txt is what sha256sum -c reads, without the checksum files themselves
        Path folder = base.resolve("target/crossbuild/release");
        manifest.write(folder);
        assertThat(Files.readString(folder.resolve(DistManifest.CHECKSUMS))).doesNotContain(".sha256").hasLineCount(7);
        var check = new ProcessRunner().capture(ProcessSpec.of(List.of("sha256sum", "-c",
                folder.resolve(DistManifest.CHECKSUMS).toString()), base.resolve("target"), System.getenv()));
        assertThat(check.result().exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(Files.readString(folder.resolve(DistManifest.FILE))).contains("\"format\": \"crossbuild-dist-manifest/1\"");
    }

    @Test
    void aTargetsOwnPlatformKeyNamesItsNativeJar() throws Exception {
        List<TargetSpec> targets = List.of(new TargetSpec("linux-arm64",
                TargetTriple.parse("aarch64-unknown-linux-gnu"), null, null, null, null, null, null, null, Map.of(), null,
                List.of(), Map.of(), List.of(), List.of(), null, null, false, "linux-aarch_64-graviton"),
                target("linux-x64", "x86_64-unknown-linux-gnu"));
        List<AttachedFile> files = List.of(file("app-1.0-linux-aarch_64-graviton.jar", "linux-aarch_64-graviton", "jar"),
                file("app-1.0-linux-x86_64.jar", "linux-x86_64", "jar"),
                file("app-1.0-linux-aarch_64.jar", "linux-aarch_64", "jar"));
        DistManifest manifest = DistManifest.of(new DistManifest.Coordinates("g", "app", "1.0"), files, targets,
                base);

        ReleaseArtifact own = find(manifest, "app-1.0-linux-aarch_64-graviton.jar");
        assertThat(own.target()).isEqualTo("linux-arm64");
        assertThat(own.platforms()).isEqualTo(new ReleaseArtifact.Platforms("linux-aarch_64-graviton",
                "linux-aarch_64", "linux/arm64/v8"));
        assertThat(find(manifest, "app-1.0-linux-x86_64.jar").target()).isEqualTo("linux-x64");
        // the triple's key is no longer that target's classifier: such a file is not its native JAR
        assertThat(find(manifest, "app-1.0-linux-aarch_64.jar").target()).isNull();
    }

    private static ReleaseArtifact find(DistManifest manifest, String file) {
        return manifest.artifacts().stream().filter(a -> a.file().equals(file)).findFirst().orElseThrow();
    }
}
