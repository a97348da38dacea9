package dev.crossbuild.nativeloader;

import java.io.File;
import java.net.URL;

/**
 * The check that a native JAR was built for the same version as the Java JAR whose class loads it. The
 * plugin writes the project's {@code groupId:artifactId} and version into the index; the JAR of the class
 * passed to {@link NativeLibraries#extract} tells its own version in
 * {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} (which Maven puts in every JAR it builds).
 * When both are known and differ, the libraries' functions may not be the ones the {@code native} methods
 * expect, and the loader fails, naming both versions and JARs. Either unknown (an index of an older plugin,
 * a class from a folder or from a JAR of another artifact) skips the check; so does
 * {@code -Dcrossbuild.native.versionCheck=false}. Loaded only when the versions differ.
 */
final class VersionCheck {

    /** Set to {@code false} to load a native JAR whatever version the Java JAR has. */
    static final String PROPERTY = "crossbuild.native.versionCheck";

    private VersionCheck() {
    }

    /**
     * Fails for a Java JAR of another version than the index's, unless the property turns the check off.
     * The versions are compared before this class is loaded ({@link IndexSource#javaVersion}), so that
     * a start whose versions agree does not load it.
     */
    static void check(Class<?> anchor, NativeIndex index, IndexSource source, String javaVersion) {
        String off = System.getProperty(PROPERTY);
        if (off != null && off.trim().equalsIgnoreCase("false")) {
            return;
        }
        File javaJar = IndexSource.jarOf(anchor);
        String message = mismatch(index.artifact(), index.version(), nativeJar(source), anchor.getName(),
                javaVersion, String.valueOf(javaJar));
        if (message != null) {
            throw new UnsatisfiedLinkError(message);
        }
    }

    /** The message for two versions that differ, or null when they agree or either is unknown. */
    static String mismatch(String artifact, String nativeVersion, String nativeJar, String anchor,
            String javaVersion, String javaJar) {
        if (artifact == null || nativeVersion == null || javaVersion == null || nativeVersion.equals(javaVersion)) {
            return null;
        }
        return "the native JAR " + nativeJar + " was built for " + artifact + " " + nativeVersion + ", but "
                + anchor + " comes from " + javaJar + ", " + artifact + " " + javaVersion + ": its native methods"
                + " may not match the library's functions. Align the dependency versions: the same <version> for "
                + artifact + " and its native JARs (<classifier>s), e.g. one property or a <dependencyManagement>"
                + " entry for both; or set -D" + PROPERTY + "=false to load it anyway";
    }

    /** The JAR file of the native JAR's index, or its URL. */
    private static String nativeJar(IndexSource source) {
        if (source.jarFile != null) {
            return source.jarFile.toString();
        }
        String where = source.where;
        int bang = where.indexOf("!/");
        if (where.startsWith("jar:file:") && bang > 0) {
            try {
                return new File(new URL(where.substring(4, bang)).toURI()).toString();
            } catch (Exception e) {
                return where.substring(4, bang);
            }
        }
        return where;
    }

}
