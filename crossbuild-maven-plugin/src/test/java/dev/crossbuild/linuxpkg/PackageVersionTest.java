package dev.crossbuild.linuxpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Maven versions as Debian and RPM versions that each package manager orders as Maven does around a release. */
class PackageVersionTest {

    @ParameterizedTest(name = "{0} → deb {1}, rpm {2}-{3}")
    @CsvSource(delimiter = '|', value = {
        // maven            | debian              | rpm version      | rpm release
        "1.0.0              | 1.0.0               | 1.0.0            | 1",
        "1.0.0-SNAPSHOT     | 1.0.0~SNAPSHOT      | 1.0.0            | 0.SNAPSHOT",
        "2.1                | 2.1                 | 2.1              | 1",
        "1.0.0-beta-1       | 1.0.0~beta.1        | 1.0.0            | 0.beta.1",
        "1.0.0-alpha1       | 1.0.0~alpha1        | 1.0.0            | 0.alpha1",
        "3.0-RC2            | 3.0~RC2             | 3.0              | 0.RC2",
        "3.0-M1             | 3.0~M1              | 3.0              | 0.M1",
        "3.0-milestone-2    | 3.0~milestone.2     | 3.0              | 0.milestone.2",
        "1.2-rc1-SNAPSHOT   | 1.2~rc1.SNAPSHOT    | 1.2              | 0.rc1.SNAPSHOT",
        "1.0~pre3           | 1.0~pre3            | 1.0              | 0.pre3",
        "1.0-sp1            | 1.0+sp1             | 1.0+sp1          | 1",
        "1.0-20240101       | 1.0+20240101        | 1.0+20240101     | 1",
        "1.0-jre17_b        | 1.0+jre17.b         | 1.0+jre17.b      | 1",
        "1.0-build-7        | 1.0+build.7         | 1.0+build.7      | 1",
        "7                  | 7                   | 7                | 1",
        "1.0+git.abc        | 1.0+git.abc         | 1.0+git.abc      | 1",
    })
    void mapsMavenVersions(String maven, String debian, String rpmVersion, String rpmRelease) throws Exception {
        assertThat(PackageVersion.of(maven, null, "the project version"))
                .isEqualTo(new PackageVersion(debian, rpmVersion, rpmRelease));
    }

    @Test
    void anExplicitReleaseReplacesTheComputedOne() throws Exception {
        assertThat(PackageVersion.of("1.0.0-SNAPSHOT", " 0.3.nightly ", "v").rpm()).isEqualTo("1.0.0-0.3.nightly");
        assertThat(PackageVersion.of("1.0.0", "2", "v").rpm()).isEqualTo("1.0.0-2");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "SNAPSHOT          | it does not start with a digit",
        "v1.0              | it does not start with a digit",
        "1:2.0             | an epoch (`:`) is not supported",
        "1.0/2             | `1.0/2` holds a character other than",
        "1.0-              | the qualifier `` is empty",
        "1.0-beta!         | the qualifier `beta!` holds a character other than",
    })
    void refusesWhatNeitherFormatAccepts(String maven, String reason) {
        assertThatThrownBy(() -> PackageVersion.of(maven, null, "the project version"))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("the project version `" + maven + "` cannot be a Debian or RPM version")
                .hasMessageContaining(reason)
                .hasMessageContaining("set <linuxPackage><version>");
    }

    @Test
    void refusesAnEmptyVersionAndABadRelease() {
        assertThatThrownBy(() -> PackageVersion.of("  ", null, "<linuxPackage><version>"))
                .hasMessageStartingWith("<linuxPackage><version> is empty");
        assertThatThrownBy(() -> PackageVersion.of("1.0", "1-2", "v"))
                .hasMessageContaining("<linuxPackage><release>1-2</release> is not an RPM release");
    }
}
