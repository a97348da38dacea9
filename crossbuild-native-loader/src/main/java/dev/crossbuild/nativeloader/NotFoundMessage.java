package dev.crossbuild.nativeloader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The message of {@link NativeLibraryNotFoundError}: the platform key and how it was found, the resource
 * tried, the platforms whose JARs the class loader sees, and the {@code <dependency>} to add. Loaded only
 * when a JAR is missing.
 */
final class NotFoundMessage {

    private NotFoundMessage() {
    }

    /** Throws the error of {@link #notFound}. */
    static void fail(Class<?> anchor, ClassLoader loader, String name, String platform, String indexPath) {
        throw notFound(anchor, loader, name, platform, indexPath);
    }

    static NativeLibraryNotFoundError notFound(Class<?> anchor, ClassLoader loader, String name,
            String platform, String indexPath) {
        List<String> present = presentPlatforms(loader, name);
        List<String> tried = Collections.singletonList(indexPath);
        boolean forced = System.getProperty(NativeLibraries.PLATFORM_PROPERTY) != null
                && !System.getProperty(NativeLibraries.PLATFORM_PROPERTY).trim().isEmpty();
        String[] coordinates = coordinates(anchor, name);
        StringBuilder m = new StringBuilder();
        m.append("No native library ").append(name).append(" for platform ").append(platform)
                .append(" on the class path of ").append(anchor.getName()).append(" (class loader ")
                .append(loader).append(").");
        if (forced) {
            m.append("\nPlatform set by -D").append(NativeLibraries.PLATFORM_PROPERTY).append('.');
        } else {
            m.append("\nPlatform detected from os.name=").append(System.getProperty("os.name"))
                    .append(", os.arch=").append(System.getProperty("os.arch"))
                    .append(", sun.arch.data.model=").append(System.getProperty("sun.arch.data.model"));
            if (platform.startsWith("linux-")) {
                m.append(", C library ").append(platform.endsWith("-musl") ? "musl" : "glibc")
                        .append(" (the dynamic loader mapped in /proc/self/maps)");
            }
            m.append('.');
        }
        m.append("\nTried: ");
        for (int i = 0; i < tried.size(); i++) {
            m.append(i == 0 ? "" : ", ").append(tried.get(i));
        }
        m.append("\nPlatforms present: ");
        if (present.isEmpty()) {
            m.append("none (no META-INF/native/").append(name).append("/ on the class path)");
        } else {
            for (int i = 0; i < present.size(); i++) {
                m.append(i == 0 ? "" : ", ").append(present.get(i));
            }
        }
        if (platform.endsWith("-musl") && present.contains(platform.substring(0, platform.length() - 5))) {
            m.append("\n(").append(platform.substring(0, platform.length() - 5))
                    .append(" is built for glibc; this JVM runs on musl, which cannot load it)");
        }
        m.append("\nAdd the JAR for ").append(platform).append(" to the dependencies:\n")
                .append("    <dependency>\n")
                .append("      <groupId>").append(coordinates[0]).append("</groupId>\n")
                .append("      <artifactId>").append(coordinates[1]).append("</artifactId>\n")
                .append("      <version>").append(coordinates[2]).append("</version>\n")
                .append("      <classifier>").append(platform).append("</classifier>\n")
                .append("    </dependency>");
        if (!platform.endsWith("-musl")) {
            m.append("\n(or <classifier>${os.detected.classifier}</classifier> with os-maven-plugin)");
        }
        m.append("\nor set -D").append(NativeLibraries.PLATFORM_PROPERTY).append("=<key> to use another platform's JAR, or -D")
                .append(NativeLibraries.pathProperty(name)).append("=<file> to load a library file as it is.");
        return new NativeLibraryNotFoundError(m.toString(), name, platform, tried, present);
    }

    /** The platform keys of the library's indexes the class loader sees: every known key, and any other folder. */
    private static List<String> presentPlatforms(ClassLoader loader, String name) {
        Set<String> present = new TreeSet<String>();
        for (String key : Platforms.knownKeys()) {
            if (loader.getResource(NativeIndex.path(name, key)) != null) {
                present.add(key);
            }
        }
        // keys this loader does not know, from JARs that list their folders
        String prefix = NativeIndex.ROOT + name + "/";
        try {
            Enumeration<URL> folders = loader.getResources(prefix);
            while (folders.hasMoreElements()) {
                listFolder(folders.nextElement(), prefix, present);
            }
        } catch (IOException | RuntimeException e) {
            // the known keys are listed already
        }
        return new ArrayList<String>(present);
    }

    private static void listFolder(URL folder, String prefix, Set<String> present) {
        try {
            if (folder.getProtocol().equals("jar")) {
                URLConnection connection = folder.openConnection();
                connection.setUseCaches(false);
                if (connection instanceof JarURLConnection) {
                    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String entry = entries.nextElement().getName();
                            if (entry.startsWith(prefix) && entry.endsWith("/" + NativeIndex.FILE_NAME)) {
                                String key = entry.substring(prefix.length(),
                                        entry.length() - NativeIndex.FILE_NAME.length() - 1);
                                if (!key.isEmpty() && key.indexOf('/') < 0) {
                                    present.add(key);
                                }
                            }
                        }
                    }
                }
            } else if (folder.getProtocol().equals("file")) {
                File[] keys = new File(folder.toURI()).listFiles();
                if (keys != null) {
                    for (File key : keys) {
                        if (new File(key, NativeIndex.FILE_NAME).isFile()) {
                            present.add(key.getName());
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // best effort
        }
    }

    /**
     * The groupId, artifactId and version for the {@code <dependency>} of the message: from the one
     * {@code META-INF/maven/<g>/<a>/pom.properties} of the anchor's JAR when it has one, else placeholders
     * with the library's name as the artifactId (its default).
     */
    private static String[] coordinates(Class<?> anchor, String name) {
        String[] guess = {"<!-- the groupId of " + name + " -->", name, "<!-- its version -->"};
        try {
            CodeSource source = anchor.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null
                    || !source.getLocation().getProtocol().equals("file")) {
                return guess;
            }
            File location = new File(source.getLocation().toURI());
            if (!location.isFile()) {
                return guess;
            }
            try (JarFile jar = new JarFile(location)) {
                JarEntry found = null;
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
                        if (found != null) {
                            return guess;
                        }
                        found = entry;
                    }
                }
                if (found == null) {
                    return guess;
                }
                Properties pom = new Properties();
                try (InputStream in = jar.getInputStream(found)) {
                    pom.load(in);
                }
                String g = pom.getProperty("groupId");
                String a = pom.getProperty("artifactId");
                String v = pom.getProperty("version");
                if (g == null || a == null || v == null) {
                    return guess;
                }
                return new String[] {g, a, v};
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return guess;
        }
    }
}
