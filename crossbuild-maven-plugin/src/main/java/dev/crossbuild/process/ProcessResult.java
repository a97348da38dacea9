package dev.crossbuild.process;

import java.time.Duration;
import java.util.List;

/**
 * How a process ended: its exit code, the last lines of its output (both streams, interleaved as
 * read) and how long it ran.
 */
public record ProcessResult(ProcessSpec spec, int exitCode, List<String> tail, Duration duration) {

    public ProcessResult {
        tail = List.copyOf(tail);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** A diagnostic a person can act on: the command, the directory, the exit code and the output tail. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("command: ").append(spec.commandLine()).append('\n');
        text.append("directory: ").append(spec.directory()).append('\n');
        text.append("exit code: ").append(exitCode);
        if (!tail.isEmpty()) {
            text.append("\nlast output lines:");
            for (String line : tail) {
                text.append("\n  ").append(line);
            }
        }
        return text.toString();
    }
}
