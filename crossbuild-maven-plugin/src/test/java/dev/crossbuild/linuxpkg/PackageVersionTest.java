package dev.crossbuild.linuxpkg;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Maven versions as Debian and RPM versions that each package manager orders as Maven does around a release, the
 * order checked by dpkg and rpm themselves.
 */
class PackageVersionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        // maven               | debian and rpm version
        "1.0.0                 | 1.0.0",
        "1.0.0-SNAPSHOT        | 1.0.0~snapshot",
        "2.1                   | 2.1",
        "1.0.0-beta-1          | 1.0.0~beta.1",
        "1.0.0-alpha1          | 1.0.0~alpha1",
        "3.0-RC2               | 3.0~rc2",
        "3.0-CR2               | 3.0~rc2",
        "3.0-M1                | 3.0~milestone1",
        "3.0-a1                | 3.0~alpha1",
        "3.0-milestone-2       | 3.0~milestone.2",
        "1.2-rc1-SNAPSHOT      | 1.2~rc1~snapshot",
        "1.0-alpha-SNAPSHOT    | 1.0~alpha~snapshot",
        "33.1.0-jre            | 33.1.0+jre",
        "33.1.0-jre-SNAPSHOT   | 33.1.0+jre~snapshot",
        "1.0~pre3              | 1.0~pre3",
        "1.0~foo               | 1.0~foo",
        "1.0-sp1               | 1.0+sp1",
        "1.0-20240101          | 1.0+20240101",
        "1.0-jre17_b           | 1.0+jre17.b",
        "1.0-build-7           | 1.0+build.7",
        "7                     | 7",
        "1.0+git.abc           | 1.0+git.abc",
    })
    void mapsMavenVersions(String maven, String mapped) throws Exception {
        assertThat(PackageVersion.of(maven, null, "the project version"))
                .isEqualTo(new PackageVersion(mapped, mapped, "1"));
    }

    /** Pairs Maven orders older first, each compared by dpkg and by rpm after the mapping. */
    static final String[][] OLDER_NEWER = {
        {"33.1.0-jre-SNAPSHOT", "33.1.0-jre"}, {"1.0-alpha-SNAPSHOT", "1.0-alpha"}, {"1.0-rc1", "1.0-RC2"},
        {"1.0-SNAPSHOT", "1.0"}, {"1.0-beta", "1.0"}, {"1.0-alpha", "1.0-beta"}, {"1.0-beta-2", "1.0-rc1"},
        {"1.0-M1", "1.0-RC1"}, {"1.0-alpha1", "1.0-M1"}, {"1.0-CR1", "1.0-RC2"}, {"1.0-rc1", "1.0-SNAPSHOT"},
        {"1.0-rc1-SNAPSHOT", "1.0-rc1"}, {"1.0-rc1", "1.0-rc1-1"}, {"1.0-beta-1", "1.0-beta-2"},
        {"1.0", "1.0-sp1"}, {"1.0-sp1-SNAPSHOT", "1.0-sp1"}, {"1.0-sp1", "1.0.1"}, {"1.0.1-SNAPSHOT", "1.0.1"},
        {"1.0", "1.0.1-SNAPSHOT"}, {"1.0-SNAPSHOT", "1.0.0"}, {"1.9-SNAPSHOT", "1.10-SNAPSHOT"},
        {"2.0-alpha1", "2.0-alpha2"}, {"33.1.0-jre", "33.2.0-jre-SNAPSHOT"}, {"1.0~pre3", "1.0"},
        {"1.0-ea", "1.0"}, {"1.0-preview", "1.0"}, {"1.0-dev", "1.0"}, {"1.0", "1.0-20240101"},
    };

    @Test
    void dpkgOrdersEveryMappedPairAsMavenDoes() throws Exception {
        require(onPath("dpkg"), "dpkg is not installed: dpkg --compare-versions cannot check the order");
        List<String> wrong = new ArrayList<>();
        for (String[] pair : OLDER_NEWER) {
            String older = PackageVersion.of(pair[0], null, "v").debian();
            String newer = PackageVersion.of(pair[1], null, "v").debian();
            if (exit("dpkg", "--compare-versions", older, "lt", newer) != 0) {
                wrong.add(pair[0] + " (" + older + ") is not below " + pair[1] + " (" + newer + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void rpmOrdersEveryMappedPairAsMavenDoes() throws Exception {
        require(onPath("rpm"), "rpm is not installed: rpm's own rpm.vercmp cannot check the order");
        StringBuilder lua = new StringBuilder();
        for (String[] pair : OLDER_NEWER) {
            PackageVersion older = PackageVersion.of(pair[0], null, "v");
            PackageVersion newer = PackageVersion.of(pair[1], null, "v");
            // version-release, as rpm compares two packages of the same name and epoch
            // rpm's print adds no line break of its own
            lua.append("print(rpm.vercmp('").append(older.rpm()).append("', '").append(newer.rpm())
                    .append("') .. '\\n')\n");
        }
        List<String> results = output("rpm", "--eval", "%{lua:\n" + lua + "}").lines().filter(l -> !l.isBlank())
                .toList();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < OLDER_NEWER.length; i++) {
            if (!"-1".equals(results.get(i).trim())) {
                wrong.add(OLDER_NEWER[i][0] + " (" + PackageVersion.of(OLDER_NEWER[i][0], null, "v").rpm() + ") is "
                        + results.get(i) + " against " + OLDER_NEWER[i][1] + " ("
                        + PackageVersion.of(OLDER_NEWER[i][1], null, "v").rpm() + ")");
            }
        }
        assertThat(results).hasSize(OLDER_NEWER.length);
        assertThat(wrong).isEmpty();
    }

    private static int exit(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anExplicitReleaseReplacesTheComputedOne() throws Exception {
        assertThat(PackageVersion.of("1.0.0-SNAPSHOT", " 0.3.nightly ", "v").rpm())
                .isEqualTo("1.0.0~snapshot-0.3.nightly");
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
