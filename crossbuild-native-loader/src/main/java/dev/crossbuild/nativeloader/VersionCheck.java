package dev.crossbuild.nativeloader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The check that a native JAR was built for the same version as the Java JAR whose class loads it. The
 * plugin writes the project's {@code groupId:artifactId} and version into the index; the JAR of the class
 * passed to {@link NativeLibraries#extract} tells its own version in
 * {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} (which Maven puts in every JAR it builds).
 * When both are known and differ, the libraries' functions may not be the ones the {@code native} methods
 * expect, and the loader fails, naming both versions and JARs. Either unknown (an index of an older plugin,
 * a class from a folder or from a JAR of another artifact) skips the check; so does
 * {@code -Dcrossbuild.native.versionCheck=false}. Loaded only for an index that names its version.
 */
final class VersionCheck {

    /** Set to {@code false} to load a native JAR whatever version the Java JAR has. */
    static final String PROPERTY = "crossbuild.native.versionCheck";

    private VersionCheck() {
    }

    static void check(Class<?> anchor, NativeIndex index, IndexSource source) {
        String off = System.getProperty(PROPERTY);
        if (off != null && off.trim().equalsIgnoreCase("false")) {
            return;
        }
        File javaJar = jarOf(anchor);
        if (javaJar == null) {
            return;
        }
        String javaVersion = pomVersion(javaJar, index.artifact());
        String message = mismatch(index.artifact(), index.version(), nativeJar(source), anchor.getName(),
                javaVersion, javaJar.toString());
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

    /** The JAR file a class was loaded from, or null (a folder, no code source, not a file). */
    static File jarOf(Class<?> anchor) {
        try {
            CodeSource code = anchor.getProtectionDomain().getCodeSource();
            URL location = code == null ? null : code.getLocation();
            if (location == null || !location.getProtocol().equals("file")) {
                return null;
            }
            File file = new File(location.toURI());
            return file.isFile() ? file : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The {@code version} of {@code META-INF/maven/<g>/<a>/pom.properties} in a JAR, or null. */
    static String pomVersion(File jar, String artifact) {
        int colon = artifact.indexOf(':');
        if (colon <= 0 || colon == artifact.length() - 1) {
            return null;
        }
        String entryName = "META-INF/maven/" + artifact.substring(0, colon) + "/" + artifact.substring(colon + 1)
                + "/pom.properties";
        // a ZipFile on the JAR the class loader has open shares its opened directory: no second read of it
        try (ZipFile zip = new ZipFile(jar)) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null || entry.getSize() > 64 * 1024) {
                return null;
            }
            byte[] bytes = new byte[8192];
            int n = 0;
            try (InputStream in = zip.getInputStream(entry)) {
                int r;
                while (n < bytes.length && (r = in.read(bytes, n, bytes.length - n)) >= 0) {
                    n += r;
                }
            }
            return property(NativeIndex.utf8(bytes, 0, n), "version");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A {@code key=value} line's value in a properties text as Maven writes it, or null. */
    static String property(String text, String key) {
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(from, end).trim();
            from = end + 1;
            if (line.startsWith(key)) {
                String rest = line.substring(key.length()).trim();
                if (rest.startsWith("=") || rest.startsWith(":")) {
                    String value = rest.substring(1).trim();
                    return value.isEmpty() ? null : value;
                }
            }
        }
        return null;
    }
}
