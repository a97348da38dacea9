package dev.crossbuild.maven;

import dev.crossbuild.cargo.CargoOptions;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.sbom.SbomSpec;
import dev.crossbuild.sbom.TargetSboms;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes a CycloneDX 1.6 SBOM for every selected target, {@code ${project.build.finalName}-<id>.cdx.json}, and
 * attaches it with classifier = target id and type {@code cdx.json}: the project as main component, every crate
 * cargo resolves for the target's triple ({@code cargo metadata --filter-platform}) with its purl, license and
 * Cargo.lock checksum (build dependencies and proc-macros with scope {@code excluded}), the native builds, and
 * the files {@code package-arch} packaged, each bundled library with its sha256 and Debian package
 * ({@code dpkg -S}). Its time is {@code project.build.outputTimestamp}. With {@code crossbuild.prebuilt} it
 * attaches the SBOMs the build jobs made instead. List it after {@code package-arch}.
 *
 * @since 0.1.0
 */
@Mojo(name = "sbom", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class SbomMojo extends AbstractDeliveryMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SBOM_SKIP, defaultValue = "false")
    private String skipSbom;

    @Inject
    public SbomMojo(MavenProjectHelper projectHelper) {
        super(projectHelper);
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.SBOM_SKIP, skipSbom);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        MavenProject project = context.project();
        CargoOptions cargo = prebuilt() == null ? cargoOptions(buildTimeout(), false) : null;
        SbomSpec.Project main = new SbomSpec.Project(project.getGroupId(), project.getArtifactId(),
                project.getVersion(), project.getName(), project.getDescription(),
                project.getLicenses().stream().map(License::getName).filter(n -> n != null && !n.isBlank()).toList());
        TargetSboms.Options options = new TargetSboms.Options(context.layout(), context.baseDirectory(), finalName(),
                OutputTimestamp.parse(outputTimestamp()), main, cargo == null ? null : cargo.manifest(),
                cargo == null ? List.of() : cargo.selection().featureArgs(),
                cargo == null ? List.of() : cargo.extraArgs(), context.offline(), nativeBuilds());
        boolean strict = prebuiltStrict();
        Path prebuilt = prebuilt();
        return () -> {
            TargetSboms sboms = new TargetSboms(new ProcessRunner(), context.environments(), context.buildLog(),
                    options);
            for (TargetSboms.Written sbom : prebuilt == null ? sboms.write(selected)
                    : sboms.gather(selected, prebuilt, strict)) {
                projectHelper.attachArtifact(project, TargetSboms.EXTENSION, sbom.targetId(), sbom.file().toFile());
            }
        };
    }
}
