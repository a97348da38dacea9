package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marker is moved into place only once the file system's clock is past the times it records. */
class MarkerClockTest {

    @TempDir
    Path folder;

    @Test
    void theMarkerIsWrittenInALaterTickThanTheLibrariesAndWithoutAFullTickOfWaiting() throws Exception {
        byte[] bytes = new byte[4096];
        NativeIndex index = new NativeIndex("hello", "linux-x86_64", "x86_64-unknown-linux-gnu", "gnu", null,
                Arrays.asList(new NativeIndex.Library("libhello.so", Fixture.sha256(bytes))), "libhello.so");
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            Path library = folder.resolve("libhello.so");
            Files.write(library, bytes);
            long start = System.nanoTime();
            CacheMarker.write(folder, index);
            fastest = Math.min(fastest, (System.nanoTime() - start) / 1000000);
            FileStat lib = FileStat.stat(library);
            FileStat marker = FileStat.stat(folder.resolve(CacheMarker.FILE));
            assertTrue(marker.mtime > Math.max(lib.mtime, lib.ctime), "round " + round + ": marker at "
                    + marker.mtime + ", library changed at " + Math.max(lib.mtime, lib.ctime));
            assertTrue(CacheMarker.stale(folder, index, null).isEmpty(), "the marker vouches for the library");
        }
        assertTrue(fastest < CacheMarker.CLOCK_TICK_MILLIS, "the wait is what is left of a tick, not a whole one: "
                + fastest + " ms");
    }
}
