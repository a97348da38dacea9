package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * The loader relocated into an application's package, as maven-shade-plugin relocates it (class names and
 * string constants that spell the package): it still finds the native JAR's index and extracts the library,
 * since the index's path does not depend on the loader's own package.
 */
class ShadedLoaderTest {

    private static final String FROM = "dev/crossbuild/nativeloader/";
    private static final String TO = "com/acme/shaded/nativeloader/";

    @TempDir
    static Path shared;

    static Fixture fixture;

    @BeforeAll
    static void build() throws Exception {
        fixture = Fixture.build(shared.resolve("fixture"));
    }

    /** Renames the package in class names and in strings, both with slashes and with dots. */
    static final class Relocation extends Remapper {
        @Override
        public String map(String internalName) {
            return internalName.startsWith(FROM) ? TO + internalName.substring(FROM.length()) : internalName;
        }

        @Override
        public Object mapValue(Object value) {
            if (value instanceof String) {
                String text = (String) value;
                String dots = FROM.replace('/', '.');
                if (text.startsWith(FROM)) {
                    return TO + text.substring(FROM.length());
                }
                if (text.startsWith(dots)) {
                    return TO.replace('/', '.') + text.substring(dots.length());
                }
            }
            return super.mapValue(value);
        }
    }

    @Test
    void aRelocatedLoaderFindsItsIndexAndExtracts() throws Exception {
        Path classes = shared.resolve("shaded-classes");
        Path source = Fixture.loaderClasses();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                ClassWriter writer = new ClassWriter(0);
                reader.accept(new ClassRemapper(writer, new Relocation()), 0);
                String name = new Relocation().map(reader.getClassName());
                Path out = classes.resolve(name + ".class");
                Files.createDirectories(out.getParent());
                Files.write(out, writer.toByteArray());
            }
        }
        System.setProperty(NativeLibraries.DIR_PROPERTY, shared.resolve("cache").toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(),
            fixture.nativeJar.toUri().toURL()}, null)) {
            Class<?> shaded = loader.loadClass(TO.replace('/', '.') + "NativeLibraries");
            assertEquals(loader, shaded.getClassLoader());
            Path main = (Path) shaded.getMethod("extract", Class.class, String.class).invoke(null, shaded,
                    Fixture.NAME);
            assertTrue(main.startsWith(shared.resolve("cache").resolve(Fixture.NAME)), main.toString());
            assertArrayEquals(fixture.hello, Files.readAllBytes(main));
        } finally {
            System.clearProperty(NativeLibraries.DIR_PROPERTY);
        }
    }
}
