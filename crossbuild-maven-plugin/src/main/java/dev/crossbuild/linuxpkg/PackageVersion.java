package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.ProjectException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Maven version as Debian and RPM spell it, so that each package manager orders it as Maven does around a
 * release; both get the same string, since dpkg and rpm (4.10 and later) sort {@code ~} below everything, even the
 * end of the version. The number before the first {@code -} (or {@code ~}) is kept; what follows is a qualifier,
 * read as Maven reads it: lower case (Maven compares qualifiers without case: {@code RC2} is {@code rc2}), split
 * into parts at {@code -}, {@code _}, {@code .}, {@code +} and {@code ~}, with Maven's aliases spelled out
 * ({@code a1} = {@code alpha1}, {@code b1} = {@code beta1}, {@code m1} = {@code milestone1}, {@code cr} =
 * {@code rc}). Each part is written after
 * <ul>
 *   <li>{@code ~} when it is a pre-release part ({@code snapshot}, {@code alpha}, {@code beta},
 *       {@code milestone}, {@code rc}, {@code pre}, {@code preview}, {@code dev}, {@code ea}, each with an optional
 *       number, or any part written after {@code ~}): it sorts below what comes before it, so
 *       {@code 1.0~snapshot} &lt; {@code 1.0}, {@code 1.0~rc1~snapshot} &lt; {@code 1.0~rc1} and
 *       {@code 33.1.0+jre~snapshot} &lt; {@code 33.1.0+jre}; Maven's order of the known words (alpha, beta,
 *       milestone, rc, snapshot) is also their alphabetical order;</li>
 *   <li>{@code +} for any other part first in the qualifier ({@code 1.0+sp1}, {@code 33.1.0+jre}: after the
 *       release), {@code .} for one after it ({@code 1.0~beta.1}, {@code 1.0+build.7}).</li>
 * </ul>
 * The Debian version has no revision (the package is native: its changelog is {@code changelog.gz}); the RPM
 * release is 1 unless given. Versions that do not start with a digit, hold an epoch ({@code :}) or characters
 * neither format allows are refused, naming the value.
 *
 * @param debian      the Debian {@code Version}
 * @param rpmVersion  the RPM {@code Version}
 * @param rpmRelease  the RPM {@code Release}
 */
public record PackageVersion(String debian, String rpmVersion, String rpmRelease) {

    private static final Pattern NUMBER = Pattern.compile("[0-9][A-Za-z0-9.+]*");
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9.+_~-]+");
    private static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9._+]+");
    private static final Pattern PRE_RELEASE = Pattern.compile("(snapshot|alpha|beta|milestone|rc|pre|preview|dev|ea)"
            + "[0-9]*");
    /** Maven's short forms: {@code a1}, {@code b2}, {@code m3} (a number must follow) and {@code cr}. */
    private static final Pattern ALIAS = Pattern.compile("[abm][0-9]+|cr[0-9]*");
    private static final String SEPARATORS = "-_.+~";

    /**
     * @param version the Maven version (or the {@code <linuxPackage><version>} override)
     * @param release the RPM release, or null to compute it
     * @param element where the version comes from, for messages
     */
    public static PackageVersion of(String version, String release, String element) throws ProjectException {
        String text = version == null ? "" : version.trim();
        String fix = "; set <linuxPackage><version> to a version that starts with a digit, e.g. 1.2.3 or"
                + " 1.2.3-SNAPSHOT";
        if (text.isEmpty()) {
            throw new ProjectException(element + " is empty" + fix);
        }
        int cut = firstSeparator(text);
        String number = cut < 0 ? text : text.substring(0, cut);
        String qualifier = cut < 0 ? "" : text.substring(cut + 1);
        if (!NUMBER.matcher(number).matches()) {
            throw new ProjectException(element + " `" + text + "` cannot be a Debian or RPM version: "
                    + (text.contains(":") ? "an epoch (`:`) is not supported" : number.isEmpty()
                            || !Character.isDigit(number.charAt(0)) ? "it does not start with a digit"
                                    : "`" + number + "` holds a character other than letters, digits, `.` and `+`")
                    + fix);
        }
        if (cut >= 0 && !QUALIFIER.matcher(qualifier).matches()) {
            throw new ProjectException(element + " `" + text + "` cannot be a Debian or RPM version: the qualifier `"
                    + qualifier + "` " + (qualifier.isEmpty() ? "is empty" : "holds a character other than letters,"
                            + " digits, `.`, `+`, `-`, `_` and `~`") + fix);
        }
        String mapped = cut < 0 ? number : number + qualifier(text.charAt(cut), qualifier);
        String rpmRelease = release == null || release.isBlank() ? "1" : release.trim();
        if (!RELEASE.matcher(rpmRelease).matches()) {
            throw new ProjectException("<linuxPackage><release>" + rpmRelease + "</release> is not an RPM release:"
                    + " use letters, digits, `.`, `_` and `+`, e.g. 1 or 0.1.beta");
        }
        return new PackageVersion(mapped, mapped, rpmRelease);
    }

    /** The qualifier's parts, each after its {@code ~}, {@code +} or {@code .}. */
    private static String qualifier(char separator, String qualifier) {
        StringBuilder text = new StringBuilder();
        char before = separator;
        for (String part : qualifier.toLowerCase(Locale.ROOT).split("(?=[-_.+~])")) {
            if (!part.isEmpty() && SEPARATORS.indexOf(part.charAt(0)) >= 0) {
                before = part.charAt(0);
                part = part.substring(1);
            }
            if (part.isEmpty()) {
                continue;
            }
            String word = ALIAS.matcher(part).matches() ? alias(part) : part;
            if (before == '~' || PRE_RELEASE.matcher(word).matches()) {
                text.append('~');
            } else {
                text.append(text.length() == 0 ? '+' : '.');
            }
            text.append(word);
            before = '.';
        }
        return text.toString();
    }

    private static String alias(String part) {
        return switch (part.charAt(0)) {
            case 'a' -> "alpha" + part.substring(1);
            case 'b' -> "beta" + part.substring(1);
            case 'm' -> "milestone" + part.substring(1);
            default -> "rc" + part.substring(2);
        };
    }

    private static int firstSeparator(String text) {
        int dash = text.indexOf('-');
        int tilde = text.indexOf('~');
        return dash < 0 ? tilde : tilde < 0 ? dash : Math.min(dash, tilde);
    }

    /** {@code version-release}, as rpm prints it. */
    public String rpm() {
        return rpmVersion + "-" + rpmRelease;
    }
}
