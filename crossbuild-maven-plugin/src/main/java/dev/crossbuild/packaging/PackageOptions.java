package dev.crossbuild.packaging;

import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code package-arch} was asked to do, as one immutable value.
 *
 * @param layout                 the plugin's files; archives go to its build directory
 * @param baseDirectory          the project directory, which {@code packageFiles} are relative to
 * @param finalName              {@code project.build.finalName}: archives are {@code <finalName>-<id>.<ext>}
 * @param timestamp              the time of every archive entry
 * @param includeStaticLibraries also package cargo's static libraries (and native ones)
 * @param includeNativeOutputs   also package the executables and libraries of the target's native builds
 * @param packageFiles           extra files: paths or globs relative to the project directory
 * @param selection              the cargo profile and features whose binaries are packaged
 * @param nativeBuilds           the configured native builds, whose recorded outputs must match them
 * @param bundleLibraries        copy libraries the binaries need but the archive lacks from the toolchain
 * @param archiveFormat          the format of every archive, or null for each target's own (zip for Windows,
 *                               tar.gz for the others)
 * @param programFolder          the folder inside the top folder that holds the binaries and their libraries
 *                               ({@code bin}, as JReleaser's packagers expect), or empty for the top folder itself;
 *                               {@code packageFiles} stay at the top
 */
public record PackageOptions(WorkLayout layout, Path baseDirectory, String finalName, Instant timestamp,
        boolean includeStaticLibraries, boolean includeNativeOutputs, List<String> packageFiles,
        CargoSelection selection, List<NativeBuildSpec> nativeBuilds, boolean bundleLibraries,
        ArchiveFormat archiveFormat, String programFolder) {

    /** Each target in its own archive format. */
    public PackageOptions(WorkLayout layout, Path baseDirectory, String finalName, Instant timestamp,
            boolean includeStaticLibraries, boolean includeNativeOutputs, List<String> packageFiles,
            CargoSelection selection, List<NativeBuildSpec> nativeBuilds, boolean bundleLibraries) {
        this(layout, baseDirectory, finalName, timestamp, includeStaticLibraries, includeNativeOutputs, packageFiles,
                selection, nativeBuilds, bundleLibraries, null, "");
    }

    public PackageOptions {
        nativeBuilds = nativeBuilds == null ? List.of() : List.copyOf(nativeBuilds);
        programFolder = programFolder == null ? "" : programFolder.strip().replace('\\', '/')
                .replaceAll("^/+|/+$", "");
        packageFiles = packageFiles == null ? List.of()
                : packageFiles.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }

    /** The archive format of a target: the one chosen for all, or the target's own. */
    public ArchiveFormat format(TargetTriple triple) {
        return archiveFormat != null ? archiveFormat : ArchiveFormat.of(triple);
    }

    public Path buildDirectory() {
        return layout.buildDirectory();
    }

    public Path archive(String targetId, ArchiveFormat format) {
        return archive(buildDirectory(), finalName, targetId, format);
    }

    /** Where {@code package-arch} writes a target's archive: {@code <build>/<finalName>-<id>.<ext>}. */
    public static Path archive(Path buildDirectory, String finalName, String targetId, ArchiveFormat format) {
        return buildDirectory.resolve(finalName + "-" + targetId + "." + format.extension());
    }

    public String topFolder(String targetId) {
        return finalName + "-" + targetId;
    }
}
