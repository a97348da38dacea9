package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.image.RegistryClient;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class RegistryLoginsTest {

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
    void theServerWhoseIdIsTheRegistryHostWins() {
        Settings settings = settingsWith("127.0.0.1:5000", "ci", "token");
        assertThat(RegistryLogins.of("127.0.0.1:5000", settings, null, "prop", "other"))
                .isEqualTo(new RegistryClient.Credentials("ci", "token"));
    }

    @Test
    void otherwiseTheProperties() {
        Settings settings = settingsWith("ghcr.io", "ci", "token");
        assertThat(RegistryLogins.of("127.0.0.1:5000", settings, null, "prop", "secret"))
                .isEqualTo(new RegistryClient.Credentials("prop", "secret"));
        assertThat(RegistryLogins.of("127.0.0.1:5000", null, null, "prop", null))
                .isEqualTo(new RegistryClient.Credentials("prop", ""));
    }

    @Test
    void otherwiseNone() {
        assertThat(RegistryLogins.of("ghcr.io", new Settings(), null, " ", null))
                .isEqualTo(RegistryClient.Credentials.NONE);
    }
}
