package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fan-in over archives made here: a hostile or truncated one fails the set, and nothing is published. */
class PrebuiltArchivesTest {

    private static final TargetSpec LINUX = spec("linux-x64", "x86_64-unknown-linux-gnu");
    private static final TargetSpec WINDOWS = spec("windows-x64", "x86_64-pc-windows-gnu");

    @TempDir
    Path project;

    private Path jobs;
    private Path build;
    private PackageOptions options;

    @BeforeEach
    void jobsUploadedTheirArchives() throws Exception {
        jobs = Files.createDirectories(project.resolve("jobs"));
        build = project.resolve("target");
        options = new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED, false, false,
                List.of(), new CargoSelection("release", List.of(), false, false), List.of(), false);
        Path readme = Files.writeString(project.resolve("README.md"), "hello\n");
        for (TargetSpec target : List.of(LINUX, WINDOWS)) {
            Path archive = archive(target);
            Files.createDirectories(archive.getParent());
            ArchiveWriter.write(archive, ArchiveFormat.of(target.triple()), options.topFolder(target.id()),
                    List.of(new ArchiveEntry("README.md", readme, false, "file")), OutputTimestamp.FIXED);
            Checksums.writeSidecar(archive, Checksums.sha256(archive));
        }
    }

    @Test
    void aVerifiedSetIsPublished() throws Exception {
        Packager.Result result = gather();
        assertThat(result.archives()).extracting(a -> a.archive().getFileName().toString())
                .containsExactly("app-1.0-linux-x64.tar.gz", "app-1.0-windows-x64.zip");
        assertThat(build.resolve("SHA256SUMS")).exists();
    }

    @Test
    void aSymbolicLinkInATarFailsTheSet() throws Exception {
        Path archive = archive(LINUX);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(
                Files.newOutputStream(archive)))) {
            TarArchiveEntry link = new TarArchiveEntry("app-1.0-linux-x64/passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        Checksums.writeSidecar(archive, Checksums.sha256(archive));

        assertThat(failure()).contains("target `linux-x64`: " + archive + ": entry `app-1.0-linux-x64/passwd` is a"
                + " symbolic link to `/etc/passwd`: refused, the plugin's archives hold no links");
        nothingPublished();
    }

    @Test
    void aSymbolicLinkInAZipFailsTheSet() throws Exception {
        Path archive = archive(WINDOWS);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive)) {
            ZipArchiveEntry link = new ZipArchiveEntry("app-1.0-windows-x64/passwd");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        Checksums.writeSidecar(archive, Checksums.sha256(archive));

        assertThat(failure()).contains("target `windows-x64`: " + archive + ": entry `app-1.0-windows-x64/passwd` is a"
                + " symbolic link to `/etc/passwd`");
        nothingPublished();
    }

    @Test
    void aTruncatedArchiveWithAMatchingChecksumFailsTheSet() throws Exception {
        for (TargetSpec target : List.of(LINUX, WINDOWS)) {
            Path archive = archive(target);
            byte[] bytes = Files.readAllBytes(archive);
            Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
            Checksums.writeSidecar(archive, Checksums.sha256(archive));
        }

        String message = failure();
        assertThat(message).contains("target `linux-x64`: " + archive(LINUX) + " is truncated")
                .contains("target `windows-x64`: " + archive(WINDOWS) + " is truncated");
        nothingPublished();
    }

    private Packager.Result gather() throws Exception {
        return new PrebuiltArchives(options, BuildLog.SILENT).gather(List.of(LINUX, WINDOWS), jobs, true);
    }

    private String failure() {
        Throwable thrown = catchThrowable(this::gather);
        assertThat(thrown).isInstanceOf(ProjectException.class)
                .hasMessageContaining("are not a complete, verified set; nothing is attached or published");
        return thrown.getMessage();
    }

    private void nothingPublished() throws Exception {
        if (Files.exists(build)) {
            try (Stream<Path> files = Files.walk(build)) {
                assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".zip") || n.endsWith(".tar.gz") || n.equals("SHA256SUMS"));
            }
        }
        assertThat(options.layout().root().resolve("prebuilt/linux-x64/app-1.0-linux-x64/passwd")).doesNotExist();
    }

    private Path archive(TargetSpec target) {
        ArchiveFormat format = ArchiveFormat.of(target.triple());
        return jobs.resolve(target.id()).resolve(options.archive(target.id(), format).getFileName());
    }

    private static TargetSpec spec(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(), null,
                List.of(), Map.of());
    }
}
