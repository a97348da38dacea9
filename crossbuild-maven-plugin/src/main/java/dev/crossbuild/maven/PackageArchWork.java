package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.CompilerLibraryLocator;
import dev.crossbuild.packaging.PackageOptions;
import dev.crossbuild.packaging.Packager;
import dev.crossbuild.packaging.PrebuiltArchives;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProjectHelper;

/**
 * What {@code package-arch} does once its parameters are read: package every target (or gather the prebuilt
 * archives), attach each archive and its checksum with the target id as classifier, and, asked to, build again
 * to prove the archives reproducible.
 *
 * @param prebuilt the folder of prebuilt archives, or null to package what was built here
 * @param second   the reproducibility check, or null
 */
record PackageArchWork(GoalContext context, MavenProjectHelper helper, List<TargetSpec> targets,
        PackageOptions options, Path prebuilt, boolean prebuiltStrict, SecondBuild second) implements Work {

    @Override
    public void run() throws CrossbuildException {
        BuildLog log = context.buildLog();
        Packager.Result result = prebuilt == null
                ? new Packager(options, log, new CompilerLibraryLocator(new ProcessRunner(), context.environments(),
                        context.resolver(), context.layout())).packageTargets(targets)
                : new PrebuiltArchives(options, log).gather(targets, prebuilt, prebuiltStrict);
        for (Packager.PackagedArchive archive : result.archives()) {
            String type = archive.format().extension();
            helper.attachArtifact(context.project(), type, archive.targetId(), archive.archive().toFile());
            helper.attachArtifact(context.project(), type + ".sha256", archive.targetId(),
                    archive.checksum().toFile());
        }
        log.info("crossbuild package-arch summary (" + result.sums() + "):");
        result.report().summaryLines().forEach(log::info);
        if (second != null) {
            second.verify(context, targets, result);
        }
    }
}
