package dev.crossbuild.cargotest;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.Optional;

/** Whether a target's test binaries can run on this machine, as a pure function of the host and the target. */
public final class Runnability {

    private Runnability() {
    }

    /** The reason the target's tests cannot run here, or empty when they can. */
    public static Optional<String> whyNot(TargetSpec target, TargetTriple host) {
        if (target.runner() != null || runsNatively(target.triple(), host)) {
            return Optional.empty();
        }
        return Optional.of("no runner for " + target.triple());
    }

    /**
     * The host triple, and what a host of that OS runs without help: the same CPU with another C library or
     * ABI (x86_64 gnu and musl, Windows gnu and msvc), and 32-bit x86 on an x86_64 Linux or Windows host.
     */
    static boolean runsNatively(TargetTriple triple, TargetTriple host) {
        if (triple.equals(host)) {
            return true;
        }
        if (!triple.osName().equals(host.osName()) || triple.isApple() != host.isApple()) {
            return false;
        }
        if (triple.archFamily().equals(host.archFamily())) {
            return true;
        }
        return host.archFamily().equals("x86_64") && triple.archFamily().equals("x86")
                && (triple.osName().equals("linux") || triple.isWindows());
    }
}
