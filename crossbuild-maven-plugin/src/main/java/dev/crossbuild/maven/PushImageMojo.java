package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.image.ImageBuilder;
import dev.crossbuild.image.ImageName;
import dev.crossbuild.image.ImagePusher;
import dev.crossbuild.image.RegistryClient;
import dev.crossbuild.model.TargetSpec;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Pushes the image {@code package-image} wrote to {@code <image><name>} and each of {@code <image><tags>}: the
 * index, its manifests and every blob the registry lacks. Credentials: the {@code settings.xml} {@code <server>}
 * whose id is the registry host, else the environment variables {@code CROSSBUILD_IMAGE_USERNAME} and
 * {@code CROSSBUILD_IMAGE_PASSWORD} (never a parameter, which {@code -X} would print). Refused under {@code -o}.
 *
 * @since 0.1.0
 */
@Mojo(name = "push-image", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PushImageMojo extends AbstractImageMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PUSH_IMAGE_SKIP, defaultValue = "false")
    private String skipPushImage;

    @Inject
    public PushImageMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected boolean buildsFromSource() {
        return false;
    }

    @Override
    protected String goalSkipReason() throws ProjectException {
        return PropertyValues.skipReason(PropertyNames.PUSH_IMAGE_SKIP, skipPushImage);
    }

    @Override
    protected Work prepare(List<TargetSpec> selected) throws ProjectException {
        GoalContext context = context();
        ImageName name = name();
        if (context.offline()) {
            throw new ProjectException("push-image cannot push " + name + ": Maven is offline (-o); run without -o,"
                    + " or skip the push with -D" + PropertyNames.PUSH_IMAGE_SKIP + "=true");
        }
        List<ImageName> names = new ArrayList<>(List.of(name));
        for (String tag : image().tags == null ? List.<String>of() : image().tags) {
            if (tag != null && !tag.isBlank() && !tag.trim().equals(name.tag())) {
                names.add(name.withTag(tag.trim()));
            }
        }
        RegistryClient client = new RegistryClient(name, credentials(name.registry()), insecure(), timeout());
        return () -> new ImagePusher(context.buildLog()).push(context.layout().imageLayout(), names,
                client);
    }
}
