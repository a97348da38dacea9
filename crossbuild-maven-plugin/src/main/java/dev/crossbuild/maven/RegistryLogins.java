package dev.crossbuild.maven;

import dev.crossbuild.image.RegistryClient;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Credentials of a registry, as Jib finds them: the {@code settings.xml} {@code <server>} whose id is the registry
 * host (decrypted), else the {@code crossbuild.image.username}/{@code password} properties, else none.
 */
final class RegistryLogins {

    private RegistryLogins() {
    }

    static RegistryClient.Credentials of(String registry, Settings settings, SettingsDecrypter decrypter,
            String username, String password) {
        Server server = settings == null ? null : settings.getServer(registry);
        if (server != null) {
            Server decrypted = decrypter == null ? server
                    : decrypter.decrypt(new DefaultSettingsDecryptionRequest(server)).getServer();
            return new RegistryClient.Credentials(decrypted.getUsername(), decrypted.getPassword());
        }
        if (username != null && !username.isBlank()) {
            return new RegistryClient.Credentials(username, password == null ? "" : password);
        }
        return RegistryClient.Credentials.NONE;
    }
}
