package dev.crossbuild.maven;

import dev.crossbuild.core.Json;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.toolchain.ToolchainReport;
import dev.crossbuild.toolchain.ToolchainValidator;
import dev.crossbuild.tools.CompilerCache;
import dev.crossbuild.zig.ZigProgram;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks, before anything is compiled, that every selected target can be built: the rustup
 * toolchain, cargo and rustc, that rustc knows the triple, that its standard library is installed,
 * that the configured linker, compilers, archiver and runner are on PATH, and that the Cargo.lock
 * format is readable by every target's cargo. Lists every problem of every target with its fix,
 * and writes the findings to {@code target/crossbuild/toolchain.json}.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate-toolchain", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateToolchainMojo extends AbstractCrossbuildMojo {

    /**
     * Runs {@code rustup target add} for targets whose standard library is missing.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INSTALL_TARGETS, defaultValue = "false")
    private String installTargets;

    /**
     * The crate's manifest ({@code cargo --manifest-path}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MANIFEST_PATH, defaultValue = "${project.basedir}/Cargo.toml")
    private File manifestPath;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VALIDATE_SKIP, defaultValue = "false")
    private String skipValidate;

    /** A macOS universal target is built as its slices. */
    @Override
    protected boolean buildsSlices() {
        return true;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.VALIDATE_SKIP, skipValidate);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        boolean install = PropertyValues.bool(PropertyNames.INSTALL_TARGETS, installTargets);
        Path manifest = manifestPath.toPath().toAbsolutePath();
        List<NativeBuildSpec> natives = nativeBuilds();
        CompilerCache cache = context().compilerCache();
        ZigProgram zig = selected.stream().anyMatch(TargetSpec::zigLinker) ? zigProgram() : ZigProgram.ON_PATH;
        return () -> {
            GoalContext context = context();
            ToolchainValidator validator = new ToolchainValidator(new ProcessRunner(), context.environments(),
                    context.buildLog(), context.baseDirectory(), context.resolver(), context.layout().toolchainCache())
                    .zig(zig);
            ToolchainReport report = validator.validate(selected, manifest, install, natives, cache);
            Path file = context.layout().toolchainReport();
            Json.write(file, report);
            if (!report.ok()) {
                List<String> problems = report.allProblems();
                throw new ProjectException("the toolchain check found " + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + " (details in " + file + "):\n  - "
                        + String.join("\n  - ", problems));
            }
        };
    }
}
