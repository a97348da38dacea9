package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.image.ImageBuilder;
import dev.crossbuild.image.ImageName;
import dev.crossbuild.image.ImageSpec;
import dev.crossbuild.image.ImageTarget;
import dev.crossbuild.image.RegistryPull;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.packaging.OutputTimestamp;
import dev.crossbuild.packaging.PackagedTarget;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Builds one multi-platform OCI image of the selected Linux targets from what they ship, as {@code package-arch}
 * recorded it (or the fan-in from the verified prebuilt archives): the layout {@code target/crossbuild/image/}, its
 * index tagged with the image tag and one ref per platform ({@code <tag>-<arch>}), and an OCI archive attached with
 * classifier {@code image} (type {@code tar}). Before writing, every program is checked to start on its base image.
 *
 * @since 0.1.0
 */
@Mojo(name = "package-image", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageImageMojo extends AbstractImageMojo {

    /**
     * The base image, over {@code <image><base>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE_BASE)
    private String baseImage;

    /**
     * The source revision, for the {@code org.opencontainers.image.revision} annotation; CI's commit when set.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE_REVISION, defaultValue = "${env.GITHUB_SHA}")
    private String revision;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PACKAGE_IMAGE_SKIP, defaultValue = "false")
    private String skipPackageImage;

    /**
     * The base name of the archives ({@code <finalName>-<id>.tar.gz}) and of the image archive.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    private String finalName;

    /**
     * The time of every file in the image and its {@code created}.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    private final MavenProjectHelper projectHelper;

    @Inject
    public PackageImageMojo(MavenProjectHelper projectHelper, SettingsDecrypter decrypter) {
        super(decrypter);
        this.projectHelper = projectHelper;
    }

    @Override
    protected boolean buildsFromSource() {
        return false;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.PACKAGE_IMAGE_SKIP, skipPackageImage);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        MavenProject project = context.project();
        Image image = image();
        ImageName name = name();
        String base = baseImage != null && !baseImage.isBlank() ? baseImage : image.base;
        ImageSpec spec = new ImageSpec(name, base, image.entrypoint, image.directory, image.env, image.labels,
                image.user, image.ports, annotations(project), OutputTimestamp.parse(outputTimestamp));
        Path build = Path.of(project.getBuild().getDirectory());
        List<ImageTarget> targets = new java.util.ArrayList<>();
        for (TargetSpec t : selected) {
            PackagedTarget.Lookup found = lookup(context, t);
            targets.add(new ImageTarget(t.id(), t.triple(), found.record().orElse(null), found.problem()));
        }
        RegistryPull puller = new RegistryPull(context.layout().imageBases(), logins(),
                insecure(), context.offline(), timeout());
        Path archive = build.resolve(finalName + "-image.tar");
        return () -> {
            ImageBuilder.Result result = new ImageBuilder(spec, context.layout(), context.baseDirectory(),
                    puller, context.buildLog()).build(targets, archive);
            projectHelper.attachArtifact(project, "tar", "image", result.archive().toFile());
            context.buildLog().info("image " + name + ": " + String.join(", ", result.platforms())
                    + (result.leftOut().isEmpty() ? "" : "; left out (not Linux): " + String.join(", ",
                    result.leftOut())));
        };
    }

    /** What package-arch (or the fan-in) recorded for the target: read when it runs, after package-arch. */
    private static PackagedTarget.Lookup lookup(GoalContext context, TargetSpec target) throws ProjectException {
        try {
            return PackagedTarget.find(context.layout(), target, "package-image");
        } catch (dev.crossbuild.core.MachineException e) {
            throw new ProjectException(e.getMessage());
        }
    }

    /** The OCI annotations the pom knows. */
    private Map<String, String> annotations(MavenProject project) {
        Map<String, String> values = new LinkedHashMap<>();
        String source = project.getScm() != null && project.getScm().getUrl() != null ? project.getScm().getUrl()
                : project.getUrl();
        put(values, "source", source);
        put(values, "version", project.getVersion());
        put(values, "revision", revision);
        put(values, "licenses", project.getLicenses().stream().map(License::getName)
                .filter(n -> n != null && !n.isBlank()).collect(Collectors.joining(" AND ")));
        put(values, "title", project.getName());
        put(values, "description", project.getDescription());
        try {
            put(values, "created", java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    OutputTimestamp.parse(outputTimestamp)));
        } catch (ProjectException invalid) {
            // prepare() has already failed on it
        }
        return values;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank() && !value.startsWith("${")) {
            values.put("org.opencontainers.image." + key, value.trim().replaceAll("\\s+", " "));
        }
    }
}
