package dev.crossbuild.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.MachineException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against real programs: sh and sleep. */
class ProcessRunnerTest {

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner();

    private Map<String, String> env() {
        return Map.of("PATH", System.getenv("PATH"), "GREETING", "hello world");
    }

    @Test
    void streamsBothOutputsLineByLineAndKeepsTheExitCode() throws Exception {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        ProcessResult result = runner.run(ProcessSpec.of(
                List.of("sh", "-c", "echo \"$GREETING\"; echo oops >&2; pwd; exit 3"), dir, env()),
                out::add, err::add);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(out).containsExactly("hello world", dir.toRealPath().toString());
        assertThat(err).containsExactly("oops");
        assertThat(result.tail()).contains("hello world", "oops");
        assertThat(result.describe()).contains("exit code: 3").contains("command: sh -c");
    }

    @Test
    void theChildSeesOnlyTheGivenEnvironment() throws Exception {
        var captured = runner.capture(ProcessSpec.of(List.of("sh", "-c", "env"), dir, env()));
        assertThat(captured.stdout()).contains("GREETING=hello world");
        assertThat(captured.stdout()).doesNotContain("JAVA_HOME=");
    }

    @Test
    void findsTheProgramOnTheChildsPathNotTheJvms() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tool = bin.resolve("only-here");
        Files.writeString(tool, "#!/bin/sh\necho found me\n");
        tool.toFile().setExecutable(true);
        Map<String, String> env = new HashMap<>(env());
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        assertThat(runner.capture(ProcessSpec.of(List.of("only-here"), dir, env)).stdout()).isEqualTo("found me\n");
    }

    @Test
    void aMissingProgramIsReportedByName() {
        assertThatThrownBy(() -> runner.capture(ProcessSpec.of(List.of("no-such-tool-xyz"), dir, env())))
                .isInstanceOf(ToolNotFoundException.class)
                .hasMessageContaining("`no-such-tool-xyz` was not found on the PATH");
    }

    @Test
    void aTimeoutKillsTheWholeProcessTree() throws Exception {
        Path pids = dir.resolve("pids");
        // sh starts two grandchildren and waits: all three must be gone after the timeout
        ProcessSpec spec = ProcessSpec.of(List.of("sh", "-c",
                "sleep 300 & echo $! >> pids; sleep 300 & echo $! >> pids; echo $$ >> pids; echo started; wait"),
                dir, env()).withTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> runner.run(spec, line -> { }, line -> { }))
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("did not finish within")
                .hasMessageContaining("started");
        for (String pid : Files.readAllLines(pids)) {
            assertThat(ProcessHandle.of(Long.parseLong(pid.trim())).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %s still alive", pid).isFalse();
        }
    }

    @Test
    void anInterruptKillsTheTreeAndKeepsTheInterruptFlag() throws Exception {
        Path pids = dir.resolve("pids");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                runner.run(ProcessSpec.of(List.of("sh", "-c", "sleep 300 & echo $! >> pids; wait"), dir, env()),
                        line -> { }, line -> { });
            } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
            }
        });
        worker.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!(Files.exists(pids) && !Files.readString(pids).isBlank()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        worker.interrupt();
        worker.join(20_000);
        assertThat(thrown.get()).isInstanceOf(MachineException.class).hasMessageContaining("interrupted");
        assertThat(flag.get()).isTrue();
        long sleeper = Long.parseLong(Files.readString(pids).trim());
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void decodesOutputInTheGivenCharset() throws Exception {
        var captured = runner.capture(ProcessSpec.of(List.of("sh", "-c", "printf 'Gr\\303\\274\\303\\237e\\n'"), dir,
                env()));
        assertThat(captured.stdout()).isEqualTo("Grüße\n");
    }

    @Test
    void aBackgroundProcessTheChildLeavesIsNeitherWaitedForNorLeftRunning() throws Exception {
        dev.crossbuild.Toolchains.require(dev.crossbuild.Toolchains.linux()
                && Executables.find("setsid", System.getenv()).isPresent(), "Linux with setsid is needed");
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        // one background sleep in the child's process group, one that left it as a daemon does (setsid)
        ProcessResult result = runner.run(ProcessSpec.of(List.of("sh", "-c",
                "sleep 150 & echo $! > bg.pid; setsid sleep 151 & echo started"), dir, env()), line -> { }, err::add);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertThat(result.exitCode()).isZero();
        assertThat(seconds).as("waited for the background process").isLessThan(30);
        assertThat(err).anyMatch(l -> l.contains("left a background process running: pid ")
                && l.contains("sleep 150") && l.contains("sleep 151") && l.endsWith("it was stopped"));
        long pid = Long.parseLong(Files.readString(dir.resolve("bg.pid")).trim());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> !zombie(h.pid()))).isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").equals("sleep 151"))
                .filter(h -> !zombie(h.pid())).toList()).isEmpty();
    }

    @Test
    void aProcessStoppedBySigtermFromOutsideIsAnInterruptionNotAFailure() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Executables.isWindows(), "POSIX signals");
        // a stand-in for Ctrl-C or a cancelled CI job: the shell sends SIGTERM to itself
        assertThatThrownBy(() -> runner.run(ProcessSpec.of(List.of("sh", "-c", "echo working; kill -TERM $$"), dir,
                env()), line -> { }, line -> { }))
                .isInstanceOf(ProcessInterruptedException.class)
                .hasMessageStartingWith("interrupted: `sh -c 'echo working; kill -TERM $$'` was stopped by SIGTERM"
                        + " from outside the build");
    }

    @Test
    void aTimeoutCarriesTheLimitAndTheRawTail() {
        assertThatThrownBy(() -> runner.run(ProcessSpec.of(List.of("sh", "-c", "echo '{\"reason\":\"x\"}'; sleep 60"),
                dir, env()).withTimeout(Duration.ofSeconds(1)), line -> { }, line -> { }))
                .isInstanceOfSatisfying(ProcessTimeoutException.class, e -> {
                    assertThat(e.limit()).isEqualTo("1000 ms");
                    // sh may add "Terminated" for the sleep it started: the tail is raw, whatever came
                    assertThat(e.tail()).first().isEqualTo("{\"reason\":\"x\"}");
                });
    }

    private static boolean zombie(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "status")).contains("State:\tZ");
        } catch (java.io.IOException gone) {
            return true;
        }
    }
}
