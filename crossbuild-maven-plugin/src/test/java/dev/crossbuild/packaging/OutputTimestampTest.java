package dev.crossbuild.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OutputTimestampTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2024-01-02T03:04:05Z, 2024-01-02T03:04:05Z",
            "2024-01-02T05:04:05+02:00, 2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.987Z, 2024-01-02T03:04:05Z",
            "1704164645, 2024-01-02T03:04:05Z",
    })
    void parsesIsoAndEpochSeconds(String value, String expected) throws Exception {
        assertThat(OutputTimestamp.parse(value)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1", "-", " "})
    void unsetOrSwitchedOffMeansTheFixedTime(String value) throws Exception {
        assertThat(OutputTimestamp.parse(value)).isEqualTo(OutputTimestamp.FIXED);
    }

    @ParameterizedTest
    @CsvSource({"yesterday, neither an ISO-8601", "2024-13-01T00:00:00Z, neither an ISO-8601",
            "1970-01-02T00:00:00Z, before 1980"})
    void refusesWhatItCannotUse(String value, String message) {
        assertThatThrownBy(() -> OutputTimestamp.parse(value)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("<project.build.outputTimestamp>").hasMessageContaining(message);
    }
}
