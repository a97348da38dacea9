package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.image.ImageName;
import dev.crossbuild.image.RegistryClient;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Credentials of a registry, never from a mojo parameter (Maven prints those under {@code -X}): the
 * {@code settings.xml} {@code <server>} whose id is the registry host (Jib's convention; Docker Hub also as
 * {@code docker.io}), its password decrypted when it is encrypted; else the environment variables
 * {@value #USERNAME_VARIABLE} and {@value #PASSWORD_VARIABLE} (the user name may also come from
 * {@code crossbuild.image.username}, which is no secret); else none.
 */
final class RegistryLogins {

    static final String USERNAME_VARIABLE = RegistryClient.USERNAME_VARIABLE;
    static final String PASSWORD_VARIABLE = RegistryClient.PASSWORD_VARIABLE;

    private RegistryLogins() {
    }

    /**
     * @param username    {@code crossbuild.image.username}, or null
     * @param environment an environment variable's value by name, or null
     */
    static RegistryClient.Credentials of(String registry, Settings settings, SettingsDecrypter decrypter,
            String username, Function<String, String> environment) throws ProjectException {
        Server server = server(registry, settings);
        if (server != null) {
            Server decrypted = server;
            if (decrypter != null) {
                SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                for (SettingsProblem problem : result.getProblems()) {
                    if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                        throw new ProjectException("settings.xml <server><id>" + server.getId() + "</id>: its"
                                + " password could not be decrypted (" + problem.getMessage() + "); encrypt it again"
                                + " with mvn --encrypt-password, with the master password of settings-security.xml");
                    }
                }
                decrypted = result.getServer();
            }
            return new RegistryClient.Credentials(decrypted.getUsername(), decrypted.getPassword() == null ? ""
                    : decrypted.getPassword());
        }
        String user = username != null && !username.isBlank() ? username.strip()
                : blankToNull(environment.apply(USERNAME_VARIABLE));
        if (user != null) {
            String password = environment.apply(PASSWORD_VARIABLE);
            return new RegistryClient.Credentials(user, password == null ? "" : password);
        }
        return RegistryClient.Credentials.NONE;
    }

    private static Server server(String registry, Settings settings) {
        if (settings == null) {
            return null;
        }
        List<String> ids = registry.equals(ImageName.DOCKER_HUB) ? List.of(registry, "docker.io", "index.docker.io")
                : List.of(registry);
        for (String id : ids) {
            Server server = settings.getServer(id);
            if (server != null) {
                return server;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
