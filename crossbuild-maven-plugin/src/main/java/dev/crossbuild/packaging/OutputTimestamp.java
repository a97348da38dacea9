package dev.crossbuild.packaging;

import dev.crossbuild.core.ProjectException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The time stamped on every archive entry, from Maven's {@code project.build.outputTimestamp}. */
public final class OutputTimestamp {

    /** Used when the project sets no timestamp, so archives are reproducible anyway. */
    public static final Instant FIXED = Instant.parse("2000-01-01T00:00:00Z");

    /** Zip cannot store times before 1980; tar could, but both formats get the same time. */
    private static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:00Z");

    private OutputTimestamp() {
    }

    /**
     * Parses the property like Maven's archivers: ISO-8601 with offset, or seconds since the epoch;
     * unset or a single character (Maven's way of switching it off) means {@link #FIXED}.
     */
    public static Instant parse(String value) throws ProjectException {
        if (value == null || value.trim().length() < 2) {
            return FIXED;
        }
        String text = value.trim();
        Instant instant;
        try {
            instant = text.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(text))
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ProjectException("<project.build.outputTimestamp> `" + text + "` is neither an ISO-8601 time"
                    + " with offset (e.g. 2024-01-01T00:00:00Z) nor seconds since 1970; fix the property in the pom");
        }
        if (instant.isBefore(EARLIEST)) {
            throw new ProjectException("<project.build.outputTimestamp> `" + text + "` is before 1980, which zip"
                    + " archives cannot store; use a later time");
        }
        return Instant.ofEpochSecond(instant.getEpochSecond());
    }
}
