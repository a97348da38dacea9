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
     * @since 0.1.0
     */
    @Parameter
    private Image image;

    /**
     * Repository and tag of the image, over {@code <image><name>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE_NAME)
    private String imageName;

    /**
     * User name for the registry when {@code settings.xml} has no {@code <server>} whose id is the registry host;
     * the password then comes from the environment variable {@code CROSSBUILD_IMAGE_PASSWORD}, never from a
     * parameter (Maven prints parameters under {@code -X}). Without it, {@code CROSSBUILD_IMAGE_USERNAME}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE_USERNAME)
    private String username;

    /**
     * The longest the registry may stay silent, in seconds: no byte sent or taken by it (connecting may take at
     * most 30 of them). A registry that accepts a connection and never answers fails the goal after this wait.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.IMAGE_TIMEOUT, defaultValue = "60")
    private String imageTimeout;

    /**
     * Talks plain HTTP to the registry instead of HTTPS: for a registry on loopback.
     *
     * @since 0.1.0
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

    protected java.time.Duration timeout() throws ProjectException {
        return java.time.Duration.ofSeconds(PropertyValues.positiveSeconds(PropertyNames.IMAGE_TIMEOUT, imageTimeout,
                (int) RegistryClient.DEFAULT_TIMEOUT.toSeconds()));
    }

    protected RegistryClient.Credentials credentials(String registry) throws ProjectException {
        refusePasswordProperty();
        return RegistryLogins.of(registry, settings, decrypter, username, context()::environmentVariable);
    }

    /** The credentials of any registry host, from the values of this execution. */
    protected RegistryClient.Logins logins() throws ProjectException {
        refusePasswordProperty();
        GoalContext context = context();
        Settings s = settings;
        SettingsDecrypter d = decrypter;
        String u = username;
        return registry -> RegistryLogins.of(registry, s, d, u, context::environmentVariable);
    }

    /** The password property the plugin once read is refused: Maven would print it. */
    private void refusePasswordProperty() throws ProjectException {
        if (context().propertySet(PropertyNames.IMAGE_PASSWORD_REMOVED)) {
            throw new ProjectException(PropertyNames.IMAGE_PASSWORD_REMOVED + " is not read: Maven prints every goal"
                    + " parameter under -X, so a password is never one; remove the property (from the command line"
                    + " or the pom) and give the password in " + RegistryClient.whereCredentialsGo("<registry host>"));
        }
    }
}
