package dev.crossbuild.cargotest;

/**
 * One test of one test binary, as libtest reported it.
 *
 * @param seconds how long it ran, measured between libtest's lines (libtest's own timing is unstable)
 * @param message for a failure: the panic message; for a hung test: that it was stopped
 * @param output  for a failure: what libtest printed in its {@code ---- <name> stdout ----} block
 */
public record TestCase(String name, Status status, double seconds, String message, String output) {

    public enum Status {
        PASSED, FAILED, IGNORED,
        /** Never started: its binary aborted before it (a panic on wasm32, a crash); written as skipped. */
        NOT_RUN
    }
}
