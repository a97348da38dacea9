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
    })
    void parsesLikeDocker(String text, String registry, String repository, String tag) throws ProjectException {
        assertThat(ImageName.parse(text, "<image><name>")).isEqualTo(new ImageName(registry, repository, tag));
    }

    @ParameterizedTest
    @CsvSource({
        "ghcr.io/Acme/hello:1.0, the repository `Acme/hello`",
        "ghcr.io/acme/hello:-x,  the tag `-x`",
        "ghcr.io/acme//hello,    the repository `acme//hello`",
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
}
