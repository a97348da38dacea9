package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** extract and extractAll on a real JAR of gcc-built libraries, in this JVM and in a child JVM that calls them. */
class ExtractTest {

    @TempDir
    static Path shared;

    static Fixture fixture;

    @TempDir
    Path cache;

    @BeforeAll
    static void build() throws Exception {
        fixture = Fixture.build(shared.resolve("fixture"));
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(NativeLibraries.DIR_PROPERTY);
        System.clearProperty(NativeLibraries.PLATFORM_PROPERTY);
        System.clearProperty(NativeLibraries.pathProperty(Fixture.NAME));
    }

    @Test
    void extractsTheLibrariesInIndexOrderIntoTheContentAddressedFolder() throws Exception {
        System.setProperty(NativeLibraries.DIR_PROPERTY, cache.toString());
        try (URLClassLoader loader = fixture.classLoader()) {
            Class<?> anchor = fixture.anchor(loader);
            Path main = NativeLibraries.extract(anchor, Fixture.NAME);
            assertTrue(main.isAbsolute());
            assertEquals("libhello.so", main.getFileName().toString());
            Path folder = main.getParent();
            // <dir>/<name>/<hash>/
            assertEquals(cache.resolve(Fixture.NAME), folder.getParent());
            assertEquals(32, folder.getFileName().toString().length());
            assertArrayEquals(fixture.hello, Files.readAllBytes(main));
            assertArrayEquals(fixture.dep, Files.readAllBytes(folder.resolve("libdep.so")));

            List<Path> all = NativeLibraries.extractAll(anchor, Fixture.NAME);
            assertEquals(2, all.size());
            assertEquals(folder.resolve("libdep.so"), all.get(0));
            assertEquals(main, all.get(1));
            // the second call reuses the files: same folder, nothing left behind
            assertEquals(main, NativeLibraries.extract(anchor, Fixture.NAME));
            try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                assertEquals(java.util.Arrays.asList(".lock", ".verified", "libdep.so", "libhello.so"),
                        files.map(p -> p.getFileName().toString()).sorted().collect(java.util.stream.Collectors.toList()),
                        "the libraries, the write lock and the marker (a class loader's slot is no file); no temp file");
            }
        }
    }

    @Test
    void aChildJvmLoadsTheExtractedLibrariesAndCallsTheJniFunction() throws Exception {
        Fixture.Result result = Fixture.run(fixture.javaCommand("-D" + NativeLibraries.DIR_PROPERTY + "=" + cache),
                cache);
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains("answer=42"), result.output);
        assertTrue(result.output.contains("path=" + cache.resolve(Fixture.NAME)), result.output);
    }

    @Test
    void thePathPropertyReturnsTheFileAsItIs() throws Exception {
        Path file = cache.resolve("elsewhere.so");
        Files.write(file, fixture.hello);
        System.setProperty(NativeLibraries.pathProperty(Fixture.NAME), file.toString());
        try (URLClassLoader loader = fixture.classLoader()) {
            assertEquals(file, NativeLibraries.extract(fixture.anchor(loader), Fixture.NAME));
        }
    }

    /**
     * loadAll with {@code System::load} from demo.Hello, whose class loader is a child of the loader's: the
     * libraries bind to demo.Hello's loader (its native method links), which a System.load inside the
     * loader would not do.
     */
    @Test
    void loadAllLoadsInIndexOrderForTheCallersClassLoader() throws Exception {
        System.setProperty(NativeLibraries.DIR_PROPERTY, cache.toString());
        System.setProperty("demo.loadAll", "true");
        try (URLClassLoader loader = fixture.classLoader()) {
            assertEquals(NativeLibraries.class, loader.loadClass(NativeLibraries.class.getName()),
                    "the loader is the parent's, as in a plugin host");
            Class<?> hello = Class.forName("demo.Hello", true, loader);
            assertEquals(42, hello.getMethod("answer").invoke(null));
            List<String> loaded = new java.util.ArrayList<String>();
            List<Path> all = NativeLibraries.loadAll(hello, Fixture.NAME, loaded::add);
            assertEquals(java.util.Arrays.asList(all.get(0).toString(), all.get(1).toString()), loaded);
            assertEquals("libdep.so", all.get(0).getFileName().toString());
        } finally {
            System.clearProperty("demo.loadAll");
        }
        Fixture.Result result = Fixture.run(fixture.javaCommand("-D" + NativeLibraries.DIR_PROPERTY + "=" + cache,
                "-Ddemo.loadAll=true"), cache);
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains("answer=42"), result.output);
    }
}
