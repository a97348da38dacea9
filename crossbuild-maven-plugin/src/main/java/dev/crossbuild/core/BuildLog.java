package dev.crossbuild.core;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** The core's view of the build log; the Maven edge adapts Maven's {@code Log} to it with {@link #of}. */
public interface BuildLog {

    void info(String line);

    void warn(String line);

    void error(String line);

    void debug(String line);

    boolean isDebugEnabled();

    /** This log with a prefix before every line. */
    default BuildLog prefixed(String prefix) {
        return of(line -> info(prefix + line), line -> warn(prefix + line), line -> error(prefix + line),
                line -> debug(prefix + line), this::isDebugEnabled);
    }

    /** A log that writes each level's lines to its own sink: the one implementation every adapter uses. */
    static BuildLog of(Consumer<String> info, Consumer<String> warn, Consumer<String> error, Consumer<String> debug,
            BooleanSupplier debugEnabled) {
        return new BuildLog() {
            @Override
            public void info(String line) {
                info.accept(line);
            }

            @Override
            public void warn(String line) {
                warn.accept(line);
            }

            @Override
            public void error(String line) {
                error.accept(line);
            }

            @Override
            public void debug(String line) {
                debug.accept(line);
            }

            @Override
            public boolean isDebugEnabled() {
                return debugEnabled.getAsBoolean();
            }
        };
    }

    /** A log that keeps nothing, for callers that do not want output. */
    BuildLog SILENT = of(line -> { }, line -> { }, line -> { }, line -> { }, () -> false);
}
