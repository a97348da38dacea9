package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** The slots of class loaders in one JVM: claimed in the system properties, no file, no lock. */
class LoaderSlotsTest {

    @Test
    void eachClassLoaderGetsASlotOfItsOwnAndKeepsIt() throws IOException {
        Path folder = Files.createTempDirectory("slots");
        try (URLClassLoader a = new URLClassLoader(new URL[0]); URLClassLoader b = new URLClassLoader(new URL[0])) {
            assertEquals(0, LoaderSlots.slot(folder, a));
            assertEquals(1, LoaderSlots.slot(folder, b));
            assertEquals(0, LoaderSlots.slot(folder, a), "a class loader keeps its slot");
            assertEquals(1, LoaderSlots.slot(folder, b));
            assertEquals(0, LoaderSlots.slot(Paths.get(folder + "-other"), b), "slots are per folder");
        }
        String[] names;
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            names = files.map(Path::toString).toArray(String[]::new);
        }
        assertEquals(0, names.length, "no slot file: " + String.join(", ", names));
    }

    @Test
    void aSlotTakenByAnotherCopyOfTheLoaderInThisJvmIsSkipped() throws IOException {
        Path folder = Files.createTempDirectory("slots");
        // what another class loader's copy of LoaderSlots leaves: its own statics are out of reach
        System.getProperties().put(LoaderSlots.PROPERTY + "0." + folder, "taken");
        try (URLClassLoader a = new URLClassLoader(new URL[0])) {
            assertEquals(1, LoaderSlots.slot(folder, a));
        }
        assertFalse(System.getProperties().putIfAbsent(LoaderSlots.PROPERTY + "1." + folder, "again") == null,
                "the slot is recorded for the other copies");
    }
}
