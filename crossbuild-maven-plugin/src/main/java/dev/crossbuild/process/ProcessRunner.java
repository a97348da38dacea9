package dev.crossbuild.process;

import dev.crossbuild.core.MachineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one process to its end: resolves the program on the child's own PATH, drains both streams
 * on their own threads line by line, enforces the timeout, and kills the whole process tree on
 * timeout, on interrupt and when the JVM shuts down (Ctrl-C of Maven must not leave cargo or
 * rustc running: apache/maven 12536). A background process the child leaves behind is neither waited
 * for nor left running: it is stopped and reported. Instances hold no state and may be shared between
 * threads.
 */
public final class ProcessRunner {

    private static final int TAIL_LINES = 40;
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** How long the output of a process that has exited may take to arrive. */
    private static final Duration STREAM_GRACE = Duration.ofSeconds(2);

    /**
     * Runs the process and returns how it ended, whatever its exit code.
     *
     * @param stdout receives each line of standard output as soon as it is read
     * @param stderr receives each line of standard error as soon as it is read
     * @throws ToolNotFoundException when the program is not on the child's PATH
     * @throws MachineException      when it cannot start, times out or the thread is interrupted
     */
    public ProcessResult run(ProcessSpec spec, Consumer<String> stdout, Consumer<String> stderr)
            throws MachineException {
        ProcessBuilder builder = new ProcessBuilder(resolved(spec)).directory(spec.directory().toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        String tag = UUID.randomUUID().toString();
        builder.environment().put(Strays.TAG_VARIABLE, tag);

        Deque<String> tail = new ArrayDeque<>();
        long start = System.nanoTime();
        // The hook is in place before the process exists. The child can be running (and have started
        // children of its own) before start() returns to this thread, so a hook that fires meanwhile
        // waits for start() to hand over the process instead of finding nothing to stop.
        AtomicReference<Process> started = new AtomicReference<>();
        AtomicBoolean stoppedByHook = new AtomicBoolean();
        CountDownLatch startReturned = new CountDownLatch(1);
        Thread killOnExit = new Thread(() -> {
            try {
                startReturned.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Process running = started.get();
            if (running != null) {
                stoppedByHook.set(true);
                killTree(running, tag);
            }
        }, "crossbuild-kill-on-exit");
        boolean hookAdded = addShutdownHook(killOnExit);
        Process process;
        try {
            process = builder.start();
            started.set(process);
        } catch (IOException e) {
            if (hookAdded) {
                removeShutdownHook(killOnExit);
            }
            throw new MachineException("could not start `" + spec.commandLine() + "` in " + spec.directory()
                    + ": " + e.getMessage(), e);
        } finally {
            startReturned.countDown();
        }
        Thread out = drain(process.getInputStream(), spec.charset(), line -> {
            remember(tail, line);
            stdout.accept(line);
        }, "stdout", process);
        Thread err = drain(process.getErrorStream(), spec.charset(), line -> {
            remember(tail, line);
            stderr.accept(line);
        }, "stderr", process);
        try {
            if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process, tag);
                joinQuietly(out, err);
                throw new ProcessTimeoutException("`" + spec.commandLine() + "` did not finish within "
                        + format(spec.timeout()) + " and was stopped with all its child processes"
                        + lastLines(tail), format(spec.timeout()), snapshot(tail));
            }
            // A background process the child left holds the pipes open: wait a little, never for it.
            out.join(STREAM_GRACE.toMillis());
            err.join(STREAM_GRACE.toMillis());
            List<ProcessHandle> strays = Strays.tagged(tag);
            if (!strays.isEmpty()) {
                stderr.accept("`" + spec.commandLine() + "` left a background process running: " + String.join(", ",
                        strays.stream().map(Strays::describe).toList()) + "; it was stopped");
                stop(strays);
                joinQuietly(out, err);
            }
            int exit = process.exitValue();
            if (stoppedByHook.get()) {
                throw new ProcessInterruptedException("interrupted: the build is stopping (Ctrl-C or a cancelled"
                        + " job) while `" + spec.commandLine() + "` ran; it was stopped with all its child processes",
                        null);
            }
            if (!Executables.isWindows() && (exit == 128 + 2 || exit == 128 + 15)) {
                throw new ProcessInterruptedException("interrupted: `" + spec.commandLine() + "` was stopped by "
                        + (exit == 130 ? "SIGINT" : "SIGTERM") + " from outside the build (Ctrl-C or a cancelled job)"
                        + lastLines(tail), null);
            }
            return new ProcessResult(spec, exit, snapshot(tail), Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            killTree(process, tag);
            Thread.currentThread().interrupt();
            throw new ProcessInterruptedException("interrupted while running `" + spec.commandLine()
                    + "`; it was stopped with all its child processes", e);
        } finally {
            if (hookAdded) {
                removeShutdownHook(killOnExit);
            }
        }
    }

    /**
     * Runs a command that starts a server meant to outlive the build (a compile cache's server): untagged, its
     * output discarded so no pipe of this JVM is inherited, and never stopped as a stray.
     *
     * @return the command's exit code
     */
    public int startDetached(ProcessSpec spec) throws MachineException {
        ProcessBuilder builder = new ProcessBuilder(resolved(spec)).directory(spec.directory().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(Executables.isWindows() ? "NUL"
                        : "/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        try {
            Process process = builder.start();
            if (!process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ProcessTimeoutException("`" + spec.commandLine() + "` did not finish within "
                        + format(spec.timeout()), format(spec.timeout()), List.of());
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new MachineException("could not start `" + spec.commandLine() + "`: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessInterruptedException("interrupted while running `" + spec.commandLine() + "`", e);
        }
    }

    /** The command with its program found on the child's own PATH (the JVM would search its own). */
    private static List<String> resolved(ProcessSpec spec) throws ToolNotFoundException {
        List<String> command = new ArrayList<>(spec.command());
        String program = command.get(0);
        command.set(0, Executables.find(program, spec.environment())
                .orElseThrow(() -> new ToolNotFoundException(program, "`" + program
                        + "` was not found on the PATH of its environment: "
                        + Executables.lookup(spec.environment(), "PATH", Executables.isWindows())))
                .toString());
        return command;
    }

    /** Runs the process, keeping its output, for the short tool queries (versions, lists). */
    public CapturedOutput capture(ProcessSpec spec) throws MachineException {
        StringBuilder outText = new StringBuilder();
        StringBuilder errText = new StringBuilder();
        ProcessResult result = run(spec, line -> outText.append(line).append('\n'),
                line -> errText.append(line).append('\n'));
        return new CapturedOutput(result, outText.toString(), errText.toString());
    }

    /** The full output of a short process. */
    public record CapturedOutput(ProcessResult result, String stdout, String stderr) {
    }

    /**
     * Stops the process and every process it started: its descendants, children first seen before the parent
     * dies, and every process carrying its tag (those that left the tree).
     */
    static void killTree(Process process, String tag) {
        Set<ProcessHandle> all = new LinkedHashSet<>(process.descendants().toList());
        all.addAll(Strays.tagged(tag));
        all.add(process.toHandle());
        stop(all);
        // A child may have started more processes while we were stopping its parent.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        Strays.tagged(tag).forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM to each, then SIGKILL to those still running after the grace period. */
    private static void stop(Collection<ProcessHandle> handles) {
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }

    private static Thread drain(InputStream stream, Charset charset, Consumer<String> sink, String name,
            Process process) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, charset))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException | UncheckedIOException closed) {
                // the process was killed and its pipe closed: what was read has been delivered
            }
        }, "crossbuild-" + name + "-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void remember(Deque<String> tail, String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private static String lastLines(Deque<String> tail) {
        List<String> lines = snapshot(tail);
        return lines.isEmpty() ? "" : "; last output lines:\n  " + String.join("\n  ", lines);
    }

    private static void joinQuietly(Thread... threads) {
        for (Thread thread : threads) {
            try {
                thread.join(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean addShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing to undo
        }
    }

    private static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : duration.toMillis() + " ms";
    }
}
