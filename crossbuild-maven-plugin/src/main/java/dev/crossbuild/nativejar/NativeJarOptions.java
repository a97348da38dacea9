package dev.crossbuild.nativejar;

import dev.crossbuild.packaging.PackageOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code native-jar} was asked to do, as one immutable value.
 *
 * @param packaging       the build's files, the entry time, the cargo selection, the native builds and bundling, as
 *                        for archives
 * @param name            the folder of the libraries in the JAR ({@code META-INF/native/<name>/}), the name the
 *                        program passes to {@code NativeLibraries.extract}
 * @param nativeLibraries the shared libraries of the native builds to package, as names ({@code foo} for
 *                        {@code libfoo.so}, {@code foo.dll}, {@code libfoo.dylib}) or file-name globs
 * @param mainLibrary     the library the program loads, when the JAR holds several that no other needs; or null
 * @param all             also write one JAR with every target's libraries, classifier {@code all}
 * @param artifact        the project's {@code groupId:artifactId}, written into each index with {@code version}
 *                        for the loader's check against the Java JAR's version; or null
 * @param version         the project's version, or null
 */
public record NativeJarOptions(PackageOptions packaging, String name, List<String> nativeLibraries,
        String mainLibrary, boolean all, String artifact, String version) {

    /** The classifier of the JAR with every platform. */
    public static final String ALL = "all";

    /** Options whose indexes name no project version (the loader then skips its version check). */
    public NativeJarOptions(PackageOptions packaging, String name, List<String> nativeLibraries, String mainLibrary,
            boolean all) {
        this(packaging, name, nativeLibraries, mainLibrary, all, null, null);
    }

    public NativeJarOptions {
        artifact = artifact == null || artifact.isBlank() ? null : artifact.strip();
        version = version == null || version.isBlank() ? null : version.strip();
        nativeLibraries = nativeLibraries == null ? List.of()
                : nativeLibraries.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).toList();
        mainLibrary = mainLibrary == null || mainLibrary.isBlank() ? null : mainLibrary.trim();
    }

    /** {@code <finalName>-<classifier>.jar} in the build directory. */
    public Path jar(String classifier) {
        return packaging.buildDirectory().resolve(packaging.finalName() + "-" + classifier + ".jar");
    }
}
