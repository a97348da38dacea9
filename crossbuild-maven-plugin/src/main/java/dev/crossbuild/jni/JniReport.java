package dev.crossbuild.jni;

import java.util.List;

/**
 * What the JNI link check found for one target.
 *
 * @param missing  the problems that fail the build, one sentence each: a {@code native} method that no library
 *                 exports a symbol for (naming the target, the method, the symbols and the libraries), or a
 *                 library whose tables cannot be read
 * @param warnings what the build should show but not fail for: methods without a symbol when a library exports
 *                 {@code JNI_OnLoad} (which may register them at run time), files that are no shared library
 */
public record JniReport(List<String> missing, List<String> warnings) {

    public JniReport {
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }

    /** Whether nothing fails the build. */
    public boolean ok() {
        return missing.isEmpty();
    }
}
