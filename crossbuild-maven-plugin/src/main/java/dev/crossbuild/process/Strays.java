package dev.crossbuild.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the processes one run started, also those that outlived it: every child gets a tag variable in its
 * environment, which its own children inherit, so a background process (a {@code sleep &}, a daemon that left
 * the process group) is found after its parent exited. Where {@code /proc} cannot be read, the live
 * descendants are what is found.
 */
final class Strays {

    static final String TAG_VARIABLE = "CROSSBUILD_PROCESS_TAG";
    private static final Path PROC = Path.of("/proc");

    private Strays() {
    }

    /** The processes that carry the tag, except the JVM itself. */
    static List<ProcessHandle> tagged(String tag) {
        if (!Files.isDirectory(PROC)) {
            return List.of();
        }
        byte[] needle = ("\0" + TAG_VARIABLE + "=" + tag + "\0").getBytes(StandardCharsets.UTF_8);
        List<ProcessHandle> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> entries = Files.list(PROC)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == self) {
                    continue;
                }
                if (contains(entry.resolve("environ"), needle)) {
                    ProcessHandle.of(Long.parseLong(name)).filter(ProcessHandle::isAlive).ifPresent(found::add);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return found;
        }
        return found;
    }

    /** {@code pid 123 (sleep 150)}. */
    static String describe(ProcessHandle handle) {
        Optional<String> command = handle.info().commandLine().or(() -> handle.info().command());
        return "pid " + handle.pid() + command.map(c -> " (" + c + ")").orElse("");
    }

    private static boolean contains(Path environ, byte[] needle) {
        byte[] data;
        try {
            byte[] raw = Files.readAllBytes(environ);
            data = new byte[raw.length + 1];
            data[0] = 0;
            System.arraycopy(raw, 0, data, 1, raw.length);
        } catch (IOException | RuntimeException gone) {
            return false;
        }
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
