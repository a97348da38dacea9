package dev.crossbuild.core;

import java.util.List;

/** A build log for tests: keeps info, warning and error lines in the given list. */
public record RecordingLog(List<String> lines) implements BuildLog {

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add(line);
    }

    @Override
    public void error(String line) {
        lines.add(line);
    }

    @Override
    public void debug(String line) {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }
}
