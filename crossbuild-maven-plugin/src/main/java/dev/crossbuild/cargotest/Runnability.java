package dev.crossbuild.cargotest;

import dev.crossbuild.model.Runners;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.Optional;

/** Whether a target's test binaries can run on this machine, and if not, why and what would fix it. */
public final class Runnability {

    private Runnability() {
    }

    /** The reason the target's tests cannot run here, or empty when they can. */
    public static Optional<String> whyNot(TargetSpec target, TargetTriple host) {
        return whyNot(target, host, Runners.Machine.LOCAL);
    }

    static Optional<String> whyNot(TargetSpec target, TargetTriple host, Runners.Machine machine) {
        if (target.runnerDisabled()) {
            return Optional.of("<runner>none</runner>");
        }
        if (target.runnerCommand().isPresent() || Runners.runsNatively(target.triple(), host)) {
            return Optional.empty();
        }
        return Optional.of("no runner for " + target.triple() + Runners.choose(target.triple(), host, machine)
                .missing().map(fix -> ": " + fix).orElse(""));
    }
}
