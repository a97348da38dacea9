package dev.crossbuild.maven;

import static dev.crossbuild.maven.PropertyValues.bool;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.PackageOptions;
import dev.crossbuild.rebuildcheck.ReproducibilityCheck;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packages every selected target into {@code ${project.build.finalName}-<id>.zip} (Windows targets)
 * or {@code .tar.gz} (the others; {@code crossbuild.archiveFormat} chooses one for all), with one top folder
 * {@code ${project.build.finalName}-<id>/} (the binaries in its {@code crossbuild.programFolder} when set), after
 * proving from each binary's header that it was built for the target's machine and that every library it needs
 * is a system library of that platform, in the archive, or bundled ({@code crossbuild.bundleLibraries}). Writes a
 * {@code .sha256} beside each archive, one {@code SHA256SUMS}, {@code target/crossbuild/report.json},
 * and attaches each archive (and its checksum) with classifier = target id, so {@code install} and
 * {@code deploy} publish every architecture. Archives are reproducible: entry times come from
 * {@code project.build.outputTimestamp}.
 *
 * @since 0.1.0
 */
@Mojo(name = "package-arch", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageArchMojo extends AbstractPackageMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_ARCH_SKIP, defaultValue = "false")
    private String skipPackageArch;

    /**
     * Builds every selected target a second time from a copy of the project in another directory and fails,
     * naming the target and the first differing file, unless the archives are byte-identical. The copy leaves out
     * build outputs and version control and IDE folders, and is removed afterwards.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VERIFY_REPRODUCIBLE, defaultValue = "false")
    private String verifyReproducible;

    /**
     * With {@code verifyReproducible}: keeps the second build's copy of the project (its path is logged) instead
     * of removing it, to look at what differs.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.VERIFY_REPRODUCIBLE_KEEP, defaultValue = "false")
    private String verifyReproducibleKeep;

    @Inject
    public PackageArchMojo(MavenProjectHelper projectHelper) {
        super(projectHelper);
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.PACKAGE_ARCH_SKIP, skipPackageArch);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        PackageOptions options = packageOptions();
        boolean keep = bool(PropertyNames.VERIFY_REPRODUCIBLE_KEEP, verifyReproducibleKeep);
        boolean reproducibleOn = reproducibleOn();
        SecondBuild second = bool(PropertyNames.VERIFY_REPRODUCIBLE, verifyReproducible) && prebuilt() == null
                ? new SecondBuild(new ReproducibilityCheck.FirstBuild(context.baseDirectory(), context.layout(),
                        cargoOptions(buildTimeout(), false), options, nativeOptions(true), options.nativeBuilds()),
                        keep, outputTimestamp(), reproducibleOn) : null;
        return new PackageArchWork(context, projectHelper, selected, options, prebuilt(), prebuiltStrict(), second);
    }
}
