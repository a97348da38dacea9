package dev.crossbuild.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNameTest {

    @ParameterizedTest
    @CsvSource({
        "hello,                          registry-1.docker.io, library/hello,  latest",
        "acme/hello:1.0,                 registry-1.docker.io, acme/hello,     1.0",
        "ghcr.io/acme/hello:1.0,         ghcr.io,              acme/hello,     1.0",
        "127.0.0.1:5000/acme/hello:v2,   127.0.0.1:5000,       acme/hello,     v2",
        "localhost/hello,                localhost,            hello,          latest",
        "localhost:5000/a/b/c:1.0-rc_1,  localhost:5000,       a/b/c,          1.0-rc_1",
        // Docker Hub's names for itself, and its official images under library/
        "docker.io/acme/app,             registry-1.docker.io, acme/app,       latest",
        "docker.io/app:3,                registry-1.docker.io, library/app,    3",
        "index.docker.io/acme/app:1,     registry-1.docker.io, acme/app,       1",
        "registry-1.docker.io/app,       registry-1.docker.io, library/app,    latest",
        "Docker.IO/acme/app,             registry-1.docker.io, acme/app,       latest",
        "app:3,                          registry-1.docker.io, library/app,    3",
        "ghcr.io/app,                    ghcr.io,              app,            latest",
        "'[::1]:5000/acme/app',          '[::1]:5000',         acme/app,       latest",
        "registry.example:1/app,         registry.example:1,   app,            latest",
        "registry.example:65535/app,     registry.example:65535, app,          latest",
    })
    void parsesLikeDocker(String text, String registry, String repository, String tag) throws ProjectException {
        assertThat(ImageName.parse(text, "<image><name>")).isEqualTo(new ImageName(registry, repository, tag));
    }

    @ParameterizedTest
    @CsvSource({
        "ghcr.io/Acme/hello:1.0, the repository `Acme/hello`",
        "ghcr.io/acme/hello:-x,  the tag `-x`",
        "ghcr.io/acme//hello,    the repository `acme//hello`",
        "host:notaport/app,      the registry port `notaport` is not a port",
        "host:99999/app,         the registry port `99999` is not a port",
        "host:0/app,             the registry port `0` is not a port",
        "host:/app,              the registry port `` is not a port",
        "host:-1/app,            the registry port `-1` is not a port",
        "bad_host.example/app,   the registry host `bad_host.example` is not a host name",
        "-bad.example/app,       the registry host `-bad.example`",
        "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, a digest (@sha256:…) is not supported",
    })
    void refusesNamingTheElement(String text, String expected) {
        assertThatThrownBy(() -> ImageName.parse(text, "<image><name>")).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("<image><name> `" + text + "`").hasMessageContaining(expected);
    }

    @org.junit.jupiter.api.Test
    void unsetNamesTheElement() {
        assertThatThrownBy(() -> ImageName.parse(" ", "-Dcrossbuild.image.name")).isInstanceOf(ProjectException.class)
                .hasMessageContaining("-Dcrossbuild.image.name is not set");
    }

    @ParameterizedTest
    @CsvSource({
        "pusher:Sup3r-S3cret@127.0.0.1:5000/acme/hello:1.0, 127.0.0.1:5000/acme/hello:1.0",
        "pusher:Sup3r-S3cret@ghcr.io/acme/hello,            ghcr.io/acme/hello",
        "pusher:Sup3r@S3cret@ghcr.io/acme/hello,            ghcr.io/acme/hello",
        "Sup3r-S3cret@ghcr.io/acme/hello,                   ghcr.io/acme/hello",
    })
    void refusesCredentialsWithoutRepeatingThem(String text, String rest) {
        assertThatThrownBy(() -> ImageName.parse(text, "<image><name>")).isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("<image><name> `…@" + rest + "` holds credentials")
                .hasMessageContaining("settings.xml").hasMessageContaining("CROSSBUILD_IMAGE_PASSWORD")
                .hasMessageNotContaining("S3cret").hasMessageNotContaining("pusher");
    }
}
