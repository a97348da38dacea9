package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.env.CapturingTargetEnvironments;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.reproducible.ReproducibleBuild;
import dev.crossbuild.tools.CompilerCache;
import dev.crossbuild.tools.ToolResolver;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * What every goal execution hands the core, made from the project and session: the log, the work layout,
 * the tool resolver and the target environments. A new one per execution: nothing is shared between threads.
 */
final class GoalContext {

    private final MavenProject project;
    private final MavenSession session;
    private final Log log;
    private final String cmd;
    private final String compilerCache;

    GoalContext(MavenProject project, MavenSession session, Log log, String cmd, String compilerCache) {
        this.project = project;
        this.session = session;
        this.log = log;
        this.cmd = cmd;
        this.compilerCache = compilerCache;
    }

    /** Maven's log; under {@code mvn -T} with several modules each line also names the module. */
    BuildLog buildLog() {
        BuildLog maven = BuildLog.of(log::info, log::warn, log::error, log::debug, log::isDebugEnabled);
        boolean interleaved = session != null && session.isParallel() && session.getProjects().size() > 1;
        return interleaved ? maven.prefixed("[" + project.getArtifactId() + "] ") : maven;
    }

    WorkLayout layout() {
        return new WorkLayout(Path.of(project.getBuild().getDirectory()));
    }

    /** Which compilers and linkers each target uses, decided in one place for every goal. */
    ToolResolver resolver() {
        return ToolResolver.forHost(HostPlatform.current());
    }

    /** The compile cache every compiler of every goal runs behind. */
    CompilerCache compilerCache() throws ProjectException {
        return PropertyValues.compilerCache(PropertyNames.COMPILER_CACHE, compilerCache);
    }

    /** A new capture-aware environment source: each goal execution captures a target's script at most once. */
    TargetEnvironments environments() {
        return environments(baseDirectory(), layout());
    }

    /** The same for a copy of the project elsewhere (the second build of the reproducibility check). */
    TargetEnvironments environments(Path base, WorkLayout layout) {
        return CapturingTargetEnvironments.forThisProcess(base, layout.envCache(), cmd, HostPlatform.current(),
                buildLog());
    }

    /** What makes the binaries reproducible, or {@link ReproducibleBuild#OFF} when {@code enabled} is false. */
    ReproducibleBuild reproducible(String outputTimestamp, boolean enabled) {
        return reproducibleFor(baseDirectory(), layout(), outputTimestamp, enabled);
    }

    /** The same for a project in another directory. */
    ReproducibleBuild reproducibleFor(Path base, WorkLayout layout, String outputTimestamp, boolean enabled) {
        if (!enabled) {
            return ReproducibleBuild.OFF;
        }
        String cargoHome = System.getenv("CARGO_HOME");
        Path home = cargoHome != null && !cargoHome.isBlank() ? Path.of(cargoHome)
                : Path.of(System.getProperty("user.home"), ".cargo");
        Instant time;
        try {
            time = OutputTimestamp.parse(outputTimestamp);
        } catch (ProjectException invalid) {
            time = OutputTimestamp.FIXED; // package-arch reports the invalid value
        }
        return ReproducibleBuild.of(true, time, base, home, layout.root());
    }

    Path baseDirectory() {
        return project.getBasedir().toPath();
    }

    MavenProject project() {
        return project;
    }

    /** An environment variable as Maven read it at start ({@code env.NAME}), or null. */
    String environmentVariable(String name) {
        return session == null ? null : session.getSystemProperties().getProperty("env." + name);
    }

    /** Whether a property is set on the command line ({@code -D}), in the pom or in the JVM. */
    boolean propertySet(String name) {
        return session != null && (session.getUserProperties().containsKey(name)
                || session.getSystemProperties().containsKey(name)) || project.getProperties().containsKey(name);
    }

    boolean offline() {
        return session != null && session.isOffline();
    }
}
