package dev.crossbuild.release;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.sbom.CargoResolution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code dist-manifest.json}, {@code checksums.txt} and {@code jreleaser.yml} into
 * {@code target/crossbuild/release/} from the files attached so far.
 */
public final class ReleaseWriter {

    /**
     * @param programs    the programs to distribute, or empty for the crate's binary targets
     * @param manifest    the crate's Cargo.toml, read when {@code programs} is empty
     * @param environment the environment cargo runs in
     */
    public record Options(WorkLayout layout, Path baseDirectory, String groupId, ReleaseProject project,
            List<String> programs, Path manifest, JReleaserConfig.Packagers packagers,
            Map<String, String> environment) {
        public Options {
            programs = List.copyOf(programs);
            environment = Map.copyOf(environment);
        }
    }

    private final BuildLog log;
    private final Options options;

    public ReleaseWriter(BuildLog log, Options options) {
        this.log = log;
        this.options = options;
    }

    /** Writes the release manifest of the attached files, mapped back to the selected targets, and JReleaser's files. */
    public DistManifest write(List<AttachedFile> attached, List<TargetSpec> targets) throws CrossbuildException {
        ReleaseProject project = options.project();
        DistManifest manifest = DistManifest.of(new DistManifest.Coordinates(options.groupId(), project.name(),
                project.version()), attached, targets, options.baseDirectory());
        Path folder = options.layout().releaseDirectory();
        manifest.write(folder);
        if (options.programs().isEmpty() && !java.nio.file.Files.isRegularFile(options.manifest())) {
            throw new ProjectException("release-manifest: there is no " + options.manifest() + " to read the programs"
                    + " from; name them with <releasePrograms> (-D" + "crossbuild.release.programs=a,b) or point"
                    + " <manifestPath> at the crate");
        }
        List<String> programs = options.programs().isEmpty()
                ? new CargoResolution(new ProcessRunner()).programs(options.manifest(), options.environment())
                : options.programs();
        if (programs.isEmpty()) {
            log.warn("the crate has no binary target, so " + JReleaserConfig.FILE + " has no distribution; name the"
                    + " programs with <releasePrograms>");
        }
        if (project.github().isEmpty()) {
            log.warn("<scm> names no GitHub repository, so " + JReleaserConfig.FILE + " has no release section; set"
                    + " <scm><url>https://github.com/OWNER/REPO</url></scm> or add one to the file");
        }
        JReleaserConfig.write(folder.resolve(JReleaserConfig.FILE), project, programs, manifest,
                options.packagers());
        int archives = manifest.archives().size();
        log.info("release hand-off in " + folder + ": " + manifest.artifacts().size() + " artifacts ("
                + archives + " archives for JReleaser), " + DistManifest.CHECKSUMS + ", " + JReleaserConfig.FILE);
        return manifest;
    }
}
