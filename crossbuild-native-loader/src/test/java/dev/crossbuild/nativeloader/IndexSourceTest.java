package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path walk that finds an index for the application class loader without asking its parents. */
class IndexSourceTest {

    private static final String INDEX = "META-INF/native/hello/linux-x86_64/crossbuild-native.index";
    private static final byte[] TEXT = "format=1\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path work;

    private Path jar(String name, String... entries) throws IOException {
        Path jar = work.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.endsWith(".index") ? TEXT : entry.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theFirstJarOfTheClassPathThatHasTheIndexIsRead() throws IOException {
        Path other = jar("other.jar", "a/B.class");
        Path first = jar("first.jar", INDEX, "META-INF/native/hello/linux-x86_64/libhello.so");
        Path second = jar("second.jar", INDEX);
        String path = other + File.pathSeparator + work.resolve("missing.jar") + File.pathSeparator + first
                + File.pathSeparator + second;
        IndexSource found = IndexSource.onClassPath(path, INDEX);
        try {
            assertArrayEquals(TEXT, found.bytes);
            assertEquals(first.toFile().getAbsoluteFile(), found.jarFile);
            assertEquals("jar:" + first.toFile().toURI() + "!/" + INDEX, found.where);
            IndexSource.Entry library = found.open("libhello.so");
            try (InputStream in = library.in) {
                byte[] expected = "META-INF/native/hello/linux-x86_64/libhello.so".getBytes(StandardCharsets.UTF_8);
                assertEquals(expected.length, library.size);
                byte[] read = new byte[expected.length];
                assertEquals(expected.length, in.read(read));
                assertArrayEquals(expected, read);
            }
            assertEquals("jar:" + first.toFile().toURI() + "!/META-INF/native/hello/linux-x86_64/libhello.so", library.where);
        } finally {
            found.close();
        }
    }

    @Test
    void aFolderBeforeTheJarOrAnUnreadableJarLeavesItToTheClassLoader() throws IOException {
        Path jar = jar("hello.jar", INDEX);
        Path folder = work.resolve("classes");
        Files.createDirectories(folder.resolve(INDEX).getParent());
        Files.write(folder.resolve(INDEX), TEXT);
        assertNull(IndexSource.onClassPath(folder + File.pathSeparator + jar, INDEX), "a folder first");
        Path broken = work.resolve("broken.jar");
        Files.write(broken, "not a zip".getBytes(StandardCharsets.UTF_8));
        assertNull(IndexSource.onClassPath(broken + File.pathSeparator + jar, INDEX), "a JAR it cannot read");
        assertNull(IndexSource.onClassPath(work.resolve("classes-without") + File.pathSeparator
                + jar("none.jar", "a/B.class"), INDEX), "no match: the class loader has the last word");
    }
}
