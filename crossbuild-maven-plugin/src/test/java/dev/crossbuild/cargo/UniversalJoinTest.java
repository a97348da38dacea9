package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.binary.ArchitectureCheck;
import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.binary.MachOFixtures;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.UniversalTargets;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join of a universal target's slices, on the Mach-O programs and libraries zig really builds for each slice,
 * with the real llvm-lipo: one universal file per file of the slices, recorded for the packaging goals.
 */
class UniversalJoinTest {

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private final BuildLog log = BuildLog.of(lines::add, lines::add, lines::add, l -> { }, () -> false);

    private final TargetSpec macos = new TargetSpec("macos", TargetTriple.parse(UniversalTargets.TRIPLE), "web",
            null, "zig", null, null, null, null, Map.of(), null, List.of(), Map.of());

    private CargoOptions options(WorkLayout layout) {
        return new CargoOptions(dir.resolve("Cargo.toml"), new CargoSelection("release", List.of(), false, false),
                layout, true, false, List.of(), Map.of(), Duration.ofMinutes(5), false, null, null, true);
    }

    /** What cargo-build records for one slice: a program and a dynamic library, where cargo writes them. */
    private CargoBuildRecord slice(WorkLayout layout, TargetTriple triple, String zigArch, boolean withLibrary)
            throws Exception {
        Path release = Files.createDirectories(layout.cargoTargetDir(UniversalTargets.sliceId("macos", triple))
                .resolve(triple.value()).resolve("release"));
        List<CargoArtifact> artifacts = new ArrayList<>();
        Path app = release.resolve("app");
        Files.copy(MachOFixtures.build(Files.createDirectories(dir.resolve("zig-" + zigArch)), zigArch, "exe"), app);
        artifacts.add(new CargoArtifact("bin", "app", app.toString()));
        if (withLibrary) {
            Path lib = release.resolve("libapp.dylib");
            Files.copy(MachOFixtures.build(dir.resolve("zig-" + zigArch), zigArch, "dylib"), lib);
            artifacts.add(new CargoArtifact("cdylib", "app", lib.toString()));
        }
        return new CargoBuildRecord(CargoBuildRecord.FORMAT, UniversalTargets.sliceId("macos", triple),
                triple.value(), options(layout).selection(), "SUCCESS", 1000, artifacts, null);
    }

    @Test
    void eachFileOfTheSlicesIsJoinedIntoOneUniversalFile() throws Exception {
        MachOFixtures.lipo();
        WorkLayout layout = new WorkLayout(dir.resolve("target"));
        List<CargoBuildRecord> built = List.of(slice(layout, UniversalTargets.SLICES.get(0), "aarch64", true),
                slice(layout, UniversalTargets.SLICES.get(1), "x86_64", true));
        UniversalJoin join = new UniversalJoin(new ProcessRunner(), log);
        List<CargoBuildRecord> records = join.joinAll(List.of(macos), built, options(layout), System.getenv());

        Path out = layout.cargoTargetDir("macos").resolve("universal2-apple-darwin/release");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("macos");
            assertThat(r.triple()).isEqualTo("universal2-apple-darwin");
            assertThat(r.durationMillis()).isGreaterThanOrEqualTo(2000);
            assertThat(r.artifacts()).containsExactly(new CargoArtifact("bin", "app", out.resolve("app").toString()),
                    new CargoArtifact("cdylib", "app", out.resolve("libapp.dylib").toString()));
        });
        // what package-arch reads: the record, and in it files with both slices
        assertThat(CargoBuildRecord.read(layout, "macos")).contains(records.get(0));
        var expected = ArchitectureCheck.expected(macos.triple()).orElseThrow();
        for (String name : List.of("app", "libapp.dylib")) {
            BinaryHeader header = BinaryHeaders.read(out.resolve(name)).orElseThrow();
            assertThat(header.architectures()).containsExactlyInAnyOrder("aarch64", "x86_64");
            assertThat(ArchitectureCheck.mismatch(header, expected)).isEmpty();
        }
        assertThat(lines).anyMatch(l -> l.startsWith("[macos] 2 universal files (aarch64 + x86_64) in " + out.getParent()
                + " with "));

        // nothing changed: the universal files are left alone
        var before = Files.getLastModifiedTime(out.resolve("app"));
        Thread.sleep(20);
        join.joinAll(List.of(macos), built, options(layout), System.getenv());
        assertThat(Files.getLastModifiedTime(out.resolve("app"))).isEqualTo(before);
    }

    @Test
    void aFileOneSliceLacksIsNamed() throws Exception {
        MachOFixtures.lipo();
        WorkLayout layout = new WorkLayout(dir.resolve("target"));
        List<CargoBuildRecord> built = List.of(slice(layout, UniversalTargets.SLICES.get(0), "aarch64", true),
                slice(layout, UniversalTargets.SLICES.get(1), "x86_64", false));
        assertThatThrownBy(() -> new UniversalJoin(new ProcessRunner(), log).joinAll(List.of(macos), built,
                options(layout), System.getenv())).isInstanceOf(ProjectException.class).hasMessage("target `macos`"
                        + " (universal2-apple-darwin): its x86_64-apple-darwin slice built no release/libapp.dylib to"
                        + " join with the aarch64-apple-darwin one; both slices build the same crates");
        assertThat(CargoBuildRecord.read(layout, "macos")).isEmpty();
    }

    @Test
    void aSliceNotBuiltIsNamed() throws Exception {
        MachOFixtures.lipo();
        WorkLayout layout = new WorkLayout(dir.resolve("target"));
        List<CargoBuildRecord> built = List.of(slice(layout, UniversalTargets.SLICES.get(0), "aarch64", false));
        assertThatThrownBy(() -> new UniversalJoin(new ProcessRunner(), log).joinAll(List.of(macos), built,
                options(layout), System.getenv())).isInstanceOf(ProjectException.class).hasMessage("target `macos`"
                        + " (universal2-apple-darwin): its x86_64-apple-darwin slice (`macos.x86_64`) was not built");
    }
}
