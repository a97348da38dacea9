package dev.crossbuild.nativejar;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.cargo.CargoArtifact;
import dev.crossbuild.cargo.CargoBuildRecord;
import dev.crossbuild.cargo.CargoSelection;
import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.NativeOutputs;
import dev.crossbuild.nativebuild.tool.NativeTool;
import dev.crossbuild.nativeloader.NativeIndex;
import dev.crossbuild.packaging.Checksums;
import dev.crossbuild.packaging.LibraryLocator;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.packaging.PackageOptions;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Native JARs from cargo records and native build outputs that point at libraries gcc really built. */
class NativeJarsTest {

    private static final CargoSelection RELEASE = new CargoSelection("release", List.of(), false, false);
    private static final NativeBuildSpec DEP = new NativeBuildSpec("dep", NativeTool.COMMAND, null, List.of("true"),
            Map.of(), List.of());

    @TempDir
    Path project;

    private Path build;
    private final TargetSpec host = spec("linux-x64", "x86_64-unknown-linux-gnu");
    private final TargetSpec arm64 = spec("linux-arm64", "aarch64-unknown-linux-gnu");

    @BeforeEach
    void setUp() {
        build = project.resolve("target");
    }

    /** The loader compares the index's project version with the Java JAR's; a new version writes the JAR again. */
    @Test
    void theIndexNamesTheProjectAndItsVersion() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc"), "gcc is needed");
        libraries(host, "gcc", "x64");
        Path jar = build.resolve("app-1.0-linux-x86_64.jar");
        String entry = "META-INF/native/hello/linux-x86_64/" + NativeIndex.FILE_NAME;
        NativeJars jars = new NativeJars(options(List.of("dep"), false, "com.example:app", "1.0"), BuildLog.SILENT,
                LibraryLocator.NONE);
        assertThat(jars.write(jars.plan(List.of(host))).get(0).changed()).isTrue();
        NativeIndex index = index(jar, entry);
        assertThat(index.artifact()).isEqualTo("com.example:app");
        assertThat(index.version()).isEqualTo("1.0");

        NativeJars next = new NativeJars(options(List.of("dep"), false, "com.example:app", "1.1"), BuildLog.SILENT,
                LibraryLocator.NONE);
        assertThat(next.write(next.plan(List.of(host))).get(0).changed()).as("a new version is no up-to-date JAR")
                .isTrue();
        assertThat(index(jar, entry).version()).isEqualTo("1.1");

