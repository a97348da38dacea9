package dev.crossbuild.maven;

import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.Packager;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.rebuildcheck.ReproducibilityCheck;
import java.util.List;

/**
 * {@code package-arch -Dcrossbuild.verifyReproducible=true} as read from its parameters: how the first build was
 * made, and what the second one in a copy of the project repeats of it.
 *
 * @param keepCopy     {@code crossbuild.verifyReproducible.keep}
 * @param reproducible whether the first build made its binaries reproducible
 */
record SecondBuild(ReproducibilityCheck.FirstBuild first, boolean keepCopy, String outputTimestamp,
        boolean reproducible) {

    /** Builds every target again and fails unless each archive is byte-identical to the first build's. */
    void verify(GoalContext context, List<TargetSpec> targets, Packager.Result firstResult)
            throws CrossbuildException {
        new ReproducibilityCheck(new ProcessRunner(), context.buildLog(), keepCopy).verify(targets, first,
                firstResult.archives().stream().map(Packager.PackagedArchive::archive).toList(),
                context::environments, (base, layout) -> context.reproducibleFor(base, layout, outputTimestamp,
                        reproducible));
    }
}
