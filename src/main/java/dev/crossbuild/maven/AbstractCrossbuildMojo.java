package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.BuildLock;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.env.CapturingTargetEnvironments;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.TargetMatrix;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.Executables;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.tools.ToolResolver;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every goal shares (the target matrix and the skip switch) and the one template
 * {@code execute()}: check skip and say why, select targets, run, translate failures once.
 */
abstract class AbstractCrossbuildMojo extends AbstractMojo {

    /**
     * The target matrix. Without it the plugin builds for the host only.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<Target> targets;

    /**
     * Native (C/C++) builds run for every selected target before cargo, each out of tree in
     * {@code target/crossbuild/<target-id>/native/<id>}; cargo sees each output directory as
     * {@code CROSSBUILD_NATIVE_<ID>_DIR}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<NativeBuild> nativeBuilds;

    /**
     * Comma-separated ids of the targets to build; all configured targets when empty. A profile may
     * set it, e.g. {@code <crossbuild.targets>windows-arm64</crossbuild.targets>} in {@code -Parm64}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TARGETS)
    private String targetSelection;

    /**
     * The crate's manifest ({@code cargo --manifest-path}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFEST_PATH, defaultValue = "${project.basedir}/Cargo.toml")
    private File manifestPath;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * The cmd that runs batch-file environment scripts ({@code <vcvars>} ending in {@code .bat} or
     * {@code .cmd}), as a command line; {@code %ComSpec%} on Windows when unset. Elsewhere e.g.
     * {@code wine cmd}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CMD)
    private String cmd;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping crossbuild: " + PropertyNames.SKIP + " is true");
            return;
        }
        String goalSkip = goalSkipReason();
        if (goalSkip != null) {
            getLog().info("Skipping: " + goalSkip);
            return;
        }
        try (BuildLock lock = BuildLock.acquire(layout().lockFile(), buildLog())) {
            run(selectedTargets());
        } catch (ProjectException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (CrossbuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** The goal's own skip switch, as the reason to print, or null to run. */
    protected abstract String goalSkipReason();

    protected abstract void run(List<TargetSpec> selected) throws CrossbuildException;

    protected List<TargetSpec> selectedTargets() throws ProjectException {
        return TargetMatrix.select(configured(), targetSelection, HostPlatform.current());
    }

    /** Every configured target, whatever is selected. */
    protected List<TargetSpec> configuredTargets() throws ProjectException {
        return TargetMatrix.select(configured(), null, HostPlatform.current());
    }

    private List<TargetSpec> configured() throws ProjectException {
        List<TargetSpec> configured = new ArrayList<>();
        if (targets != null) {
            for (int i = 0; i < targets.size(); i++) {
                configured.add(targets.get(i).toSpec(i + 1));
            }
        }
        return configured;
    }

    /** The configured native builds, checked: ids unique, target ids known. */
    protected List<NativeBuildSpec> nativeBuilds() throws ProjectException {
        List<String> known = new ArrayList<>();
        for (int i = 0; targets != null && i < targets.size(); i++) {
            known.add(targets.get(i).toSpec(i + 1).id());
        }
        return NativeBuild.toSpecs(nativeBuilds, baseDirectory(), known);
    }

    /** The log; under {@code mvn -T} with several modules each line also names the module. */
    protected BuildLog buildLog() {
        boolean interleaved = session != null && session.isParallel() && session.getProjects().size() > 1;
        return new MavenBuildLog(getLog(), interleaved ? "[" + project.getArtifactId() + "] " : "");
    }

    protected WorkLayout layout() {
        return new WorkLayout(buildDirectory());
    }

    /** Which compilers and linkers each target uses, decided in one place for every goal. */
    protected ToolResolver resolver() {
        return ToolResolver.forHost(HostPlatform.current());
    }

    protected MavenSession session() {
        return session;
    }

    /** A new capture-aware environment source: each goal execution captures a target's script at most once. */
    protected TargetEnvironments environments() {
        Map<String, String> inherited = System.getenv();
        boolean windows = Executables.isWindows();
        var settings = new CapturingTargetEnvironments.Settings(baseDirectory(),
                layout().envCache(),
                CapturingTargetEnvironments.cmdCommand(cmd, inherited, windows), HostPlatform.current(), windows);
        return new CapturingTargetEnvironments(inherited, settings, new ProcessRunner(), buildLog());
    }

    protected MavenProject project() {
        return project;
    }

    protected Path manifest() {
        return manifestPath.toPath().toAbsolutePath();
    }

    protected Path buildDirectory() {
        return Path.of(project.getBuild().getDirectory());
    }

    protected Path baseDirectory() {
        return project.getBasedir().toPath();
    }
}
