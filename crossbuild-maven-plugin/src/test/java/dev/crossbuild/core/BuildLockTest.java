package dev.crossbuild.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of one project: the second waits for the first, saying so. A second JVM holds the lock. */
class BuildLockTest {

    @Test
    void aSecondBuildWaitsForTheFirstAndSaysWhy(@TempDir Path dir) throws Exception {
        Path lockFile = dir.resolve("target/crossbuild/.lock");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process first = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                BuildLockHolder.class.getName(), lockFile.toString(), dir.resolve("held").toString(),
                dir.resolve("release").toString())).inheritIO().start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(dir.resolve("held")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(dir.resolve("held")).exists();
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<BuildLock> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return BuildLock.acquire(lockFile, new RecordingLog(lines));
                } catch (MachineException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1000);
            assertThat(second).isNotDone();
            assertThat(lines).containsExactly("Blocking: another build of this project holds " + lockFile
                    + "; waiting for it to finish");
            Files.writeString(dir.resolve("release"), "go");
            try (BuildLock lock = second.get(30, TimeUnit.SECONDS)) {
                assertThat(lines).last().isEqualTo("Lock on " + lockFile + " acquired; continuing");
            }
        } finally {
            first.destroyForcibly();
        }
    }

    /** Holds the lock until told to let go (the other JVM of the test above). */
    public static final class BuildLockHolder {
        public static void main(String[] args) throws Exception {
            try (BuildLock lock = BuildLock.acquire(Path.of(args[0]), BuildLog.SILENT)) {
                Files.writeString(Path.of(args[1]), "held");
                while (!Files.exists(Path.of(args[2]))) {
                    Thread.sleep(50);
                }
            }
        }
    }
}
