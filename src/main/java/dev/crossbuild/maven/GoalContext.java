package dev.crossbuild.maven;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.env.CapturingTargetEnvironments;
import dev.crossbuild.env.TargetEnvironments;
import dev.crossbuild.model.HostPlatform;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.tools.ToolResolver;
import java.nio.file.Path;
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

    GoalContext(MavenProject project, MavenSession session, Log log, String cmd) {
        this.project = project;
        this.session = session;
        this.log = log;
        this.cmd = cmd;
    }

    /** The log; under {@code mvn -T} with several modules each line also names the module. */
    BuildLog buildLog() {
        boolean interleaved = session != null && session.isParallel() && session.getProjects().size() > 1;
        return new MavenBuildLog(log, interleaved ? "[" + project.getArtifactId() + "] " : "");
    }

    WorkLayout layout() {
        return new WorkLayout(Path.of(project.getBuild().getDirectory()));
    }

    /** Which compilers and linkers each target uses, decided in one place for every goal. */
    ToolResolver resolver() {
        return ToolResolver.forHost(HostPlatform.current());
    }

    /** A new capture-aware environment source: each goal execution captures a target's script at most once. */
    TargetEnvironments environments() {
        return CapturingTargetEnvironments.forThisProcess(baseDirectory(), layout().envCache(), cmd,
                HostPlatform.current(), buildLog());
    }

    Path baseDirectory() {
        return project.getBasedir().toPath();
    }

    MavenProject project() {
        return project;
    }

    boolean offline() {
        return session != null && session.isOffline();
    }
}
