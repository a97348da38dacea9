package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.image.RegistryClient;
import java.util.Map;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** Where credentials come from: settings.xml first, then the environment; never a parameter's password. */
class RegistryLoginsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("CROSSBUILD_IMAGE_USERNAME", "env-user",
            "CROSSBUILD_IMAGE_PASSWORD", "env-secret");

    private static Settings settingsWith(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }

    @Test
    void theServerWhoseIdIsTheRegistryHostWins() throws ProjectException {
        Settings settings = settingsWith("127.0.0.1:5000", "ci", "token");
        assertThat(RegistryLogins.of("127.0.0.1:5000", settings, null, "prop", ENVIRONMENT::get))
                .isEqualTo(new RegistryClient.Credentials("ci", "token"));
    }

    @Test
    void dockerHubsServerMayBeCalledDockerIo() throws ProjectException {
        Settings settings = settingsWith("docker.io", "hub", "token");
        assertThat(RegistryLogins.of("registry-1.docker.io", settings, null, null, ENVIRONMENT::get))
                .isEqualTo(new RegistryClient.Credentials("hub", "token"));
    }

    @Test
    void otherwiseTheEnvironment() throws ProjectException {
        Settings settings = settingsWith("ghcr.io", "ci", "token");
        assertThat(RegistryLogins.of("127.0.0.1:5000", settings, null, null, ENVIRONMENT::get))
                .isEqualTo(new RegistryClient.Credentials("env-user", "env-secret"));
        // the user name may be a property (it is no secret); the password still comes from the environment
        assertThat(RegistryLogins.of("127.0.0.1:5000", settings, null, "prop", ENVIRONMENT::get))
                .isEqualTo(new RegistryClient.Credentials("prop", "env-secret"));
        assertThat(RegistryLogins.of("127.0.0.1:5000", null, null, "prop", name -> null))
                .isEqualTo(new RegistryClient.Credentials("prop", ""));
    }

    @Test
    void otherwiseNone() throws ProjectException {
        assertThat(RegistryLogins.of("ghcr.io", new Settings(), null, " ", name -> null))
                .isEqualTo(RegistryClient.Credentials.NONE);
        assertThat(RegistryLogins.of("ghcr.io", new Settings(), null, null,
                Map.of("CROSSBUILD_IMAGE_PASSWORD", "alone")::get)).isEqualTo(RegistryClient.Credentials.NONE);
    }
}
