package dev.crossbuild.nativeloader;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Finds the native libraries that the crossbuild plugin's {@code native-jar} goal packages, for the platform
 * this JVM runs on, and extracts them into a per-user cache, ready to be loaded.
 *
 * <pre>
 * public final class Hello {
 *     static {
 *         System.load(NativeLibraries.extract(Hello.class, "hello").toString());
 *     }
 *     static native int answer();
 * }
 * </pre>
 *
 * <p>The JARs hold {@code META-INF/native/<name>/<platform>/}: the libraries and an index
 * ({@link NativeIndex}) listing them in load order with their sha256. {@link #extract} looks the index up
 * through the class loader of {@code anchor}, so the libraries come from the JARs that class sees, and
 * copies every library of the index into
 * {@code <cache>/crossbuild-native/<name>/<hash of the index>/}: each through a temp file in that folder
 * whose sha256 is checked against the index, then moved into place atomically, under an inter-process file
 * lock; a marker written last records each verified file's size, times and identity. A later start reuses
 * a file that still agrees with the marker, with no hashing, and extracts again one that does not, so a
 * truncated or altered library is never returned.
 *
 * <h2>A cache no one else can plant</h2>
 * Every folder from the cache root down is the user's own, closed to group and others, and no link; the
 * folders above the root are root's or the user's, and no one else may rename an entry in them (not
 * writable by others, or sticky like {@code /tmp}). Folders are made {@code rwx------} and files
 * owner-only at creation, whatever the umask; no link is opened. A root that fails is skipped for the next
 * fallback, or, when set by {@code crossbuild.native.dir}, refused with a message naming the folder, its
 * owner and mode, and the fix. So no other user can put a library in the cache or swap one between the
 * check and {@code System.load}.
 *
 * <h2>Why {@code extract} and not {@code load}</h2>
 * The loader returns a path and never calls {@code System.load} itself. {@code System.load} binds a library
 * to the class loader of the class that calls it, and the JVM looks a {@code native} method up only among
 * the libraries of its own class's loader. If this class loaded the library, it would belong to the loader
 * of crossbuild-native-loader (the application class loader, or a parent of a plugin's or web
 * application's loader), and the user's {@code native} methods, defined by another loader, would not find
 * it ({@code UnsatisfiedLinkError} on the first call), while a second class loader that tries to load it
 * gets "already loaded in another classloader". Java 8 has no way to load a library on behalf of another
 * class, so the one correct place for {@code System.load} is the user's own class, as above. The path also
 * serves JNA ({@code Native.load(path.toString(), …)}) and FFM
 * ({@code SymbolLookup.libraryLookup(path, arena)}), which need no binding.
 *
 * <h2>Dependent libraries</h2>
 * A library the main one needs is extracted beside it, in the index's order. Where the main library finds
 * it beside itself ({@code $ORIGIN} or {@code @loader_path} run paths) nothing more is needed; otherwise
 * load each one first, from the same class: <pre>
 * NativeLibraries.loadAll(Hello.class, "hello", System::load);
 * </pre>
 * ({@link #loadAll}; on Java 8 source levels without method references, loop over {@link #extractAll}
 * and call {@code System.load} for each path).
 *
 * <h2>Several class loaders</h2>
 * The JVM lets one class loader at a time load a given file ("already loaded in another classloader" for
 * the next). So the first class loader of a JVM that extracts a library gets the cache folder's files, and
 * each other one (another web application, another plugin, each with the same native JAR) gets copies of
 * its own in {@code loader-2/}, {@code loader-3/}, … of that folder, which later processes reuse in turn.
 * This holds whether the class loaders share one copy of this class or each has its own.
 *
 * <h2>Cache folder</h2>
 * {@code $XDG_CACHE_HOME/crossbuild-native} or {@code ~/.cache/crossbuild-native} on Linux and other
 * Unixes, {@code ~/Library/Caches/crossbuild-native} on macOS, {@code %LOCALAPPDATA%\crossbuild-native} on
 * Windows. When that folder cannot be written or its file system is mounted {@code noexec} (Linux, read from
 * {@code /proc/self/mountinfo}), the loader falls back to {@code ~/.crossbuild-native}, then to
 * {@code <java.io.tmpdir>/crossbuild-native-<user.name>}; when none works it fails naming each folder, why,
 * and the property to set.
 *
 * <h2>System properties</h2>
 * <ul>
 * <li>{@code crossbuild.native.dir}: the cache root, instead of the OS's cache and its fallbacks
 * (libraries go to {@code <dir>/<name>/<hash>/}).</li>
 * <li>{@code crossbuild.native.platform}: the platform key to use instead of the detected one.</li>
 * <li>{@code crossbuild.native.<name>.path}: a library file to return as it is, with no lookup or
 * extraction (for {@link #extractAll}, the only element): the way to use a system library
 * ({@code -Dcrossbuild.native.hello.path=/usr/lib/x86_64-linux-gnu/libhello.so.1}) or one built locally.</li>
 * </ul>
 *
 * <p>All methods are thread safe, and safe with other processes and other class loaders extracting into the
 * same cache at the same time.
 */
public final class NativeLibraries {

    /** Forces the platform key. */
    public static final String PLATFORM_PROPERTY = "crossbuild.native.platform";

    /** The cache root. */
    public static final String DIR_PROPERTY = CacheFolders.DIR_PROPERTY;


    private NativeLibraries() {
    }

    /**
     * The property that makes {@link #extract} return a file as it is, for a library name:
     * {@code crossbuild.native.<name>.path}.
     */
    public static String pathProperty(String name) {
        return "crossbuild.native." + name + ".path";
    }

    /**
     * The platform key of this JVM as native JARs are classified: {@code -Dcrossbuild.native.platform} when
     * set, else the detected key ({@code linux-x86_64}, {@code linux-x86_64-musl}, {@code linux-aarch_64},
     * {@code windows-x86_64}, {@code osx-aarch_64}, …).
     */
    public static String platform() {
        String forced = System.getProperty(PLATFORM_PROPERTY);
        if (forced != null && !forced.trim().isEmpty()) {
            return forced.trim();
        }
        return Platforms.current();
    }

    /**
     * Extracts the native library {@code name} for this platform and the libraries it depends on, and returns
     * the main library's file, an absolute path ready for {@code System.load}.
     *
     * @param anchor a class whose class loader sees the native JAR (normally the class that loads the
     *               library, which should also be the class that calls {@code System.load})
     * @param name   the library's name in the JAR ({@code META-INF/native/<name>/}), by default the
     *               artifactId of the project that built it
     * @throws NativeLibraryNotFoundError when no JAR for this platform is on the class path
     * @throws UnsatisfiedLinkError       when the JAR's index or a library is corrupt, or no cache folder
     *                                    is safe, can be written and executed from (the cause, when there
     *                                    is one, is the I/O error)
     */
    public static Path extract(Class<?> anchor, String name) {
        Path[] extracted = extractLibraries(anchor, name);
        return extracted[extracted.length - 1];
    }

    /**
     * Like {@link #extract}, and returns every library of the index, in load order: dependencies first, the
     * main library among them (normally last). Load them in this order from the class that owns the
     * {@code native} methods when the main library does not find its dependencies beside itself.
     */
    public static List<Path> extractAll(Class<?> anchor, String name) {
        return all(extractLibraries(anchor, name));
    }

    /** The libraries of {@link #extractLibraries}'s answer, in load order. */
    private static List<Path> all(Path[] extracted) {
        return Collections.unmodifiableList(Arrays.asList(extracted).subList(0, extracted.length - 1));
    }

    /**
     * Like {@link #extractAll}, and loads every library in load order, dependencies first, with
     * {@code load}, which should be {@code System::load} written in the class that owns the {@code native}
     * methods: <pre>
     * static {
     *     NativeLibraries.loadAll(Hello.class, "hello", System::load);
     * }
     * </pre>
     * The method reference is that class's own code, so {@code System.load} binds the libraries to its
     * class loader (see above why this class cannot call {@code System.load} itself); one call then does
     * what the loop over {@link #extractAll} does.
     *
     * @return the libraries loaded, in order
     */
    public static List<Path> loadAll(Class<?> anchor, String name, java.util.function.Consumer<String> load) {
        if (load == null) {
            throw new NullPointerException("load");
        }
        List<Path> all = all(extractLibraries(anchor, name));
        for (Path library : all) {
            load.accept(library.toString());
        }
        return all;
    }

    /**
     * The libraries in load order, then the main one again (an array, not a class of its own: each class
     * this one loads costs a cold JVM its lookup, definition and verification).
     */
    private static Path[] extractLibraries(Class<?> anchor, String name) {
        if (anchor == null) {
            throw new NullPointerException("anchor");
        }
        checkName(name);
        String override = System.getProperty(pathProperty(name));
        if (override != null && !override.trim().isEmpty()) {
            Path file = Paths.get(override.trim()).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new UnsatisfiedLinkError("-D" + pathProperty(name) + " names " + file
                        + ", which is not a file");
            }
            return new Path[] {file, file};
        }
        String platform = platform();
        ClassLoader loader = loaderOf(anchor);
        String indexPath = NativeIndex.path(name, platform);
        IndexSource source;
        try {
            source = IndexSource.find(loader, indexPath);
        } catch (IOException e) {
            throw linkError(e.getMessage(), e);
        }
        if (source == null) {
            // thrown there: a throw here would have the verifier load the error's class on every call
            NotFoundMessage.fail(anchor, loader, name, platform, indexPath);
        }
        try {
            return extractFrom(source, anchor, name, platform, loader);
        } finally {
            source.close();
        }
    }

    private static Path[] extractFrom(IndexSource source, Class<?> anchor, String name, String platform,
            ClassLoader loader) {
        NativeIndex index;
        try {
            index = NativeIndex.read(new ByteArrayInputStream(source.bytes), source.where);
        } catch (IOException e) {
            throw linkError(e.getMessage(), e);
        }
        if (!index.name().equals(name) || !index.platform().equals(platform)) {
            throw new UnsatisfiedLinkError(source.where + " is the index of " + index.name() + " for "
                    + index.platform() + ", not of " + name + " for " + platform + ": the JAR is not as the"
                    + " crossbuild plugin writes it");
        }
        if (index.version() != null && index.artifact() != null) {
            String javaVersion = IndexSource.javaVersion(anchor, index.artifact());
            if (javaVersion != null && !javaVersion.equals(index.version())) {
                VersionCheck.check(anchor, index, source, javaVersion);
            }
        }
        String hash = folderName(source.bytes);
        Map<Path, String> candidates = CacheFolders.candidates(Platforms.normalizeOs(
                System.getProperty("os.name", "")), System.getProperties());
        // no marker where the first folder would have it: this start extracts, so the libraries are read and
        // hashed ahead while the folders are checked (a start that reuses the cache pays one stat for this)
        Prefetch prefetch = null;
        for (Path first : candidates.keySet()) {
            if (!new java.io.File(first.resolve(name).resolve(hash).resolve(CacheMarker.FILE).toString()).exists()) {
                prefetch = Prefetch.start(source, index.libraries());
            }
            break;
        }
        StringBuilder failures = new StringBuilder();
        for (Map.Entry<Path, String> candidate : candidates.entrySet()) {
            // one handler told apart by instanceof: a handler per type would have the verifier load each
            // exception class on every call, where they are needed only when one is thrown
            try {
                return extractInto(candidate.getKey(), name, hash, index, source, loader, prefetch);
            } catch (Exception e) {
                if (e instanceof RuntimeException && !(e instanceof CacheWriter.SourceError)) {
                    throw (RuntimeException) e;
                }
                if (e instanceof CacheWriter.SourceError) {
                    throw linkError(e.getMessage(), e.getCause());
                }
                failures.append("\n  ").append(candidate.getKey().resolve(name).resolve(hash)).append(" (")
                        .append(candidate.getValue()).append("): ")
                        .append(e instanceof IOException ? describe((IOException) e) : e.getMessage());
            }
        }
        throw new UnsatisfiedLinkError("cannot extract native library " + name + " for " + platform
                + ": no cache folder can be written and loaded from:" + failures + "\nSet -D"
                + DIR_PROPERTY + "=<folder> to a folder of this user's own (no one else may write to it or to"
                + " the folders above it) on a file system that allows executing (not mounted noexec)");
    }

    private static Path[] extractInto(Path candidate, String name, String hash,
            NativeIndex index, IndexSource source, ClassLoader loader, Prefetch prefetch)
            throws IOException, CacheWriter.Refused {
        Path root = PrivateFolders.root(candidate);
        Path hashFolder = root.resolve(name).resolve(hash);
        PrivateFolders.folder(hashFolder.getParent());
        boolean repaired = PrivateFolders.folder(hashFolder);
        int slot = LoaderSlots.slot(hashFolder, loader);
        Path folder = hashFolder;
        if (slot > 0) {
            folder = hashFolder.resolve("loader-" + (slot + 1));
            repaired = PrivateFolders.folder(folder);
        }
        if (repaired) {
            // it was open to others: what it holds is verified again, not trusted
            Files.deleteIfExists(folder.resolve(CacheMarker.FILE));
        }
        List<NativeIndex.Library> libraries = index.libraries();
        Path[] extracted = new Path[libraries.size() + 1];
        for (int i = 0; i < libraries.size(); i++) {
            extracted[i] = folder.resolve(libraries.get(i).file());
            if (libraries.get(i).file().equals(index.main())) {
                extracted[libraries.size()] = extracted[i];
            }
        }
        StringBuilder why = new StringBuilder();
        if (!CacheMarker.stale(folder, index, why).isEmpty()) {
            // checked only where this start writes: a folder with a good marker was loaded from before, and a
            // start that reuses the cache reads no mount table
            if (CacheFolders.noexec(hashFolder)) {
                throw CacheWriter.refused("its file system is mounted noexec, so the JVM could not load a"
                        + " library from it", null);
            }
            CacheWriter.write(folder, index, source, why.toString(), prefetch);
        }
        return extracted;
    }

    private static ClassLoader loaderOf(Class<?> anchor) {
        ClassLoader loader = anchor.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a native library name: " + name);
        }
    }

    /**
     * The cache folder's name for an index: 32 hex digits of two 64-bit FNV-1a hashes of its bytes (one on
     * the bytes, one on them backwards), a few microseconds where a sha256 would load its class in a cold
     * JVM. It needs no resistance to collisions: the marker names each library's sha256 from the index, so
     * files extracted for another index with the same name are extracted again, never used.
     */
    static String folderName(byte[] index) {
        long forward = 0xcbf29ce484222325L;
        long backward = 0x84222325cbf29ce4L;
        for (int i = 0, j = index.length - 1; i < index.length; i++, j--) {
            forward = (forward ^ (index[i] & 0xff)) * 0x100000001b3L;
            backward = (backward ^ (index[j] & 0xff)) * 0x100000001b3L;
        }
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[i] = Character.forDigit((int) (forward >>> (60 - 4 * i)) & 0xf, 16);
            out[16 + i] = Character.forDigit((int) (backward >>> (60 - 4 * i)) & 0xf, 16);
        }
        return new String(out);
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString();
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof FileNotFoundException || e instanceof java.nio.file.NoSuchFileException) {
            return "cannot be created (" + e.getMessage() + ")";
        }
        return e.toString();
    }

    static UnsatisfiedLinkError linkError(String message, Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }
}
