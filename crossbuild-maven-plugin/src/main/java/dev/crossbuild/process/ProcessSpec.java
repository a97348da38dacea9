package dev.crossbuild.process;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run: an argument list (never a shell string), the directory, the complete environment
 * of the child, the output charset and a timeout.
 */
public record ProcessSpec(List<String> command, Path directory, Map<String, String> environment,
        Charset charset, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);

    public ProcessSpec {
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    public static ProcessSpec of(List<String> command, Path directory, Map<String, String> environment) {
        return new ProcessSpec(command, directory, environment, StandardCharsets.UTF_8, DEFAULT_TIMEOUT);
    }

    public ProcessSpec withTimeout(Duration newTimeout) {
        return new ProcessSpec(command, directory, environment, charset, newTimeout);
    }

    public ProcessSpec withCharset(Charset newCharset) {
        return new ProcessSpec(command, directory, environment, newCharset, timeout);
    }

    /** The command as one line a person can read and paste into a POSIX shell. */
    public String commandLine() {
        return ShellQuoting.join(command);
    }
}
