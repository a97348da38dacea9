package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.release.AttachedFile;
import dev.crossbuild.release.JReleaserConfig;
import dev.crossbuild.release.ReleaseProject;
import dev.crossbuild.release.ReleaseWriter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Developer;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the release hand-off into {@code target/crossbuild/release/}: {@code dist-manifest.json} (every file
 * attached to the project so far, whatever goal attached it, with its target, platform keys, size and sha256),
 * {@code checksums.txt} ({@code sha256sum} format) and a {@code jreleaser.yml} for GitHub Releases, Homebrew,
 * Scoop and Chocolatey. It reads what is attached when it runs: list it last in the execution, after every goal
 * that attaches an artifact in the {@code package} phase.
 *
 * @since 0.1.0
 */
@Mojo(name = "release-manifest", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ReleaseMojo extends AbstractCrossbuildMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_SKIP, defaultValue = "false")
    private String skipRelease;

    /**
     * The old spelling of this goal's skip switch, {@code crossbuild.release.skip}: still skips the goal, with a warning
     * naming the new spelling.
     *
     * @since 0.1.0
     * @deprecated use the goal's own {@code crossbuild.<goal>.skip}
     */
    @Deprecated
    @Parameter(property = PropertyNames.RELEASE_SKIP_OLD)
    private String skipReleaseOld;

    /**
     * The programs to distribute, one JReleaser distribution each; the binary targets of the crate
     * ({@code cargo metadata --no-deps}) when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_PROGRAMS)
    private List<String> releasePrograms;

    /**
     * The project's tags in {@code jreleaser.yml} (Chocolatey needs one); the artifactId when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_TAGS)
    private List<String> releaseTags;

    /**
     * The Homebrew packager's {@code active}: {@code auto} (ALWAYS when a zip archive of macOS or Linux is
     * attached, see {@code crossbuild.archiveFormat}, else NEVER) or a JReleaser value (always, never, release, …).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_BREW, defaultValue = "auto")
    private String brew;

    /**
     * The Scoop packager's {@code active}: {@code auto} (ALWAYS when a Windows zip archive is attached) or a
     * JReleaser value.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_SCOOP, defaultValue = "auto")
    private String scoop;

    /**
     * The Chocolatey packager's {@code active}: {@code auto} (ALWAYS when a Windows zip archive is attached) or
     * a JReleaser value.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.RELEASE_CHOCOLATEY, defaultValue = "auto")
    private String chocolatey;

    /**
     * The crate whose programs are distributed ({@code cargo --manifest-path}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFEST_PATH, defaultValue = "${project.basedir}/Cargo.toml")
    private File manifestPath;

    @Override
    protected boolean buildsFromSource() {
        return false;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return skipReason(PropertyNames.RELEASE_SKIP, skipRelease, PropertyNames.RELEASE_SKIP_OLD, skipReleaseOld);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        MavenProject project = context.project();
        JReleaserConfig.Packagers packagers = new JReleaserConfig.Packagers(
                PropertyValues.active(PropertyNames.RELEASE_BREW, brew),
                PropertyValues.active(PropertyNames.RELEASE_SCOOP, scoop),
                PropertyValues.active(PropertyNames.RELEASE_CHOCOLATEY, chocolatey));
        String scm = project.getScm() == null ? null : project.getScm().getUrl() != null ? project.getScm().getUrl()
                : project.getScm().getConnection();
        ReleaseProject release = new ReleaseProject(project.getArtifactId(), project.getVersion(), project.getDescription(),
                project.getLicenses().stream().map(License::getName).findFirst().orElse(null), project.getUrl(),
                project.getDevelopers().stream().map(Developer::getName).filter(n -> n != null && !n.isBlank())
                        .toList(), scm, releaseTags == null || releaseTags.isEmpty() ? List.of(project.getArtifactId())
                        : releaseTags, project.getInceptionYear());
        ReleaseWriter.Options options = new ReleaseWriter.Options(context.layout(), context.baseDirectory(),
                project.getGroupId(), release, releasePrograms == null ? List.of() : releasePrograms,
                manifestPath.toPath().toAbsolutePath(), packagers, System.getenv());
        return () -> new ReleaseWriter(context.buildLog(), options).write(attached(project), selected);
    }

    /**
     * Every file attached to the project when this goal runs, the main artifact first when it has one. POMs are
     * left out: Maven 4 attaches a consumer POM under a temporary name, which is Maven's metadata, not a release file.
     */
    private static List<AttachedFile> attached(MavenProject project) {
        List<AttachedFile> files = new ArrayList<>();
        Artifact main = project.getArtifact();
        if (main != null && main.getFile() != null && main.getFile().isFile() && !"pom".equals(main.getType())) {
            files.add(new AttachedFile(main.getFile().toPath(), "", main.getType()));
        }
        for (Artifact artifact : project.getAttachedArtifacts()) {
            if (artifact.getFile() != null && artifact.getFile().isFile() && !"pom".equals(artifact.getType())) {
                files.add(new AttachedFile(Path.of(artifact.getFile().getPath()), artifact.getClassifier(),
                        artifact.getType()));
            }
        }
        return files;
    }
}