        NativeJars none = new NativeJars(options(List.of("dep"), false), BuildLog.SILENT, LibraryLocator.NONE);
        none.write(none.plan(List.of(host)));
        assertThat(index(jar, entry).version()).isNull();
        assertThat(index(jar, entry).artifact()).isNull();
    }

    private static NativeIndex index(Path jar, String entry) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            return NativeIndex.read(in, "test");
        }
    }

    @Test
    void dependenciesFirstIndexedAndReproducible() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc"), "gcc is needed");
        Path main = libraries(host, "gcc", "x64");

        NativeJars jars = new NativeJars(options(List.of("dep"), false), BuildLog.SILENT, LibraryLocator.NONE);
        List<NativeJars.PlatformJar> plans = jars.plan(List.of(host));

        assertThat(plans).hasSize(1);
        NativeJars.PlatformJar plan = plans.get(0);
        assertThat(plan.platform()).isEqualTo("linux-x86_64");
        assertThat(plan.libraries()).extracting(e -> e.name()).containsExactly("libdep.so", "libmain.so");
        assertThat(plan.main()).isEqualTo("libmain.so");
        assertThat(plan.libc()).isEqualTo("gnu");

        List<NativeJars.Written> written = jars.write(plans);
        Path jar = build.resolve("app-1.0-linux-x86_64.jar");
        assertThat(written).extracting(NativeJars.Written::jar).containsExactly(jar);
        assertThat(written.get(0).changed()).isTrue();
        String folder = "META-INF/native/hello/linux-x86_64/";
        assertThat(entries(jar)).containsExactly("META-INF/", "META-INF/MANIFEST.MF", "META-INF/native/",
                "META-INF/native/hello/", folder, folder + "crossbuild-native.index", folder + "libdep.so",
                folder + "libmain.so");
        NativeIndex index;
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(folder
                + NativeIndex.FILE_NAME))) {
            index = NativeIndex.read(in, "test");
        }
        assertThat(index.triple()).isEqualTo("x86_64-unknown-linux-gnu");
        assertThat(index.main()).isEqualTo("libmain.so");
        assertThat(index.libraries()).extracting(NativeIndex.Library::file).containsExactly("libdep.so", "libmain.so");
        assertThat(index.library("libmain.so").sha256()).isEqualTo(Checksums.sha256(main));

        // up to date: not written; without the stamp: the same bytes, so the file and its time stay
        byte[] bytes = Files.readAllBytes(jar);
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(jar, old);
        Files.delete(new WorkLayout(build).target("linux-x64").resolve("native-jar.stamp"));
        assertThat(jars.write(jars.plan(List.of(host))).get(0).changed()).isFalse();
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(old);
        assertThat(jars.write(jars.plan(List.of(host))).get(0).changed()).isFalse();
        // another build directory, the same bytes
        Files.delete(jar);
        jars.write(jars.plan(List.of(host)));
        assertThat(Files.readAllBytes(jar)).isEqualTo(bytes);
    }

    @Test
    void allHoldsEveryPlatform() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc") && dev.crossbuild.Toolchains.onPath("aarch64-linux-gnu-gcc"), "gcc and aarch64-linux-gnu-gcc are needed");
        libraries(host, "gcc", "x64");
        libraries(arm64, "aarch64-linux-gnu-gcc", "arm64");
        NativeJars jars = new NativeJars(options(List.of("dep"), true), BuildLog.SILENT, LibraryLocator.NONE);

        List<NativeJars.Written> written = jars.write(jars.plan(List.of(host, arm64)));

        assertThat(written).extracting(NativeJars.Written::classifier).containsExactly("linux-x86_64",
                "linux-aarch_64", "all");
        assertThat(entries(build.resolve("app-1.0-all.jar"))).contains(
                "META-INF/native/hello/linux-x86_64/libmain.so", "META-INF/native/hello/linux-aarch_64/libmain.so",
                "META-INF/native/hello/linux-aarch_64/crossbuild-native.index");
    }

    @Test
    void aLibraryForAnotherMachineIsRefused() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc"), "gcc is needed");
        libraries(arm64, "gcc", "x64");

        assertThatThrownBy(() -> new NativeJars(options(List.of("dep"), false), BuildLog.SILENT, LibraryLocator.NONE)
                .plan(List.of(arm64)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("target `linux-arm64` (aarch64-unknown-linux-gnu): ")
                .hasMessageContaining("x86_64, but the target needs aarch64 (ELF)");
    }

    @Test
    void aDependencyLeftOutIsNamed() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc"), "gcc is needed");
        libraries(host, "gcc", "x64");

        assertThatThrownBy(() -> new NativeJars(options(List.of(), false), BuildLog.SILENT, LibraryLocator.NONE)
                .plan(List.of(host)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("libmain.so needs libdep.so")
                .hasMessageContaining("-Dcrossbuild.bundleLibraries=true");
    }

    @Test
    void aListedLibraryThatIsNotThereIsNamed() throws Exception {
        require(dev.crossbuild.Toolchains.onPath("gcc"), "gcc is needed");
        libraries(host, "gcc", "x64");

        assertThatThrownBy(() -> new NativeJars(options(List.of("dep", "zstd"), false), BuildLog.SILENT,
                LibraryLocator.NONE).plan(List.of(host)))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("<nativeLibrary>zstd</nativeLibrary> matches no shared library");
    }

    @Test
    void twoTargetsWithOneKeyAreAConfigurationErrorNamingBoth() throws Exception {
        TargetSpec other = spec("linux-x64-v3", "x86_64-unknown-linux-gnu");
        assertThatThrownBy(() -> NativeJars.platforms(List.of(host, other), "hello"))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("targets `linux-x64` and `linux-x64-v3` both have the platform key linux-x86_64")
                .hasMessageContaining("<platform>");
        assertThat(NativeJars.platforms(List.of(host, withPlatform(other, "linux-x86_64-v3")), "hello"))
                .containsEntry("linux-x64", "linux-x86_64").containsEntry("linux-x64-v3", "linux-x86_64-v3");
        assertThatThrownBy(() -> NativeJars.platforms(List.of(withPlatform(host, "all")), "hello"))
                .hasMessageContaining("`all` is the JAR of every platform");
        assertThatThrownBy(() -> NativeJars.platforms(List.of(spec("wasm", "wasm32-unknown-unknown")),
                "hello")).hasMessageContaining("has no Java platform key");
        assertThatThrownBy(() -> NativeJars.platforms(List.of(host), "a/b"))
                .hasMessageContaining("<nativeLibraryName>a/b</nativeLibraryName>");
        // the key of another architecture, or in upper case, which no loader looks up
        assertThatThrownBy(() -> NativeJars.platforms(List.of(withPlatform(host, "linux-aarch_64")), "hello"))
                .isInstanceOf(ProjectException.class)
                .hasMessage("native-jar: <target><id>linux-x64</id> (x86_64-unknown-linux-gnu) has"
                        + " <platform>linux-aarch_64</platform>, but the loader picks that key on a linux aarch_64 JVM,"
                        + " and this target's libraries are for linux-x86_64; use <platform>linux-x86_64</platform>,"
                        + " or a variant of it such as linux-x86_64-v3");
        assertThatThrownBy(() -> NativeJars.platforms(List.of(withPlatform(host, "Linux-X86_64")), "hello"))
                .hasMessageContaining("<platform>Linux-X86_64</platform>, but the loader looks platform keys up in"
                        + " lower case only").hasMessageEndingWith("use <platform>linux-x86_64</platform>");
    }

    @Test
    void libraryNamesInEveryPlatformsSpelling() {
        assertThat(NativeJarPlanner.matches("foo", "libfoo.so")).isTrue();
        assertThat(NativeJarPlanner.matches("foo", "libfoo.so.1.2")).isTrue();
        assertThat(NativeJarPlanner.matches("foo", "foo.dll")).isTrue();
        assertThat(NativeJarPlanner.matches("foo", "libfoo.dll")).isTrue();
        assertThat(NativeJarPlanner.matches("foo", "libfoo.1.dylib")).isTrue();
        assertThat(NativeJarPlanner.matches("foo", "libfoobar.so")).isFalse();
        assertThat(NativeJarPlanner.matches("foo", "foo.exe")).isFalse();
        assertThat(NativeJarPlanner.matches("libfoo-*.dll", "libfoo-2.dll")).isTrue();
    }

    /** libdep.so, a native build's output, and libmain.so needing it, the crate's cdylib. */
    private Path libraries(TargetSpec target, String compiler, String dir) throws Exception {
        Path out = project.resolve(dir);
        Files.createDirectories(out);
        Files.writeString(out.resolve("dep.c"), "int dep(void) { return 41; }\n");
        Files.writeString(out.resolve("main.c"), "int dep(void);\nint answer(void) { return dep() + 1; }\n");
        Path nativeOut = out.resolve("native");
        Files.createDirectories(nativeOut);
        run(out, compiler, "-shared", "-fPIC", "-o", "native/libdep.so", "dep.c");
        run(out, compiler, "-shared", "-fPIC", "-o", "libmain.so", "main.c", "-Lnative", "-ldep");
        NativeOutputs.write(new WorkLayout(build), target, Map.of("dep", nativeOut.toString()));
        Path main = out.resolve("libmain.so");
        CargoBuildRecord.of(target, RELEASE, "SUCCESS", 100, List.of(new CargoArtifact("cdylib", "main",
                main.toString())), null).write(new WorkLayout(build));
        return main;
    }

    private NativeJarOptions options(List<String> nativeLibraries, boolean all) {
        return options(nativeLibraries, all, null, null);
    }

    private NativeJarOptions options(List<String> nativeLibraries, boolean all, String artifact, String version) {
        PackageOptions packaging = new PackageOptions(new WorkLayout(build), project, "app-1.0", OutputTimestamp.FIXED,
                false, !nativeLibraries.isEmpty(), List.of(), RELEASE, List.of(DEP), false);
        return new NativeJarOptions(packaging, "hello", nativeLibraries, null, all, artifact, version);
    }

    private static List<String> entries(Path jar) throws Exception {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** The target with the {@code <platform>} the pom sets for it. */
    static TargetSpec withPlatform(TargetSpec t, String platform) {
        return new TargetSpec(t.id(), t.triple(), t.toolchain(), t.rustflags(), t.linker(), t.cc(), t.cxx(), t.ar(),
                t.runner(), t.env(), t.vcvars(), t.vcvarsArgs(), t.properties(), t.testArgs(), t.allowedLibraries(),
                t.glibc(), t.macosMin(), t.buildStd(), platform);
    }

    private static TargetSpec spec(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(), null,
                List.of(), Map.of());
    }

}
