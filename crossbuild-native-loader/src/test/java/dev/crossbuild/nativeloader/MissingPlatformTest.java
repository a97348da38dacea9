package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No JAR for this platform on the class path: the message names the key, the paths tried, what is there, the fix. */
class MissingPlatformTest {

    @TempDir
    static Path shared;

    static Fixture fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void build() throws Exception {
        fixture = Fixture.build(shared.resolve("fixture"));
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(NativeLibraries.PLATFORM_PROPERTY);
        System.clearProperty(NativeLibraries.DIR_PROPERTY);
    }

    /**
     * The application's JAR (with Maven's pom.properties), a JAR for another platform, and a JAR for a key
     * this loader has no name for, listed through its folder entries.
     */
    @Test
    void theMessageListsKeyTriedPresentAndTheDependency() throws Exception {
        Path app = work.resolve("hello-jni-1.4.2.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            entry(out, "demo/Hello.class", Files.readAllBytes(fixture.demoClasses.resolve("demo/Hello.class")));
            entry(out, "META-INF/maven/com.example/hello-jni/pom.properties",
                    "groupId=com.example\nartifactId=hello-jni\nversion=1.4.2\n".getBytes(StandardCharsets.UTF_8));
        }
        String other = fixture.platform.startsWith("windows-") ? "osx-aarch_64" : "windows-x86_64";
        Path otherJar = work.resolve("hello-jni-1.4.2-" + other + ".jar");
        Fixture.writeJar(otherJar, Fixture.NAME, other, Arrays.<Object>asList("hello.dll", new byte[] {'M', 'Z'}));
        Path strange = work.resolve("hello-jni-1.4.2-linux-e2k.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(strange))) {
            entry(out, "META-INF/", null);
            entry(out, "META-INF/native/", null);
            entry(out, "META-INF/native/hello/", null);
            entry(out, "META-INF/native/hello/linux-e2k/", null);
            entry(out, NativeIndex.path(Fixture.NAME, "linux-e2k"), new NativeIndex(Fixture.NAME, "linux-e2k",
                    "e2k-unknown-linux-gnu", "gnu", null, Collections.singletonList(new NativeIndex.Library(
                            "libhello.so", Fixture.sha256(new byte[0]))), "libhello.so").bytes());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {app.toUri().toURL(), otherJar.toUri().toURL(),
            strange.toUri().toURL()}, MissingPlatformTest.class.getClassLoader())) {
            Class<?> anchor = Class.forName("demo.Hello", false, loader);
            NativeLibraryNotFoundError error = assertThrows(NativeLibraryNotFoundError.class,
                    () -> NativeLibraries.extract(anchor, Fixture.NAME));
            String key = fixture.platform;
            assertEquals(key, error.platform());
            assertEquals(Fixture.NAME, error.libraryName());
            assertEquals(Collections.singletonList("META-INF/native/hello/" + key + "/crossbuild-native.index"),
                    error.tried());
            assertEquals(Arrays.asList("linux-e2k", other), error.present());
            String message = error.getMessage();
            assertTrue(message.startsWith("No native library hello for platform " + key
                    + " on the class path of demo.Hello (class loader "), message);
            assertTrue(message.contains("\nPlatform detected from os.name=" + System.getProperty("os.name")
                    + ", os.arch=" + System.getProperty("os.arch")), message);
            assertTrue(message.contains("\nTried: META-INF/native/hello/" + key + "/crossbuild-native.index\n"),
                    message);
            assertTrue(message.contains("\nPlatforms present: linux-e2k, " + other + "\n"), message);
            assertTrue(message.contains("\nAdd the JAR for " + key + " to the dependencies:\n"
                    + "    <dependency>\n"
                    + "      <groupId>com.example</groupId>\n"
                    + "      <artifactId>hello-jni</artifactId>\n"
                    + "      <version>1.4.2</version>\n"
                    + "      <classifier>" + key + "</classifier>\n"
                    + "    </dependency>"), message);
            assertTrue(message.endsWith("or set -Dcrossbuild.native.platform=<key> to use another platform's JAR,"
                    + " or -Dcrossbuild.native.hello.path=<file> to load a library file as it is."), message);
            // the JDK's own error type, so that code catching it catches this
            assertTrue(error instanceof UnsatisfiedLinkError);
        }
    }

    /** A forced key that is missing; the musl key where only the glibc JAR is there says why it is not used. */
    @Test
    void aForcedMuslKeyWithOnlyTheGlibcJar() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(fixture.platform.startsWith("linux-")
                && !fixture.platform.endsWith("-musl"), "the fixture is a glibc JAR");
        String musl = fixture.platform + "-musl";
        System.setProperty(NativeLibraries.PLATFORM_PROPERTY, musl);
        try (URLClassLoader loader = fixture.classLoader()) {
            NativeLibraryNotFoundError error = assertThrows(NativeLibraryNotFoundError.class,
                    () -> NativeLibraries.extract(fixture.anchor(loader), Fixture.NAME));
            String message = error.getMessage();
            assertTrue(message.contains("\nPlatform set by -Dcrossbuild.native.platform.\n"), message);
            assertTrue(message.contains("\nPlatforms present: " + fixture.platform + "\n"), message);
            assertTrue(message.contains("\n(" + fixture.platform + " is built for glibc; this JVM runs on musl,"
                    + " which cannot load it)\n"), message);
            // no pom.properties beside demo.Hello: placeholders, the name as the artifactId
            assertTrue(message.contains("      <groupId><!-- the groupId of hello --></groupId>\n"
                    + "      <artifactId>hello</artifactId>\n"), message);
            assertTrue(message.contains("<classifier>" + musl + "</classifier>"), message);
        }
    }

    /**
     * Read ahead (an empty cache: the library is read and hashed while the folders are checked) or streamed (a
     * marker there that the loader does not trust: no read-ahead), a library whose bytes are not the index's is
     * refused the same way.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "marker there before: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void aCorruptJarIsAnErrorNotAFallback(boolean markerBefore) throws Exception {
        Path jar = work.resolve("corrupt.jar");
        // the index says one sha256, the JAR holds other bytes
        NativeIndex index = new NativeIndex(Fixture.NAME, fixture.platform, "x86_64-unknown-linux-gnu", "gnu", null,
                Collections.singletonList(new NativeIndex.Library("libhello.so", Fixture.sha256(fixture.hello))),
                "libhello.so");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            entry(out, "META-INF/native/hello/" + fixture.platform + "/libhello.so", fixture.dep);
            entry(out, NativeIndex.path(Fixture.NAME, fixture.platform), index.bytes());
        }
        System.setProperty(NativeLibraries.DIR_PROPERTY, work.resolve("cache").toString());
        if (markerBefore) {
            java.nio.file.attribute.FileAttribute<?> owner = java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Path folder = work.resolve("cache");
            for (String part : new String[] {Fixture.NAME, NativeLibraries.folderName(index.bytes())}) {
                Files.createDirectories(folder, owner);
                folder = folder.resolve(part);
            }
            Files.createDirectories(folder, owner);
            Files.write(folder.resolve(CacheMarker.FILE), "not a marker\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.setPosixFilePermissions(folder.resolve(CacheMarker.FILE),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {fixture.demoClasses.toUri().toURL(),
            jar.toUri().toURL()}, MissingPlatformTest.class.getClassLoader())) {
            UnsatisfiedLinkError error = assertThrows(UnsatisfiedLinkError.class,
                    () -> NativeLibraries.extract(Class.forName("demo.Hello", false, loader), Fixture.NAME));
            assertTrue(error.getMessage().contains("libhello.so has sha256 " + Fixture.sha256(fixture.dep)
                    + " where its index says " + Fixture.sha256(fixture.hello)
                    + ": the JAR is corrupt or was altered"), error.getMessage());
            try (java.util.stream.Stream<Path> left = Files.walk(work.resolve("cache"))) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("libhello")
                        || p.getFileName().toString().endsWith(".tmp")), "nothing is left in the cache");
            }
        }
    }

    private static void entry(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (bytes != null) {
            ((OutputStream) out).write(bytes);
        }
        out.closeEntry();
    }
}
