package dev.crossbuild.core;

/** The core's view of the build log; the Maven edge adapts Maven's {@code Log} to it. */
public interface BuildLog {

    void info(String line);

    void warn(String line);

    void error(String line);

    void debug(String line);

    boolean isDebugEnabled();

    /** This log with a prefix before every line. */
    default BuildLog prefixed(String prefix) {
        BuildLog log = this;
        return new BuildLog() {
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
        };
    }

    /** A log that keeps nothing, for callers that do not want output. */
    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }

        @Override
        public void error(String line) {
        }

        @Override
        public void debug(String line) {
        }

        @Override
        public boolean isDebugEnabled() {
            return false;
        }
    };
}
