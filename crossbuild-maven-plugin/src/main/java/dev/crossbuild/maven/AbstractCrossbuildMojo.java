package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLock;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.maven.pom.NativeBuild;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.Runners;
import dev.crossbuild.model.TargetMatrix;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.UniversalTargets;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.zig.ZigProgram;
import dev.crossbuild.zig.ZigWrappers;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters every goal shares (the target matrix and the skip switch) and the one template
 * {@code execute()}: check skip and say why, read every parameter and select targets, run, translate failures
 * once.
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
     * Native (C/C++) builds, run per selected target before cargo; cargo sees each output directory as
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
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private String skip;

    /**
     * The cmd that runs batch-file environment scripts ({@code <vcvars>} ending in {@code .bat} or {@code .cmd}),
     * as a command line; {@code %ComSpec%} on Windows when unset, elsewhere e.g. {@code wine cmd}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CMD)
    private String cmd;

    /**
     * The zig that {@code <linker>zig</linker>} targets run: the zig executable, or the folder holding it (a release
     * archive unpacked, the npm package's folder); a relative path is read from the project's folder. When unset,
     * zig is found on PATH.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ZIG)
    private String zig;

    /**
     * The folder a fan-in CI job downloaded every job's archives and {@code .sha256} files into (flat or one
     * subfolder per job). Set, nothing is built: the build goals skip, and {@code package-arch} verifies and
     * attaches the prebuilt archives instead, all or nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PREBUILT)
    private File prebuilt;

    /**
     * A compile cache: {@code sccache} (rustc through {@code RUSTC_WRAPPER}, and the native builds' compilers),
     * {@code ccache} (native builds only) or {@code none}. Its {@code SCCACHE_*}/{@code CCACHE_*} variables pass
     * through.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.COMPILER_CACHE, defaultValue = "none")
    private String compilerCache;

    /**
     * The format of every target's archive: {@code auto} (zip for Windows targets, tar.gz for the others),
     * {@code zip} or {@code tar.gz}. Read by {@code package-arch}, the fan-in and {@code matrix} (each entry's
     * {@code archive}). Homebrew takes only zip archives, so a project released to it sets {@code zip}.
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ARCHIVE_FORMAT, defaultValue = "auto")
    private String archiveFormat;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            if (PropertyValues.bool(PropertyNames.SKIP, skip)) {
                getLog().info("Skipping crossbuild: " + PropertyNames.SKIP + " is true");
                return;
            }
            String goalSkip = prebuilt != null && buildsFromSource() ? PropertyNames.PREBUILT + " is set, so the"
                    + " archives come from " + prebuilt + " and nothing is built on this machine" : goalSkipReason();
            if (goalSkip != null) {
                getLog().info("Skipping: " + goalSkip);
                return;
            }
            long start = System.nanoTime();
            Work work = prepare(selectedTargets());
            long prepared = System.nanoTime();
            try (BuildLock lock = BuildLock.acquire(context().layout().lockFile(), context().buildLog())) {
                work.run();
            }
            if (getLog().isDebugEnabled()) {
                // where a build that has nothing to do spends its time (bench/noop.sh): mvn -X shows it per goal
                getLog().debug("crossbuild timing: prepare " + (prepared - start) / 1_000_000 + " ms, run "
                        + (System.nanoTime() - prepared) / 1_000_000 + " ms");
            }
        } catch (ProjectException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (CrossbuildException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Whether the goal builds from sources, and so has nothing to do in a fan-in job ({@code prebuilt}). */
    protected boolean buildsFromSource() {
        return true;
    }

    protected Path prebuilt() {
        return prebuilt == null ? null : prebuilt.toPath().toAbsolutePath();
    }

    /** The goal's own skip switch, as the reason to print, or null to run. */
    protected abstract String goalSkipReason() throws ProjectException;

    /**
     * The skip reason of a goal whose switch was renamed to {@code crossbuild.<goal>.skip}: the new spelling
     * decides when it is set; the old one still skips, with a warning naming the new spelling.
     */
    protected String skipReason(String property, String value, String oldProperty, String oldValue)
            throws ProjectException {
        String reason = PropertyValues.skipReason(property, value);
        if (reason == null && oldValue != null && PropertyValues.bool(oldProperty, oldValue)) {
            getLog().warn(oldProperty + " is deprecated: use " + property + " (the goal's own name)");
            return oldProperty + " is true";
        }
        return reason;
    }

    /** Reads and checks every parameter of the goal, so that a bad value fails before anything runs. */
    protected abstract Work prepare(List<TargetSpec> selected) throws ProjectException;

    /**
     * The selected targets, each with its runner: the pom's, or the one chosen for this machine; a
     * {@code <linker>zig</linker>} target with its zig wrappers written and set as its compilers.
     */
    protected List<TargetSpec> selectedTargets() throws CrossbuildException {
        List<TargetSpec> selected = TargetMatrix.select(Target.toSpecs(targets), targetSelection,
                HostPlatform.current());
        List<TargetSpec> built = buildsSlices() ? UniversalTargets.expand(selected) : selected;
        ZigProgram program = built.stream().anyMatch(TargetSpec::zigLinker) ? zigProgram() : ZigProgram.ON_PATH;
        return ZigWrappers.apply(Runners.withChosenRunners(built, HostPlatform.current(), Runners.Machine.LOCAL),
                context().layout(), program);
    }

    /** The zig of {@code <zig>}, checked to be an executable file, or zig on PATH when unset. */
    protected ZigProgram zigProgram() throws ProjectException {
        return ZigProgram.of(zig, project.getBasedir().toPath());
    }

    /**
     * Whether the goal builds: its selected targets are then the targets as built, a macOS universal target as its
     * slices ({@link UniversalTargets}); the packaging goals see the universal target itself.
     */
    protected boolean buildsSlices() {
        return false;
    }

    /** Every configured target, whatever is selected. */
    protected List<TargetSpec> configuredTargets() throws ProjectException {
        return TargetMatrix.select(Target.toSpecs(targets), null, HostPlatform.current());
    }

    /** The configured native builds, checked: ids unique, target ids known. */
    protected List<NativeBuildSpec> nativeBuilds() throws ProjectException {
        List<TargetSpec> configured = Target.toSpecs(targets);
        List<NativeBuildSpec> specs = NativeBuild.toSpecs(nativeBuilds, project.getBasedir().toPath(),
                configured.stream().map(TargetSpec::id).toList());
        return specs.stream().map(b -> withSlices(b, configured)).toList();
    }

    /** A native build for a macOS universal target is one for each of its slices too. */
    private static NativeBuildSpec withSlices(NativeBuildSpec build, List<TargetSpec> configured) {
        if (build.targets().isEmpty()) {
            return build;
        }
        List<String> ids = new java.util.ArrayList<>(build.targets());
        configured.stream().filter(t -> build.targets().contains(t.id()) && t.triple().isUniversalApple())
                .flatMap(t -> UniversalTargets.slices(t).stream()).forEach(slice -> ids.add(slice.id()));
        return new NativeBuildSpec(build.id(), build.tool(), build.directory(), build.args(), build.env(), ids,
                build.test());
    }

    /** The archive format chosen for every target, or null for each target's own. */
    protected ArchiveFormat archiveFormat() throws ProjectException {
        return PropertyValues.archiveFormat(PropertyNames.ARCHIVE_FORMAT, archiveFormat);
    }

    /** The project, session and log of this execution, as the core needs them. */
    protected GoalContext context() {
        return new GoalContext(project, session, getLog(), cmd, compilerCache);
    }
}
