package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.linuxpkg.LinuxPackager;
import dev.crossbuild.linuxpkg.PackageMetadata;
import dev.crossbuild.linuxpkg.ProjectFacts;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.PackageOptions;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.model.Developer;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes a {@code .deb} and an {@code .rpm} for every selected Linux target, {@code ${project.build.finalName}-<id>.deb}
 * and {@code .rpm} in {@code target/}, from the same files {@code package-arch} archives, after the same proofs:
 * programs in {@code /usr/bin}, the libraries they bring in {@code /usr/lib/<name>/} where their {@code $ORIGIN}
 * runpath finds them, {@code copyright} and {@code changelog.gz} in {@code /usr/share/doc/<name>/}, and the
 * dependencies the binaries need ({@code libc6 (>= 2.x)}; rpm's soname requires). Each package and its
 * {@code .sha256} are attached with classifier = target id and type {@code deb} or {@code rpm}, and listed in
 * {@code SHA256SUMS}. Windows and macOS targets get none. With {@code crossbuild.prebuilt} the packages are made from
 * the verified archives of the fan-in. Every time in them is {@code project.build.outputTimestamp}.
 *
 * @since 0.1.0
 */
@Mojo(name = "package-linux", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageLinuxMojo extends AbstractPackageMojo {

    /**
     * What the packages say about themselves, each element overriding the pom: {@code <name>}, {@code <version>},
     * {@code <release>}, {@code <maintainer>}, {@code <summary>}, {@code <description>}, {@code <license>},
     * {@code <homepage>}, {@code <section>}, {@code <depends>}, {@code <requires>},
     * {@code <files><file><source>…</source><destination>…</destination><mode>0644</mode></file></files>} and
     * {@code <strip>} ({@code true}: the packages hold the programs and libraries stripped with the target's own
     * strip, as {@code dh_strip} does; {@code false} keeps them as built).
     *
     * @since 0.1.0
     */
    @Parameter
    private LinuxPackage linuxPackage;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_LINUX_SKIP, defaultValue = "false")
    private String skipPackageLinux;

    /**
     * The old spelling of this goal's skip switch, {@code crossbuild.packageLinux.skip}: still skips the goal, with a warning
     * naming the new spelling.
     *
     * @since 0.1.0
     * @deprecated use the goal's own {@code crossbuild.<goal>.skip}
     */
    @Deprecated
    @Parameter(property = PropertyNames.PACKAGE_LINUX_SKIP_OLD)
    private String skipPackageLinuxOld;

    @Inject
    public PackageLinuxMojo(MavenProjectHelper projectHelper) {
        super(projectHelper);
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return skipReason(PropertyNames.PACKAGE_LINUX_SKIP, skipPackageLinux, PropertyNames.PACKAGE_LINUX_SKIP_OLD, skipPackageLinuxOld);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        PackageOptions options = packageOptions();
        PackageMetadata metadata = PackageMetadata.resolve(facts(context.project()),
                LinuxPackage.toSettings(linuxPackage, context.baseDirectory()));
        LinuxPackager.Options linux = new LinuxPackager.Options(context.layout().buildDirectory(),
                context.layout().linuxPackagesWork(), finalName(), options.timestamp(), metadata);
        return new PackageLinuxWork(context, projectHelper, selected, options, linux, prebuilt(), prebuiltStrict(),
                LinuxPackage.strip(linuxPackage));
    }

    private static ProjectFacts facts(MavenProject project) {
        List<ProjectFacts.Developer> developers = project.getDevelopers() == null ? List.of()
                : project.getDevelopers().stream().map(PackageLinuxMojo::developer).toList();
        List<ProjectFacts.License> licenses = project.getLicenses() == null ? List.of()
                : project.getLicenses().stream().map(PackageLinuxMojo::license).toList();
        return new ProjectFacts(project.getArtifactId(), project.getVersion(), project.getModel().getName(),
                project.getDescription(), project.getUrl(), project.getOrganization() == null ? null
                        : project.getOrganization().getName(), developers, licenses);
    }

    private static ProjectFacts.Developer developer(Developer d) {
        return new ProjectFacts.Developer(d.getId(), d.getName(), d.getEmail(), d.getOrganization());
    }

    private static ProjectFacts.License license(License l) {
        return new ProjectFacts.License(l.getName(), l.getUrl());
    }
}
