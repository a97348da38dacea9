package dev.crossbuild.it.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.crossbuild.it.hello.Hello;
import dev.crossbuild.nativeloader.NativeLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HelloTest {

    @Test
    void jniMethodsOfTheHostJar() {
        assertEquals(42, Hello.add(40, 2));
        assertEquals(62, Hello.machine(), "the x86_64 library was loaded");
    }

    @Test
    void aThreadStartedByTheLibrary() {
        assertEquals(5050L, Hello.sumInThread(100));
    }

    /** The plain C function through JNA, from the path the loader extracted. */
    interface Square extends Library {
        int hello_square(int x);
    }

    @Test
    void jnaLoadsTheExtractedPath() {
        Path library = NativeLibraries.extract(Hello.class, "hello");
        assertTrue(Files.isRegularFile(library), library.toString());
        Square square = Native.load(library.toString(), Square.class);
        assertEquals(49 + 62_000, square.hello_square(7));
    }
}
