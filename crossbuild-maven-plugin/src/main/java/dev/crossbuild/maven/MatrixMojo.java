package dev.crossbuild.maven;

import dev.crossbuild.ci.CiMatrix;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the selected targets as a GitHub Actions matrix, one entry per target with its {@code id},
 * {@code triple}, the {@code runner} that suits it and its {@code archive} type, so a CI workflow can
 * build each target on its own machine ({@code mvn -B package -Dcrossbuild.targets=<id>}). Needs no
 * Cargo.toml and no toolchain. Run it as {@code mvn -q crossbuild:matrix}: the JSON goes to standard
 * output, or to the file {@code -Dcrossbuild.matrix.output=FILE}.
 *
 * @since 0.1.0
 */
@Mojo(name = "matrix", threadSafe = true)
public class MatrixMojo extends AbstractCrossbuildMojo {

    /**
     * The file to write the matrix JSON to; standard output when unset.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MATRIX_OUTPUT)
    private File matrixOutput;

    /**
     * Runner labels chosen by hand, by target id, instead of the suggested GitHub-hosted ones, e.g.
     * {@code <ciRunners><windows-arm64>self-hosted-arm64</windows-arm64></ciRunners>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> ciRunners;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MATRIX_SKIP, defaultValue = "false")
    private String skipMatrix;

    @Override
    protected boolean buildsFromSource() {
        return false;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.MATRIX_SKIP, skipMatrix);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        CiMatrix.checkOverrides(configuredTargets(), ciRunners);
        var format = archiveFormat();
        CiMatrix matrix = CiMatrix.of(selected, ciRunners, format == null ? null : format.extension());
        return () -> {
            if (matrixOutput == null) {
                // the matrix is the goal's product, not a log line: plain stdout, so `mvn -q` prints only it
                System.out.println(matrix.toJson());
                return;
            }
            matrix.write(matrixOutput.toPath());
            getLog().info("wrote the matrix of " + selected.size() + " target(s) to " + matrixOutput);
        };
    }
}
