package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.release.JReleaserConfig;
import dev.crossbuild.tools.CompilerCache;
import java.util.Locale;

/**
 * The one place that turns the text of a parameter into a value. Switches and timeouts are declared as
 * {@code String}, because Maven itself turns {@code -Dcrossbuild.group=maybe} into {@code false} without a word and
 * fails on {@code -Dcrossbuild.timeout=ten} naming the Java field; here each error names the {@code -D} property
 * and the value. Empty or unset means the default.
 *
 * @since 0.1.0
 */
final class PropertyValues {

    private PropertyValues() {
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean bool(String property, String value, boolean defaultValue) throws ProjectException {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ProjectException(where(property, value) + ": must be true or false");
        };
    }

    /** The same, {@code false} when unset. */
    static boolean bool(String property, String value) throws ProjectException {
        return bool(property, value, false);
    }

    /** A whole number of minutes, at least 1. */
    static int positiveMinutes(String property, String value, int defaultMinutes) throws ProjectException {
        return positive(property, value, defaultMinutes, "minutes");
    }

    /** A whole number of seconds, at least 1. */
    static int positiveSeconds(String property, String value, int defaultSeconds) throws ProjectException {
        return positive(property, value, defaultSeconds, "seconds");
    }

    private static int positive(String property, String value, int defaultValue, String unit)
            throws ProjectException {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String digits = value.trim();
        try {
            if (digits.matches("[0-9]+")) {
                int number = Integer.parseInt(digits);
                if (number > 0) {
                    return number;
                }
            }
        } catch (NumberFormatException tooLarge) {
            // reported below, as every other value that is not a positive whole number
        }
        throw new ProjectException(where(property, value) + ": must be a positive whole number of " + unit);
    }

    /** The reason to skip a goal when its skip switch is on, or null to run it. */
    static String skipReason(String property, String value) throws ProjectException {
        return bool(property, value) ? property + " is true" : null;
    }

    /** {@code sccache}, {@code ccache} or {@code none}, in any case. */
    static CompilerCache compilerCache(String property, String value) throws ProjectException {
        return CompilerCache.parse(value).orElseThrow(() -> new ProjectException(where(property, value)
                + ": must be one of sccache, ccache, none"));
    }

    /** {@code auto} (each target's own: zip for Windows, tar.gz for the others; null), {@code zip} or {@code tar.gz}. */
    static ArchiveFormat archiveFormat(String property, String value) throws ProjectException {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("auto")) {
            return null;
        }
        return ArchiveFormat.ofExtension(value.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                new ProjectException(where(property, value) + ": must be one of auto, zip, tar.gz"));
    }

    /** A relative folder inside an archive: letters, digits, {@code . _ -} and {@code /}, no {@code ..}; empty for none. */
    static String folder(String property, String value) throws ProjectException {
        String folder = value == null ? "" : value.strip().replaceAll("^/+|/+$", "");
        if (!folder.matches("[A-Za-z0-9._/-]*") || (java.util.Arrays.asList(folder.split("/")).contains("..") || java.util.Arrays.asList(folder.split("/")).contains("."))
                || folder.contains("//")) {
            throw new ProjectException(where(property, value) + ": must be a relative folder such as bin (letters,"
                    + " digits, . _ - and /, no ..)");
        }
        return folder;
    }

    /** A packager switch of the generated jreleaser.yml: {@code auto} or one of JReleaser's {@code active} values. */
    static JReleaserConfig.Active active(String property, String value) throws ProjectException {
        if (value == null || value.isBlank()) {
            return JReleaserConfig.Active.AUTO;
        }
        try {
            return JReleaserConfig.Active.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProjectException(where(property, value) + ": must be one of auto, always, never, release,"
                    + " prerelease, release_prerelease, snapshot");
        }
    }

    private static String where(String property, String value) {
        return "-D" + property + "=" + value;
    }
}
