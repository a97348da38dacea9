package dev.crossbuild.model;

import java.nio.file.Path;

/**
 * Every path the plugin writes under {@code target/crossbuild/}, in one place. Targets live under
 * {@code targets/<id>/}, so no target id can collide with the plugin's own folders ({@code env-cache},
 * {@code toolchain-cache}, {@code cargo}, the reports).
 *
 * @param buildDirectory the project's build directory ({@code project.build.directory})
 */
public record WorkLayout(Path buildDirectory) {

    public WorkLayout {
        buildDirectory = buildDirectory.toAbsolutePath().normalize();
    }

    /** {@code target/crossbuild}. */
    public Path root() {
        return buildDirectory.resolve("crossbuild");
    }

    /** Everything made for one target: {@code target/crossbuild/targets/<id>}. */
    public Path target(String targetId) {
        return root().resolve("targets").resolve(targetId);
    }

    /** The cargo target dir of one target: {@code target/crossbuild/targets/<id>/cargo}. */
    public Path cargoTargetDir(String targetId) {
        return target(targetId).resolve("cargo");
    }

    /**
     * The cargo target dir shared by targets built by one cargo invocation:
     * {@code target/crossbuild/groups/<id>+<id>…/cargo}. Each triple keeps its own subfolder in it.
     */
    public Path groupCargoTargetDir(java.util.List<String> targetIds) {
        return root().resolve("groups").resolve(String.join("+", targetIds)).resolve("cargo");
    }

    /** The record {@code cargo-build} writes for {@code package-arch}. */
    public Path cargoRecord(String targetId) {
        return target(targetId).resolve("cargo-build.json");
    }

    /** The script that repeats a failed cargo build by hand. */
    public Path cargoScript(String targetId) {
        return target(targetId).resolve("cargo-build.sh");
    }

    /** The plugin's zig wrappers of one target ({@code <linker>zig</linker>}): {@code targets/<id>/zig}. */
    public Path zigDir(String targetId) {
        return target(targetId).resolve("zig");
    }

    /** The native builds of one target: {@code target/crossbuild/targets/<id>/native}. */
    public Path nativeDir(String targetId) {
        return target(targetId).resolve("native");
    }

    /** The out-of-tree directory of one native build of one target. */
    public Path nativeOutput(String targetId, String buildId) {
        return nativeDir(targetId).resolve(buildId);
    }

    /** A file beside a native build's output directory: its stamp, cross file, source listing, failure script. */
    public Path nativeFile(String targetId, String buildId, String suffix) {
        return nativeDir(targetId).resolve(buildId + suffix);
    }

    /** The record {@code build-native} writes for {@code cargo-build} and {@code package-arch}. */
    public Path nativeRecord(String targetId) {
        return target(targetId).resolve("native-outputs.json");
    }

    /** Captured environments of {@code <vcvars>} scripts. */
    public Path envCache() {
        return root().resolve("env-cache");
    }

    /** Compiled WebAssembly modules of the plugin's WASI runtime, reused while a module is unchanged. */
    public Path wasiCache() {
        return root().resolve("wasi-cache");
    }

    /** Facts about Rust toolchains (versions, sysroot, target list), kept between builds. */
    public Path toolchainCache() {
        return root().resolve("toolchain-cache");
    }

    /** What {@code validate-toolchain} found. */
    public Path toolchainReport() {
        return root().resolve("toolchain.json");
    }

    /** What {@code package-arch} made. */
    public Path packageReport() {
        return root().resolve("report.json");
    }

    /** What the target's archive was last written from, to leave an up-to-date archive alone. */
    public Path archiveStamp(String targetId) {
        return target(targetId).resolve("archive.stamp");
    }

    /**
     * What the target ships, as {@code package-arch} (or a fan-in's verified prebuilt archive) packaged it: the one
     * record every later format reads ({@code target/crossbuild/packaged/<id>.json}).
     */
    public Path packagedRecord(String targetId) {
        return root().resolve("packaged").resolve(targetId + ".json");
    }

    /** Where a fan-in unpacks the target's verified prebuilt archive: {@code target/crossbuild/prebuilt/<id>}. */
    public Path prebuiltFiles(String targetId) {
        return root().resolve("prebuilt").resolve(targetId);
    }

    /** The script that runs the target's tests again by hand, as {@code cargo-test} ran them. */
    public Path testScript(String targetId) {
        return target(targetId).resolve("cargo-test.sh");
    }

    /** The multi-platform OCI image layout {@code package-image} writes: {@code target/crossbuild/image}. */
    public Path imageLayout() {
        return root().resolve("image");
    }

    /** What the image was last written from, to leave an unchanged image alone. */
    public Path imageStamp() {
        return root().resolve("image-stamp.txt");
    }

    /** Base images pulled from their registries, one OCI layout per reference. */
    public Path imageBases() {
        return root().resolve("image-base");
    }

    /** Where {@code package-linux} lays out each package's files before writing it. */
    public Path linuxPackagesWork() {
        return root().resolve("linux-packages");
    }

    /** What the JNI check last checked, to leave an unchanged set of classes and libraries alone. */
    public Path jniCheckStamp() {
        return root().resolve("jni-check.stamp");
    }

    /** The plan of the target's native JAR (its libraries, order and platform key), reused while its inputs hold. */
    public Path nativeJarPlan(String targetId) {
        return target(targetId).resolve("native-jar-plan.json");
    }

    /** What the target's native JAR was last written from. */
    public Path nativeJarStamp(String targetId) {
        return target(targetId).resolve("native-jar.stamp");
    }

    /** What the native JAR of every platform was last written from. */
    public Path nativeJarAllStamp() {
        return root().resolve("native-jar-all.stamp");
    }

    /** Where a fan-in unpacks the target's verified prebuilt native JAR. */
    public Path prebuiltNativeJar(String targetId) {
        return root().resolve("prebuilt-jars").resolve(targetId);
    }

    /** The copy of the project the reproducibility check builds a second time. */
    public Path secondBuild(String projectFolderName) {
        return root().resolve("reproducibility").resolve("second-build-of-" + projectFolderName);
    }

    /** Where the reproducibility check unpacks two archives that differ, to name the first difference. */
    public Path archiveComparison() {
        return root().resolve("compare");
    }

    /** The release hand-off: {@code target/crossbuild/release} (dist-manifest.json, checksums.txt, jreleaser.yml). */
    public Path releaseDirectory() {
        return root().resolve("release");
    }

    /** The lock one build of this project holds while it works here. */
    public Path lockFile() {
        return root().resolve(".lock");
    }
}
