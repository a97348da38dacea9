package dev.crossbuild.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping Maven's JVM (as Ctrl-C does) must stop the processes it started (apache/maven 12536). */
class ProcessRunnerShutdownTest {

    @Test
    void stoppingTheJvmStopsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                KillOnExitProbe.class.getName(), dir.toString())).inheritIO().start();
        Path pids = dir.resolve("pids");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(pids) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long sleeper = Long.parseLong(Files.readString(pids).trim());
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive)).contains(true);

        jvm.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on SIGINT from Ctrl-C
        assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
