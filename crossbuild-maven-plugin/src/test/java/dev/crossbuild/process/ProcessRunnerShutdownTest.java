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
                KillOnExitProbe.class.getName(), dir.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("probe.log").toFile()).start();
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
        while (running(sleeper) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(running(sleeper)).as("sleep %d after the JVM stopped (exit %d): %s%nprobe output:%n%s", sleeper,
                jvm.exitValue(), status(sleeper), Files.readString(dir.resolve("probe.log"))).isFalse();
    }

    /** Alive and not a zombie: a killed orphan may wait a moment for init to reap it. */
    private static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !status(pid).contains("State:\tZ");
    }

    private static String status(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        } catch (java.io.IOException gone) {
            return "(gone)";
        }
    }
}
