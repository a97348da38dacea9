package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static dev.crossbuild.Toolchains.require;

import dev.crossbuild.cargo.CargoArtifact;
import dev.crossbuild.cargo.CargoBuildRecord;
import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.tool.NativeTool;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.RecordingLog;
import dev.crossbuild.core.Json;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.model.TargetTriple;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packaging from cargo build records that point at binaries gcc and aarch64-linux-gnu-gcc really built. */
class PackagerTest {

    private static final CargoSelection RELEASE = new CargoSelection("release", List.of(), false, false);
    private static final NativeBuildSpec TRAY = new NativeBuildSpec("tray", NativeTool.COMMAND, null, List.of("true"),
            Map.of(), List.of());

    @TempDir
    Path project;

    private Path build;
    private Path hostBinary;
    private Path arm64Binary;

    private final TargetSpec host = spec("linux-x64", "x86_64-unknown-linux-gnu");
    private final TargetSpec arm64 = spec("linux-arm64", "aarch64-unknown-linux-gnu");

    @BeforeEach
    void compile() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc") && dev.crossbuild.Toolchains.onPath("aarch64-linux-gnu-gcc"), "gcc and aarch64-linux-gnu-gcc are needed");
        build = project.resolve("target");
        Files.writeString(project.resolve("hello.c"), "int main(void) { return 0; }\n");
        Files.writeString(project.resolve("README.md"), "hello\n");
        Files.createDirectories(project.resolve("licenses"));
        Files.writeString(project.resolve("licenses/MIT.txt"), "MIT\n");
        hostBinary = cc("gcc", "out-host/hello");
        arm64Binary = cc("aarch64-linux-gnu-gcc", "out-arm64/hello");
    }

    @Test
    void packagesEachTargetWithChecksumsAndReport() throws Exception {
        record(host, hostBinary);
        record(arm64, arm64Binary);

        Packager.Result result = new Packager(options(List.of("README.md", "licenses/*.txt")), BuildLog.SILENT)
                .packageTargets(List.of(host, arm64));

        assertThat(result.archives()).extracting(a -> a.archive().getFileName().toString())
                .containsExactly("app-1.0-linux-x64.tar.gz", "app-1.0-linux-arm64.tar.gz");
        for (Packager.PackagedArchive archive : result.archives()) {
            String sha = Checksums.sha256(archive.archive());
            assertThat(Files.readString(archive.checksum())).isEqualTo(sha + "  " + archive.archive().getFileName()
                    + "\n");
            assertThat(Files.readString(result.sums())).contains(sha + "  " + archive.archive().getFileName());
        }
        BuildReport report = Json.read(new WorkLayout(build).packageReport(), BuildReport.class);
        BuildReport.TargetReport arm = report.targets().get(1);
        assertThat(arm.result()).isEqualTo("SUCCESS");
        assertThat(arm.archive().sha256()).isEqualTo(Checksums.sha256(result.archives().get(1).archive()));
        assertThat(arm.artifacts()).extracting(BuildReport.FileReport::path).containsExactly(
                "app-1.0-linux-arm64/README.md", "app-1.0-linux-arm64/hello", "app-1.0-linux-arm64/licenses/MIT.txt");
        assertThat(arm.artifacts().get(1).architecture()).endsWith("aarch64");
        assertThat(arm.artifacts().get(1).sha256()).isEqualTo(Checksums.sha256(arm64Binary));
        assertThat(result.report().summaryLines()).anyMatch(l -> l.contains("app-1.0-linux-arm64/hello")
                && l.contains("aarch64"));
    }

    @Test
    void recordsWhatEachTargetShipsAndTheFanInOfItsArchiveRecordsTheSame() throws Exception {
        record(arm64, arm64Binary);
        PackageOptions zip = new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED,
                false, false, List.of("README.md"), RELEASE, List.of(), false, ArchiveFormat.ZIP, "");
        Packager.Result result = new Packager(zip, BuildLog.SILENT).packageTargets(List.of(arm64));

        PackagedTarget.Lookup found = PackagedTarget.find(new WorkLayout(build), arm64, "package-image");
        assertThat(found.problem()).isNull();
        PackagedTarget local = found.record().orElseThrow();
        // the archive as it was written, in the chosen format, not rebuilt from the triple
        assertThat(local.archiveFile()).isEqualTo(result.archives().get(0).archive().toAbsolutePath());
        assertThat(local.archiveFormat()).isEqualTo("zip");
        assertThat(local.sha256()).isEqualTo(Checksums.sha256(local.archiveFile()));
        assertThat(local.files()).extracting(ShippedFile::path, ShippedFile::kind, ShippedFile::executable)
                .containsExactly(tuple("README.md", FileKind.DATA, false), tuple("hello", FileKind.PROGRAM, true));
        ShippedFile hello = local.files().get(1);
        assertThat(hello.header().architectures()).containsExactly("aarch64");
        assertThat(hello.needs().libraries()).contains("libc.so.6");
        assertThat(hello.sha256()).isEqualTo(Checksums.sha256(arm64Binary));
        assertThat(local.files().get(0).header()).isNull();

        // a fan-in of that archive records the same files, kinds, headers and needs (only where each file is)
        Path jobs = Files.createDirectories(project.resolve("jobs"));
        Files.copy(local.archiveFile(), jobs.resolve(local.archiveFile().getFileName()));
        Files.copy(result.archives().get(0).checksum(), jobs.resolve(result.archives().get(0).checksum()
                .getFileName()));
        PackagedTarget.forget(new WorkLayout(project.resolve("fan-in")), arm64.id());
        PackageOptions fanIn = new PackageOptions(new WorkLayout(project.resolve("fan-in")), project, "app-1.0",
                OutputTimestamp.FIXED, false, false, List.of(), RELEASE, List.of(), false, ArchiveFormat.ZIP, "");
        new PrebuiltArchives(fanIn, BuildLog.SILENT).gather(List.of(arm64), jobs, true);
        PackagedTarget prebuilt = PackagedTarget.find(new WorkLayout(project.resolve("fan-in")), arm64, "package-image")
                .record().orElseThrow();
        assertThat(prebuilt.sha256()).isEqualTo(local.sha256());
        assertThat(prebuilt.files()).extracting(ShippedFile::path, ShippedFile::kind, ShippedFile::executable,
                ShippedFile::size, ShippedFile::sha256, ShippedFile::header, ShippedFile::needs)
                .isEqualTo(local.files().stream().map(f -> tuple(f.path(), f.kind(), f.executable(), f.size(),
                        f.sha256(), f.header(), f.needs())).toList());
        assertThat(prebuilt.files().get(1).sourceFile()).startsWith(project.resolve("fan-in/crossbuild/prebuilt"));
    }

    @Test
    void aRecordThatNoLongerDescribesTheFilesIsNotUsed() throws Exception {
        record(host, hostBinary);
        WorkLayout layout = new WorkLayout(build);
        assertThat(PackagedTarget.find(layout, host, "package-linux").problem())
                .contains("there is no record of what it ships").contains("run package-arch before package-linux");
        new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host));
        assertThat(PackagedTarget.find(layout, host, "package-linux").record()).isPresent();
        // the binary rebuilt after packaging: the record is stale, and says what changed
        Files.writeString(hostBinary, "changed");
        assertThat(PackagedTarget.find(layout, host, "package-linux").problem())
                .contains(hostBinary + " changed").contains("run package-arch before package-linux");
        // another target under the same id
        hostBinary = cc("gcc", "out-host/hello");
        new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host));
        assertThat(PackagedTarget.find(layout, spec("linux-x64", "x86_64-unknown-linux-musl"), "package-image")
                .problem()).contains("is for x86_64-unknown-linux-gnu");
        // a failed packaging leaves no record behind
        record(host, arm64Binary);
        assertThatThrownBy(() -> new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host)))
                .isInstanceOf(ProjectException.class);
        assertThat(layout.packagedRecord(host.id())).doesNotExist();
    }

    @Test
    void programsInAFolderOfTheirOwnAndOneArchiveFormatForAll() throws Exception {
        record(arm64, arm64Binary);
        PackageOptions binZip = new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED,
                false, false, List.of("README.md"), RELEASE, List.of(), false, ArchiveFormat.ZIP, "bin");

        Packager.Result result = new Packager(binZip, BuildLog.SILENT).packageTargets(List.of(arm64));

        assertThat(result.archives().get(0).archive().getFileName().toString()).isEqualTo("app-1.0-linux-arm64.zip");
        Path unpacked = project.resolve("unpacked");
        List<String> names = ArchiveReader.extract(result.archives().get(0).archive(), ArchiveFormat.ZIP, unpacked);
        assertThat(names).contains("app-1.0-linux-arm64/bin/hello", "app-1.0-linux-arm64/README.md")
                .doesNotContain("app-1.0-linux-arm64/hello");
        assertThat(unpacked.resolve("app-1.0-linux-arm64/bin/hello")).hasSameBinaryContentAs(arm64Binary);
    }

    @Test
    void refusesTheHostBinaryInTheArm64TargetNamingFileArchAndExpectedArch() throws Exception {
        record(host, hostBinary);
        record(arm64, hostBinary);

        assertThatThrownBy(() -> new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host, arm64)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `linux-arm64` (aarch64-unknown-linux-gnu): " + hostBinary)
                .hasMessageContaining("x86_64, but the target needs aarch64 (ELF)")
                .hasMessageContaining("mvn clean package");
        assertThat(build.resolve("app-1.0-linux-x64.tar.gz")).doesNotExist();
        BuildReport report = Json.read(new WorkLayout(build).packageReport(), BuildReport.class);
        assertThat(report.targets()).extracting(BuildReport.TargetReport::result)
                .containsExactly("NOT PACKAGED", "FAILED");
    }

    @Test
    void namesTheMissingCargoBuildAndTheUnmatchedPackageFile() {
        assertThatThrownBy(() -> new Packager(options(List.of("LICENSE*")), BuildLog.SILENT)
                .packageTargets(List.of(host)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("nothing to package: there is no cargo build record")
                .hasMessageContaining("run cargo-build before package-arch")
                .hasMessageContaining("<packageFiles><packageFile>LICENSE*</packageFile> matches no file");
    }

    @Test
    void aFailedCargoBuildIsNotPackaged() throws Exception {
        CargoBuildRecord.of(host, RELEASE, "FAILED", 5, List.of(), "error[E0308]: mismatched types")
                .write(new WorkLayout(build));

        assertThatThrownBy(() -> new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host)))
                .hasMessageContaining("its cargo build failed (error[E0308]: mismatched types)");
    }

    @Test
    void nativeOutputsAndStaticLibrariesWhenAsked() throws Exception {
        Path nativeDir = project.resolve("native-out");
        Files.createDirectories(nativeDir.resolve("meson-private"));
        Path library = cc("aarch64-linux-gnu-gcc", "native-out/libtray.so", "-shared", "-fPIC");
        cc("aarch64-linux-gnu-gcc", "native-out/tray.o", "-c");
        // meson's sanity check program is built for the target but is no product
        cc("aarch64-linux-gnu-gcc", "native-out/meson-private/sanitycheckc.exe");
        Path archive = ar("aarch64-linux-gnu-ar", "native-out/libtray.a", "native-out/tray.o");
        NativeOutputs.write(new WorkLayout(build), arm64, Map.of("tray", nativeDir.toString()));
        CargoBuildRecord.of(arm64, RELEASE, "SUCCESS", 1, List.of(
                new CargoArtifact("bin", "hello", arm64Binary.toString()),
                new CargoArtifact("staticlib", "hello", archive.toString())), null).write(new WorkLayout(build));

        PackageOptions withoutExtras = options(List.of());
        BuildReport plain = new Packager(withoutExtras, BuildLog.SILENT).packageTargets(List.of(arm64)).report();
        assertThat(plain.targets().get(0).artifacts()).extracting(BuildReport.FileReport::path)
                .containsExactly("app-1.0-linux-arm64/hello");

        PackageOptions withExtras = new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED, true,
                true, List.of(), RELEASE, List.of(TRAY), false);
        BuildReport full = new Packager(withExtras, BuildLog.SILENT).packageTargets(List.of(arm64)).report();
        assertThat(full.targets().get(0).artifacts()).extracting(BuildReport.FileReport::path, BuildReport.FileReport::kind)
                .containsExactly(tuple("app-1.0-linux-arm64/hello", "bin"),
                        tuple("app-1.0-linux-arm64/libtray.a", "staticlib"),
                        tuple("app-1.0-linux-arm64/libtray.so", "native:tray"));
        assertThat(library).exists();
    }

    @Test
    void aNativeOutputForTheWrongMachineIsRefusedToo() throws Exception {
        Path nativeDir = project.resolve("native-out");
        cc("gcc", "native-out/libtray.so", "-shared", "-fPIC");
        NativeOutputs.write(new WorkLayout(build), arm64, Map.of("tray", nativeDir.toString()));
        record(arm64, arm64Binary);
        PackageOptions withNative = new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED, false,
                true, List.of(), RELEASE, List.of(TRAY), false);

        assertThatThrownBy(() -> new Packager(withNative, BuildLog.SILENT).packageTargets(List.of(arm64)))
                .hasMessageContaining(nativeDir.resolve("libtray.so") + " (native:tray) is ELF 64-bit LSB shared object,"
                        + " x86_64, but the target needs aarch64 (ELF)");
    }

    @Test
    void aRecordOfAnotherProfileOrFeaturesIsStaleAndNotPackaged() throws Exception {
        record(host, hostBinary, new CargoSelection("dev", List.of(), false, false));
        assertThatThrownBy(() -> new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `linux-x64` (x86_64-unknown-linux-gnu): the cargo build record")
                .hasMessageContaining("is stale: it was built with profile `dev`, features [], but this build packages"
                        + " profile `release`, features []")
                .hasMessageContaining("run cargo-build again");
        assertThat(build.resolve("app-1.0-linux-x64.tar.gz")).doesNotExist();

        record(host, hostBinary, new CargoSelection("release", List.of("tray"), false, false));
        assertThatThrownBy(() -> new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host)))
                .hasMessageContaining("profile `release`, features [tray], but this build packages profile `release`,"
                        + " features []");

        // features named in another order or spelling select the same build
        record(host, hostBinary, new CargoSelection("release", List.of("b,a"), false, false));
        CargoSelection same = new CargoSelection("release", List.of("a", "b"), false, false);
        assertThat(new Packager(new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED,
                false, false, List.of(), same, List.of(), false), BuildLog.SILENT).packageTargets(List.of(host)).archives())
                .hasSize(1);
    }

    @Test
    void aRecordOfAnotherTripleIsStaleAndNotPackaged() throws Exception {
        record(host, hostBinary);
        TargetSpec nowMusl = spec("linux-x64", "x86_64-unknown-linux-musl");
        assertThatThrownBy(() -> new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(nowMusl)))
                .hasMessageContaining("is stale: it was built for x86_64-unknown-linux-gnu, but the target is now"
                        + " x86_64-unknown-linux-musl");
    }

    @Test
    void nativeOutputsOfAnotherTripleOrBuildListAreRefused() throws Exception {
        Path nativeDir = Files.createDirectories(project.resolve("native-out"));
        record(arm64, arm64Binary);
        PackageOptions withNative = new PackageOptions(new WorkLayout(build), project, "app-1.0",
                OutputTimestamp.FIXED, false, true, List.of(), RELEASE, List.of(TRAY), false);
        NativeOutputs.write(new WorkLayout(build), spec("linux-arm64", "armv7-unknown-linux-gnueabihf"),
                Map.of("tray", nativeDir.toString()));
        assertThatThrownBy(() -> new Packager(withNative, BuildLog.SILENT).packageTargets(List.of(arm64)))
                .hasMessageContaining("holds outputs built for armv7-unknown-linux-gnueabihf, but the target is now"
                        + " aarch64-unknown-linux-gnu; run build-native again");
        NativeOutputs.write(new WorkLayout(build), arm64, Map.of("old", nativeDir.toString()));
        assertThatThrownBy(() -> new Packager(withNative, BuildLog.SILENT).packageTargets(List.of(arm64)))
                .hasMessageContaining("holds outputs of the native builds [old], but [tray] are configured");
    }

    @Test
    void anArchiveWhoseInputsDidNotChangeIsNotWrittenAgain() throws Exception {
        record(host, hostBinary);
        java.util.List<String> lines = new java.util.ArrayList<>();
        BuildLog recording = new RecordingLog(lines);
        Path archive = new Packager(options(List.of()), recording).packageTargets(List.of(host)).archives().get(0)
                .archive();
        var written = Files.getLastModifiedTime(archive);
        String sha = Checksums.sha256(archive);
        Thread.sleep(20);
        var report = new Packager(options(List.of()), recording).packageTargets(List.of(host)).report().targets()
                .get(0);
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(written);
        assertThat(lines).anyMatch(l -> l.contains("app-1.0-linux-x64.tar.gz is up to date"));
        assertThat(Checksums.sha256(archive)).isEqualTo(sha);
        // the checksums of the report come from the stamp, and are those of the bytes
        assertThat(report.archive().sha256()).isEqualTo(sha);
        assertThat(report.artifacts()).extracting(BuildReport.FileReport::sha256)
                .containsExactly(Checksums.sha256(hostBinary));

        // a changed binary, or an archive changed by someone else, is written again
        Files.setLastModifiedTime(hostBinary, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(hostBinary).toMillis() + 5_000));
        lines.clear();
        new Packager(options(List.of()), recording).packageTargets(List.of(host));
        assertThat(lines).noneMatch(l -> l.contains("up to date"));
        Files.writeString(archive, "damaged");
        new Packager(options(List.of()), recording).packageTargets(List.of(host));
        assertThat(Checksums.sha256(archive)).isEqualTo(sha);
    }

    @Test
    void archivesAreReadableByEveryone() throws Exception {
        record(host, hostBinary);
        Packager.Result result = new Packager(options(List.of()), BuildLog.SILENT).packageTargets(List.of(host));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                result.archives().get(0).archive()))).isEqualTo("rw-r--r--");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                new WorkLayout(build).packageReport()))).isEqualTo("rw-r--r--");
    }

    @Test
    void twoFilesUnderOneNameAreRefused() throws Exception {
        record(host, hostBinary);
        Files.writeString(project.resolve("hello"), "a file named like the binary\n");

        assertThatThrownBy(() -> new Packager(options(List.of("hello")), BuildLog.SILENT).packageTargets(List.of(host)))
                .hasMessageContaining("two files would be packaged as `hello`: " + hostBinary + " (bin) and "
                        + project.resolve("hello") + " (file)");
    }

    private Path ar(String archiver, String output, String member) throws Exception {
        Process p = new ProcessBuilder(archiver, "rcs", output, member).directory(project.toFile()).inheritIO().start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        return project.resolve(output);
    }

    private PackageOptions options(List<String> files) {
        return new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED, false, false, files,
                RELEASE, List.of(), false);
    }

    private void record(TargetSpec target, Path binary) throws Exception {
        record(target, binary, RELEASE);
    }

    private void record(TargetSpec target, Path binary, CargoSelection selection) throws Exception {
        CargoBuildRecord.of(target, selection, "SUCCESS", 1200,
                List.of(new CargoArtifact("bin", "hello", binary.toString())), null).write(new WorkLayout(build));
    }

    private Path cc(String compiler, String output, String... flags) throws Exception {
        Path out = project.resolve(output);
        Files.createDirectories(out.getParent());
        List<String> command = new java.util.ArrayList<>(List.of(compiler));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", out.toString(), "hello.c"));
        Process p = new ProcessBuilder(command).directory(project.toFile()).inheritIO().start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    private static TargetSpec spec(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(), null,
                List.of(), Map.of());
    }

}
