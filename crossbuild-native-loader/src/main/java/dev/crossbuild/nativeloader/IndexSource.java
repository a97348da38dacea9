package dev.crossbuild.nativeloader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a platform folder's index was found, and how to read the libraries beside it: a JAR of the class
 * path opened directly, or a resource URL of the class loader.
 *
 * <p>For the JVM's application class loader the class path is walked here, in its order, each JAR opened
 * as a {@link ZipFile} (which shares its opened directory with the class loader's own), the way the class
 * loader would search it. That skips what {@code ClassLoader.getResource} does first: asking the platform
 * and boot class loaders, whose search of the JDK's modules (the runtime image's reader, set up on its
 * first use) costs a cold JVM several milliseconds, and the {@code jar:} URL handler's classes. Where the
 * walk cannot tell (a folder of the class path holds the file, a JAR cannot be opened, no match: a module
 * path, a manifest {@code Class-Path}) and for every other class loader, the class loader's
 * {@code getResource} decides, as before.
 */
final class IndexSource {

    /** Named in messages: the index's URL, or {@code jar:file:<jar>!/<entry>}. */
    final String where;
    /** The index file's bytes. */
    final byte[] bytes;
    /** The JAR file holding the index, or null when read through {@link #url}. */
    final File jarFile;
    private final ZipFile jar;
    private final String folder;
    private final URL url;

    private IndexSource(String where, byte[] bytes, File jarFile, ZipFile jar, String folder, URL url) {
        this.where = where;
        this.bytes = bytes;
        this.jarFile = jarFile;
        this.jar = jar;
        this.folder = folder;
        this.url = url;
    }

    /**
     * Finds the index through the class loader, or returns null when it sees none.
     *
     * @throws IOException when it is there but cannot be read (the message names it)
     */
    static IndexSource find(ClassLoader loader, String indexPath) throws IOException {
        String folder = indexPath.substring(0, indexPath.lastIndexOf('/') + 1);
        if (applicationLoader(loader)) {
            IndexSource found = onClassPath(System.getProperty("java.class.path"), indexPath);
            if (found != null) {
                return found;
            }
        }
        URL url = loader.getResource(indexPath);
        if (url == null) {
            return null;
        }
        try {
            return new IndexSource(url.toString(), read(url), null, null, folder, url);
        } catch (IOException e) {
            throw new IOException("cannot read " + url + ": " + e, e);
        }
    }

    /** The JVM's own class path loader (Java 9 and later, or Java 8's), not one set by java.system.class.loader. */
    private static boolean applicationLoader(ClassLoader loader) {
        if (loader != ClassLoader.getSystemClassLoader()) {
            return false;
        }
        String type = loader.getClass().getName();
        return type.equals("jdk.internal.loader.ClassLoaders$AppClassLoader")
                || type.equals("sun.misc.Launcher$AppClassLoader");
    }

    /** The index from the first JAR of a class path that has it, or null when the walk cannot tell. */
    static IndexSource onClassPath(String path, String indexPath) {
        String folder = indexPath.substring(0, indexPath.lastIndexOf('/') + 1);
        if (path == null) {
            return null;
        }
        int from = 0;
        while (from <= path.length()) {
            int end = path.indexOf(File.pathSeparatorChar, from);
            if (end < 0) {
                end = path.length();
            }
            String element = path.substring(from, end);
            from = end + 1;
            File file = new File(element.isEmpty() ? "." : element);
            if (file.isDirectory()) {
                if (new File(file, indexPath).exists()) {
                    return null; // a folder first in the class path: the class loader's own way
                }
                continue;
            }
            if (!file.isFile()) {
                continue;
            }
            ZipFile jar;
            try {
                jar = new ZipFile(file);
            } catch (IOException | RuntimeException e) {
                return null; // not a JAR the walk can read: the class loader decides
            }
            boolean keep = false;
            try {
                ZipEntry entry = jar.getEntry(indexPath);
                if (entry == null) {
                    continue;
                }
                String where = "jar:" + file.toURI() + "!/" + indexPath;
                byte[] bytes;
                try (InputStream in = jar.getInputStream(entry)) {
                    bytes = readAll(in, entry.getSize());
                }
                keep = true;
                return new IndexSource(where, bytes, file.getAbsoluteFile(), jar, folder, null);
            } catch (IOException | RuntimeException e) {
                return null;
            } finally {
                if (!keep) {
                    close(jar);
                }
            }
        }
        return null;
    }

    /** A library beside the index: its stream and size in bytes (negative when unknown). */
    static final class Entry {
        final InputStream in;
        final long size;
        final String where;

        Entry(InputStream in, long size, String where) {
            this.in = in;
            this.size = size;
            this.where = where;
        }
    }

    /** Opens the file of this name beside the index. */
    Entry open(String file) throws IOException {
        if (jar != null) {
            String name = folder + file;
            String at = where.substring(0, where.lastIndexOf('/') + 1) + file;
            ZipEntry entry = jar.getEntry(name);
            if (entry == null) {
                throw new IOException(at + " is not in the JAR");
            }
            return new Entry(jar.getInputStream(entry), entry.getSize(), at);
        }
        URL source = new URL(url, CacheWriter.encode(file));
        URLConnection connection = source.openConnection();
        connection.setUseCaches(false);
        InputStream in = connection.getInputStream();
        // a JAR entry's size, from the JAR's directory
        return new Entry(in, connection.getContentLengthLong(), source.toString());
    }

    /** Releases the JAR opened for the walk (the class loader keeps its own). */
    void close() {
        if (jar != null) {
            close(jar);
        }
    }

    private static void close(ZipFile jar) {
        try {
            jar.close();
        } catch (IOException e) {
            // nothing was written
        }
    }

    /** Reads a resource without the JAR cache, so that a JAR rewritten since is read as it is now. */
    private static byte[] read(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return readAll(in, -1);
        }
    }

    private static byte[] readAll(InputStream in, long size) throws IOException {
        byte[] buffer = new byte[size > 0 && size < (1 << 20) ? (int) size + 1 : 4096];
        int n = 0;
        int r;
        while ((r = in.read(buffer, n, buffer.length - n)) >= 0) {
            n += r;
            if (n == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        return java.util.Arrays.copyOf(buffer, n);
    }
    /**
     * The version of {@code artifact} ({@code groupId:artifactId}) in the JAR the anchor class comes from,
     * from its {@code META-INF/maven/<groupId>/<artifactId>/pom.properties}, or null when unknown (a class
     * from a folder, a JAR of another artifact). Here, not in {@link VersionCheck}: a start whose versions
     * agree loads no class for the check.
     */
    static String javaVersion(Class<?> anchor, String artifact) {
        File jar = jarOf(anchor);
        return jar == null ? null : pomVersion(jar, artifact);
    }

    /** The JAR file a class was loaded from, or null (a folder, no code source, not a file). */
    static File jarOf(Class<?> anchor) {
        try {
            CodeSource code = anchor.getProtectionDomain().getCodeSource();
            URL location = code == null ? null : code.getLocation();
            if (location == null || !location.getProtocol().equals("file")) {
                return null;
            }
            String path = location.getPath();
            // a URI's parse only for an escaped path: a cold JVM interprets every step of it
            File file = path.indexOf('%') >= 0 ? new File(location.toURI()) : new File(path);
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
