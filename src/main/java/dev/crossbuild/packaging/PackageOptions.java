package dev.crossbuild.packaging;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code package-arch} was asked to do, as one immutable value.
 *
 * @param buildDirectory         {@code project.build.directory}: archives go here
 * @param baseDirectory          the project directory, which {@code packageFiles} are relative to
 * @param finalName              {@code project.build.finalName}: archives are {@code <finalName>-<id>.<ext>}
 * @param timestamp              the time of every archive entry
 * @param includeStaticLibraries also package cargo's static libraries (and native ones)
 * @param includeNativeOutputs   also package the executables and libraries of the target's native builds
 * @param packageFiles           extra files: paths or globs relative to the project directory
 */
public record PackageOptions(Path buildDirectory, Path baseDirectory, String finalName, Instant timestamp,
        boolean includeStaticLibraries, boolean includeNativeOutputs, List<String> packageFiles) {

    public PackageOptions {
        packageFiles = packageFiles == null ? List.of()
                : packageFiles.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }

    public Path archive(String targetId, ArchiveFormat format) {
        return buildDirectory.resolve(topFolder(targetId) + "." + format.extension());
    }

    public String topFolder(String targetId) {
        return finalName + "-" + targetId;
    }
}
