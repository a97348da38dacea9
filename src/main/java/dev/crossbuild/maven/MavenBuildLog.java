package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import org.apache.maven.plugin.logging.Log;

/** Adapts Maven's log to the core's. */
final class MavenBuildLog implements BuildLog {

    private final Log log;
    private final String prefix;

    /** @param prefix put before every line, e.g. the module under {@code mvn -T}; may be empty */
    MavenBuildLog(Log log, String prefix) {
        this.log = log;
        this.prefix = prefix;
    }

    @Override
    public void info(String line) {
        log.info(prefix + line);
    }

    @Override
    public void warn(String line) {
        log.warn(prefix + line);
    }

    @Override
    public void error(String line) {
        log.error(prefix + line);
    }

    @Override
    public void debug(String line) {
        log.debug(prefix + line);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }
}
