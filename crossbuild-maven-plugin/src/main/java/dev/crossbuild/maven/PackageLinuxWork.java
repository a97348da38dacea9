package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.linuxpkg.BinaryStrip;
import dev.crossbuild.linuxpkg.DpkgLibraryPackages;
import dev.crossbuild.linuxpkg.LinuxPackager;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.PackageOptions;
import dev.crossbuild.packaging.PackagedTarget;
import dev.crossbuild.packaging.PrebuiltArchives;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProjectHelper;

/**
 * What {@code package-linux} does once its parameters are read: take each Linux target's files from what
 * {@code package-arch} recorded (or from the verified prebuilt archives), write its {@code .deb} and
 * {@code .rpm}, and attach both with their checksums, the target id as classifier.
 *
 * @param prebuilt the folder of prebuilt archives, or null to package what was built here
 * @param strip    whether the packages hold the binaries stripped with the target's strip
 */
record PackageLinuxWork(GoalContext context, MavenProjectHelper helper, List<TargetSpec> targets,
        PackageOptions options, LinuxPackager.Options linux, Path prebuilt, boolean prebuiltStrict, boolean strip)
        implements Work {

    @Override
    public void run() throws CrossbuildException {
        BuildLog log = context.buildLog();
        ProcessRunner runner = new ProcessRunner();
        List<LinuxPackager.Input> inputs = new ArrayList<>();
        if (prebuilt != null) {
            // every archive of the set is verified again (all or nothing), whatever gets a package
            List<PackagedTarget> verified = new PrebuiltArchives(options, log).verified(targets, prebuilt,
                    prebuiltStrict);
            for (int i = 0; i < targets.size(); i++) {
                inputs.add(new LinuxPackager.Input(targets.get(i), verified.get(i), null));
            }
        } else {
            // what package-arch recorded after its closure audit: nothing is gathered, read or audited again
            for (TargetSpec target : targets) {
                PackagedTarget.Lookup found = target.triple().isLinux()
                        ? PackagedTarget.find(context.layout(), target, "package-linux")
                        : new PackagedTarget.Lookup(java.util.Optional.empty(), null);
                inputs.add(new LinuxPackager.Input(target, found.record().orElse(null), found.problem()));
            }
        }
        BinaryStrip stripper = strip ? new BinaryStrip(runner, context.environments(), context.resolver()) : null;
        List<LinuxPackager.Written> written = new LinuxPackager(linux, log, new DpkgLibraryPackages(runner),
                stripper).write(inputs);
        for (LinuxPackager.Written file : written) {
            helper.attachArtifact(context.project(), file.type(), file.targetId(), file.file().toFile());
            helper.attachArtifact(context.project(), file.type() + ".sha256", file.targetId(),
                    file.checksum().toFile());
        }
    }
}
