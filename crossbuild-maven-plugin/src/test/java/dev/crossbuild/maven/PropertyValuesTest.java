package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.tools.CompilerCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value a user can type for a switch or a timeout: what it means, or the error that names it. */
class PropertyValuesTest {

    @ParameterizedTest(name = "[{0}] with default {1} is {2}")
    @CsvSource(nullValues = "null", value = {
        "true,   false, true",
        "false,  true,  false",
        "TRUE,   false, true",
        "False,  true,  false",
        "' true ', false, true",
        "'',     true,  true",
        "'  ',   false, false",
        "null,   true,  true",
        "null,   false, false",
    })
    void switches(String value, boolean defaultValue, boolean expected) throws ProjectException {
        assertThat(PropertyValues.bool("crossbuild.group", value, defaultValue)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource({"maybe", "yes", "1", "0", "on", "truee", "t"})
    void otherSwitchValuesNameThePropertyAndTheValue(String value) {
        assertThatThrownBy(() -> PropertyValues.bool("crossbuild.group", value, true))
                .isInstanceOf(ProjectException.class)
                .hasMessage("-Dcrossbuild.group=" + value + ": must be true or false");
    }

    @ParameterizedTest(name = "[{0}] is {1} minutes")
    @CsvSource(nullValues = "null", value = {
        "1,      1",
        "120,    120",
        "' 45 ', 45",
        "007,    7",
        "'',     30",
        "null,   30",
        "2147483647, 2147483647",
    })
    void minutes(String value, int expected) throws ProjectException {
        assertThat(PropertyValues.positiveMinutes("crossbuild.test.timeout", value, 30)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource({"0", "-5", "-1", "+5", "ten", "1.5", "2h", "1e3", "2147483648", "99999999999999999999"})
    void otherMinuteValuesNameThePropertyAndTheValue(String value) {
        assertThatThrownBy(() -> PropertyValues.positiveMinutes("crossbuild.timeout", value, 120))
                .isInstanceOf(ProjectException.class)
                .hasMessage("-Dcrossbuild.timeout=" + value + ": must be a positive whole number of minutes");
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource({"0", "-5", "ten", "1.5", "30s", "2147483648"})
    void otherSecondValuesNameThePropertyAndTheValue(String value) throws ProjectException {
        assertThat(PropertyValues.positiveSeconds("crossbuild.image.timeout", " 5 ", 60)).isEqualTo(5);
        assertThat(PropertyValues.positiveSeconds("crossbuild.image.timeout", null, 60)).isEqualTo(60);
        assertThatThrownBy(() -> PropertyValues.positiveSeconds("crossbuild.image.timeout", value, 60))
                .isInstanceOf(ProjectException.class)
                .hasMessage("-Dcrossbuild.image.timeout=" + value + ": must be a positive whole number of seconds");
    }

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(nullValues = "null", value = {"sccache, SCCACHE", "CCache, CCACHE", "none, NONE", "'', NONE",
        "null, NONE"})
    void compilerCaches(String value, CompilerCache expected) throws ProjectException {
        assertThat(PropertyValues.compilerCache("crossbuild.compilerCache", value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource({"distcc", "true"})
    void otherCompilerCaches(String value) {
        assertThatThrownBy(() -> PropertyValues.compilerCache("crossbuild.compilerCache", value))
                .isInstanceOf(ProjectException.class)
                .hasMessage("-Dcrossbuild.compilerCache=" + value + ": must be one of sccache, ccache, none");
    }

    /** Maven would turn {@code maybe} into false, or fail on {@code ten} naming the field: only text reaches us. */
    @Test
    void noGoalDeclaresASwitchOrANumberThatMavenWouldConvert() throws IOException {
        Pattern converted = Pattern.compile(
                "@Parameter\\([^)]*\\)\\s+private (boolean|Boolean|int|Integer|long|Long) (\\w+)");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/crossbuild/maven"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("Mojo.java")).toList()) {
                Matcher m = converted.matcher(Files.readString(file));
                while (m.find()) {
                    offenders.add(file.getFileName() + ": " + m.group(2));
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @ParameterizedTest(name = "skip [{0}] gives [{1}]")
    @CsvSource(nullValues = "null", value = {"true, crossbuild.skip is true", "false, null", "'', null", "null, null"})
    void skipReasons(String value, String reason) throws ProjectException {
        assertThat(PropertyValues.skipReason("crossbuild.skip", value)).isEqualTo(reason);
    }

    @ParameterizedTest(name = "archive format [{0}] is {1}")
    @CsvSource(nullValues = "null", value = {"auto, null", "AUTO, null", "'', null", "null, null", "zip, ZIP",
        "' ZIP ', ZIP", "tar.gz, TAR_GZ"})
    void archiveFormats(String value, dev.crossbuild.packaging.ArchiveFormat expected) throws ProjectException {
        assertThat(PropertyValues.archiveFormat("crossbuild.archiveFormat", value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "archive format [{0}] is refused")
    @CsvSource({"tgz", "7z", "tar"})
    void unknownArchiveFormatsNameTheProperty(String value) {
        assertThatThrownBy(() -> PropertyValues.archiveFormat("crossbuild.archiveFormat", value))
                .isInstanceOf(ProjectException.class)
                .hasMessage("-Dcrossbuild.archiveFormat=" + value + ": must be one of auto, zip, tar.gz");
    }

    @ParameterizedTest(name = "packager switch [{0}] is {1}")
    @CsvSource(nullValues = "null", value = {"auto, AUTO", "null, AUTO", "always, ALWAYS", "NEVER, NEVER",
        "release_prerelease, RELEASE_PRERELEASE"})
    void packagerSwitches(String value, dev.crossbuild.release.JReleaserConfig.Active expected)
            throws ProjectException {
        assertThat(PropertyValues.active("crossbuild.release.brew", value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void unknownPackagerSwitchNamesTheProperty() {
        assertThatThrownBy(() -> PropertyValues.active("crossbuild.release.brew", "sometimes"))
                .isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("-Dcrossbuild.release.brew=sometimes: must be one of auto, always, never");
    }

    @ParameterizedTest(name = "folder [{0}] is [{1}]")
    @CsvSource(nullValues = "null", value = {"bin, bin", "' /bin/ ', bin", "'', ''", "null, ''", "usr/bin, usr/bin"})
    void folders(String value, String expected) throws ProjectException {
        assertThat(PropertyValues.folder("crossbuild.programFolder", value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "folder [{0}] is refused")
    @CsvSource({"../bin", "bin/..", "a b", "'.'", "a//b", "C:\\bin"})
    void foldersThatLeaveTheArchiveOrAreNotPlain(String value) {
        assertThatThrownBy(() -> PropertyValues.folder("crossbuild.programFolder", value))
                .isInstanceOf(ProjectException.class)
                .hasMessageStartingWith("-Dcrossbuild.programFolder=");
    }
}
