package dev.crossbuild.linuxpkg;

import dev.crossbuild.core.ProjectException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Maven version as Debian and RPM spell it, so that each package manager orders it as Maven does around a
 * release. The number before the first {@code -} (or {@code ~}) is kept; what follows is a qualifier, its
 * {@code -} and {@code _} written as {@code .}:
 * <ul>
 *   <li>a pre-release qualifier ({@code SNAPSHOT}, {@code alpha}, {@code beta}, {@code milestone}, {@code rc},
 *       {@code cr}, {@code pre}, {@code preview}, {@code dev}, {@code ea}, {@code a1}, {@code b2}, {@code m3}, or
 *       any qualifier written after {@code ~}) sorts before the release: Debian {@code 1.0.0~SNAPSHOT}; RPM
 *       version {@code 1.0.0}, release {@code 0.SNAPSHOT} (a release of 0 sorts before the final release's 1);</li>
 *   <li>any other qualifier ({@code sp1}, {@code 20240101}, {@code jre17}) sorts after it: Debian {@code 1.0+sp1},
 *       RPM version {@code 1.0+sp1}, release 1;</li>
 *   <li>no qualifier: Debian {@code 1.0.0}, RPM {@code 1.0.0} release 1.</li>
 * </ul>
 * The Debian version has no revision (the package is native: its changelog is {@code changelog.gz}). An
 * explicit RPM release replaces the computed one. Versions that do not start with a digit, hold an epoch
 * ({@code :}) or characters neither format allows are refused, naming the value.
 *
 * @param debian      the Debian {@code Version}
 * @param rpmVersion  the RPM {@code Version}
 * @param rpmRelease  the RPM {@code Release}
 */
public record PackageVersion(String debian, String rpmVersion, String rpmRelease) {

    private static final Pattern NUMBER = Pattern.compile("[0-9][A-Za-z0-9.+]*");
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9.+_~-]+");
    private static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9._+]+");
    private static final Pattern PRE_RELEASE = Pattern.compile(
            "(snapshot|alpha|beta|milestone|rc|cr|pre|preview|dev|ea|[abm](?=[0-9]))([^a-z].*)?");

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
        String normalized = qualifier.replaceAll("[-_~]", ".");
        boolean pre = cut >= 0 && (text.charAt(cut) == '~'
                || PRE_RELEASE.matcher(qualifier.toLowerCase(Locale.ROOT)).matches());
        String debian = cut < 0 ? number : number + (pre ? "~" : "+") + normalized;
        String rpmVersion = cut < 0 || pre ? number : number + "+" + normalized;
        String computed = pre ? "0." + normalized : "1";
        String rpmRelease = release == null || release.isBlank() ? computed : release.trim();
        if (!RELEASE.matcher(rpmRelease).matches()) {
            throw new ProjectException("<linuxPackage><release>" + rpmRelease + "</release> is not an RPM release:"
                    + " use letters, digits, `.`, `_` and `+`, e.g. 1 or 0.1.beta");
        }
        return new PackageVersion(debian, rpmVersion, rpmRelease);
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
