package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.image.ImageName;
import dev.crossbuild.image.RegistryClient;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** The parameters {@code package-image} and {@code push-image} share: the image, and how to reach its registry. */
abstract class AbstractImageMojo extends AbstractCrossbuildMojo {

    /**
     * The image: {@code <name>}, {@code <base>}, {@code <entrypoint>}, {@code <directory>}, {@code <env>},
     * {@code <labels>}, {@code <user>}, {@code <ports>}, {@code <tags>}.
     *
     * @since 0.2.0
     */
    @Parameter
    private Image image;

    /**
     * Repository and tag of the image, over {@code <image><name>}.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.IMAGE_NAME)
    private String imageName;

    /**
     * User name for the registry when {@code settings.xml} has no {@code <server>} whose id is the registry host.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.IMAGE_USERNAME)
    private String username;

    /**
     * Password or token for the registry, with {@code crossbuild.image.username}; feed it from the environment.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.IMAGE_PASSWORD)
    private String password;

    /**
     * Talks plain HTTP to the registry instead of HTTPS: for a registry on loopback.
     *
     * @since 0.2.0
     */
    @Parameter(property = PropertyNames.IMAGE_INSECURE, defaultValue = "false")
    private String insecure;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    AbstractImageMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    protected Image image() {
        return image == null ? new Image() : image;
    }

    protected ImageName name() throws ProjectException {
        boolean fromProperty = imageName != null && !imageName.isBlank();
        return ImageName.parse(fromProperty ? imageName : image().name, fromProperty ? "-D" + PropertyNames.IMAGE_NAME
                : "<image><name>");
    }

    protected boolean insecure() throws ProjectException {
        return PropertyValues.bool(PropertyNames.IMAGE_INSECURE, insecure);
    }

    protected RegistryClient.Credentials credentials(String registry) {
        return logins().apply(registry);
    }

    /** The credentials of any registry host, from the values of this execution. */
    protected java.util.function.Function<String, RegistryClient.Credentials> logins() {
        Settings s = settings;
        SettingsDecrypter d = decrypter;
        String u = username;
        String p = password;
        return registry -> RegistryLogins.of(registry, s, d, u, p);
    }
}
