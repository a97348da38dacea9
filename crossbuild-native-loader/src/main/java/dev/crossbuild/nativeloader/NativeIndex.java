package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The index beside one platform's libraries in a native JAR, at
 * {@code META-INF/native/<name>/<platform>/crossbuild-native.index}: which target they were built for and
 * the libraries in load order, dependencies first, each with its sha256. The crossbuild plugin writes it;
 * {@link NativeLibraries} reads it. A UTF-8 text of {@code key=value} lines:
 *
 * <pre>
 * format=1
 * name=hello
 * platform=linux-x86_64
 * triple=x86_64-unknown-linux-gnu
 * libc=gnu
 * glibc=2.17
 * library=&lt;sha256 hex&gt; libdep.so
 * library=&lt;sha256 hex&gt; libhello.so
 * main=libhello.so
 * artifact=com.example:hello
 * version=1.4.2
 * </pre>
 *
 * {@code libc} is {@code gnu}, {@code musl} or {@code none} (Windows, macOS); {@code glibc}, the newest
 * glibc version the libraries need, appears only for glibc targets. {@code artifact} and {@code version}, the
 * {@code groupId:artifactId} and version of the project that built the JAR, are optional (an index without
 * them, as older plugins wrote, skips the loader's version check). Lines starting with {@code #} and
 * unknown keys are ignored, so that a later format can add keys.
 */
public final class NativeIndex {

    /** The index's file name inside a platform folder. */
    public static final String FILE_NAME = "crossbuild-native.index";

    /** The folder of all native libraries inside a JAR. */
    public static final String ROOT = "META-INF/native/";

    public static final int FORMAT = 1;

    /** One library file and its sha256 (lowercase hex). */
    public static final class Library {
        private final String file;
        private final String sha256;

        public Library(String file, String sha256) {
            if (file == null || file.isEmpty() || file.indexOf('/') >= 0 || file.indexOf('\\') >= 0
                    || file.equals(".") || file.equals("..") || file.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("not a plain file name: " + file);
            }
            if (!lowerHex64(sha256)) {
                throw new IllegalArgumentException("not a sha256 in lowercase hex: " + sha256);
            }
            this.file = file;
            this.sha256 = sha256;
        }

        private static boolean lowerHex64(String s) {
            if (s == null || s.length() != 64) {
                return false;
            }
            for (int i = 0; i < 64; i++) {
                char c = s.charAt(i);
                if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                    return false;
                }
            }
            return true;
        }

        public String file() {
            return file;
        }

        public String sha256() {
            return sha256;
        }
    }

    private final String name;
    private final String platform;
    private final String triple;
    private final String libc;
    private final String glibc;
    private final List<Library> libraries;
    private final String main;
    private final String artifact;
    private final String version;

    /**
     * @param libraries in load order, dependencies first
     * @param main      the file name of the library the program loads (one of {@code libraries})
     * @param glibc     the newest glibc version needed, or null
     */
    public NativeIndex(String name, String platform, String triple, String libc, String glibc,
            List<Library> libraries, String main) {
        this(name, platform, triple, libc, glibc, libraries, main, null, null);
    }

    /**
     * @param artifact the {@code groupId:artifactId} of the project that built the JAR, or null
     * @param version  that project's version, or null
     */
    public NativeIndex(String name, String platform, String triple, String libc, String glibc,
            List<Library> libraries, String main, String artifact, String version) {
        this.artifact = optional(artifact, "artifact");
        this.version = optional(version, "version");
        this.name = require(name, "name");
        this.platform = require(platform, "platform");
        this.triple = require(triple, "triple");
        this.libc = require(libc, "libc");
        this.glibc = glibc == null || glibc.isEmpty() ? null : glibc;
        this.libraries = Collections.unmodifiableList(new ArrayList<Library>(libraries));
        this.main = require(main, "main");
        if (libraries.isEmpty()) {
            throw new IllegalArgumentException("an index lists at least one library");
        }
        if (library(main) == null) {
            throw new IllegalArgumentException("main library " + main + " is not among the libraries");
        }
    }

    private static String optional(String value, String key) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("index key " + key + " is not one line");
        }
        return value.trim();
    }

    private static String require(String value, String key) {
        if (value == null || value.isEmpty() || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("index key " + key + " has no value");
        }
        return value;
    }

    public String name() {
        return name;
    }

    public String platform() {
        return platform;
    }

    public String triple() {
        return triple;
    }

    public String libc() {
        return libc;
    }

    /** The newest glibc version the libraries need, or null. */
    public String glibc() {
        return glibc;
    }

    /** The libraries in load order, dependencies first. */
    public List<Library> libraries() {
        return libraries;
    }

    public String main() {
        return main;
    }

    /** The {@code groupId:artifactId} of the project that built the JAR, or null (an older plugin's index). */
    public String artifact() {
        return artifact;
    }

    /** The version of the project that built the JAR, or null (an older plugin's index). */
    public String version() {
        return version;
    }

    /** The library of this file name, or null. */
    public Library library(String file) {
        for (Library library : libraries) {
            if (library.file().equals(file)) {
                return library;
            }
        }
        return null;
    }

    /** The path of a platform folder's index inside a JAR. */
    public static String path(String name, String platform) {
        return ROOT + name + "/" + platform + "/" + FILE_NAME;
    }

    /**
     * UTF-8 text, without {@code StandardCharsets}: its class would load six charsets, and this runs in a cold
     * JVM before the library it loads is used.
     */
    static String utf8(byte[] bytes, int offset, int length) {
        // Charset.forName throws nothing checked: no exception class for the verifier to load
        return new String(bytes, offset, length, java.nio.charset.Charset.forName("UTF-8"));
    }

    /** The index as its file holds it; the same index always gives the same bytes. */
    public String write() {
        StringBuilder text = new StringBuilder();
        text.append("format=").append(FORMAT).append('\n');
        text.append("name=").append(name).append('\n');
        text.append("platform=").append(platform).append('\n');
        text.append("triple=").append(triple).append('\n');
        text.append("libc=").append(libc).append('\n');
        if (glibc != null) {
            text.append("glibc=").append(glibc).append('\n');
        }
        for (Library library : libraries) {
            text.append("library=").append(library.sha256()).append(' ').append(library.file()).append('\n');
        }
        text.append("main=").append(main).append('\n');
        if (artifact != null) {
            text.append("artifact=").append(artifact).append('\n');
        }
        if (version != null) {
            text.append("version=").append(version).append('\n');
        }
        return text.toString();
    }

    public byte[] bytes() {
        return write().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an index.
     *
     * @param where named in the message when the index is not well-formed
     * @throws IOException when it cannot be read or is not well-formed
     */
    public static NativeIndex read(InputStream in, String where) throws IOException {
        // bytes, then lines by hand: no Reader or decoder classes to load before the JIT runs
        byte[] buffer = new byte[4096];
        int size = 0;
        int n;
        while ((n = in.read(buffer, size, buffer.length - size)) >= 0) {
            size += n;
            if (size == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        String text = utf8(buffer, 0, size);
        String name = null;
        String platform = null;
        String triple = null;
        String libc = null;
        String glibc = null;
        String main = null;
        String format = null;
        String artifact = null;
        String version = null;
        List<Library> libraries = new ArrayList<Library>();
        int number = 0;
        int from = 0;
        try {
            while (from < text.length()) {
                int end = text.indexOf('\n', from);
                if (end < 0) {
                    end = text.length();
                }
                String line = text.substring(from, end > from && text.charAt(end - 1) == '\r' ? end - 1 : end);
                from = end + 1;
                number++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IOException(where + ": line " + number + " is not key=value: " + line);
                }
                String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(eq + 1);
                if (key.equals("format")) {
                    format = value;
                } else if (key.equals("name")) {
                    name = value;
                } else if (key.equals("platform")) {
                    platform = value;
                } else if (key.equals("triple")) {
                    triple = value;
                } else if (key.equals("libc")) {
                    libc = value;
                } else if (key.equals("glibc")) {
                    glibc = value;
                } else if (key.equals("main")) {
                    main = value;
                } else if (key.equals("artifact")) {
                    artifact = value;
                } else if (key.equals("version")) {
                    version = value;
                } else if (key.equals("library")) {
                    int space = value.indexOf(' ');
                    if (space < 0) {
                        throw new IOException(where + ": line " + number + " is not library=<sha256> <file>");
                    }
                    libraries.add(new Library(value.substring(space + 1), value.substring(0, space)));
                }
            }
            if (format == null) {
                throw new IOException(where + ": not a crossbuild native index (no format line)");
            }
            if (!format.trim().equals(String.valueOf(FORMAT))) {
                throw new IOException(where + ": index format " + format + " is newer than this loader reads ("
                        + FORMAT + "); use a crossbuild-native-loader as new as the plugin that built the JAR");
            }
            return new NativeIndex(name, platform, triple, libc, glibc, libraries, main, artifact, version);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }
}
