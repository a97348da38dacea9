package dev.crossbuild.nativeloader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
 * lock. A file already there is reused when its sha256 matches and replaced when it does not, so a
 * truncated or altered library is never returned. Each call checks the files' sha256 (a few milliseconds
 * for a 5 MB library).
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
 * for (Path library : NativeLibraries.extractAll(Hello.class, "hello")) {
 *     System.load(library.toString());
 * }
 * </pre>
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
 * {@code <java.io.tmpdir>/crossbuild-native-<user.name>} (created for the user alone, and used only when the
 * user owns it and no one else may write to it); when none works it fails naming each folder and the
 * property to set.
 *
 * <h2>System properties</h2>
 * <ul>
 * <li>{@code crossbuild.native.dir}: the cache root, instead of the OS's cache and its fallbacks
 * (libraries go to {@code <dir>/<name>/<hash>/}).</li>
 * <li>{@code crossbuild.native.platform}: the platform key to use instead of the detected one.</li>
 * <li>{@code crossbuild.native.<name>.path}: a library file to return as it is, with no lookup or
 * extraction (for {@link #extractAll}, the only element).</li>
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

    private static final String LOCK_FILE = ".lock";
    private static final int HASH_CHARS = 32;
    private static final long LOCK_RETRY_MILLIS = 5;

    /** One monitor per folder, for the threads of this copy of the class (the file lock covers the rest). */
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<Path, Object>();

    /** Per cache folder, the slot of each class loader that asked for it through this copy of the class. */
    private static final Map<Path, Map<ClassLoader, Integer>> SLOTS = new HashMap<Path, Map<ClassLoader, Integer>>();

    /** The slot files this copy of the class holds a lock on, open for as long as it lives. */
    private static final List<FileChannel> HELD_SLOTS = new ArrayList<FileChannel>();

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
     *                                    can be written and executed from (the cause, when there is one,
     *                                    is the I/O error)
     */
    public static Path extract(Class<?> anchor, String name) {
        return extractLibraries(anchor, name).main;
    }

    /**
     * Like {@link #extract}, and returns every library of the index, in load order: dependencies first, the
     * main library among them (normally last). Load them in this order from the class that owns the
     * {@code native} methods when the main library does not find its dependencies beside itself.
     */
    public static List<Path> extractAll(Class<?> anchor, String name) {
        return extractLibraries(anchor, name).all;
    }

    private static final class Extracted {
        final List<Path> all;
        final Path main;

        Extracted(List<Path> all, Path main) {
            this.all = Collections.unmodifiableList(all);
            this.main = main;
        }
    }

    private static Extracted extractLibraries(Class<?> anchor, String name) {
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
            return new Extracted(Collections.singletonList(file), file);
        }
        String platform = platform();
        ClassLoader loader = loaderOf(anchor);
        String indexPath = NativeIndex.path(name, platform);
        URL indexUrl = loader.getResource(indexPath);
        if (indexUrl == null) {
            throw notFound(anchor, loader, name, platform, indexPath);
        }
        byte[] indexBytes;
        try {
            indexBytes = read(indexUrl);
        } catch (IOException e) {
            throw linkError("cannot read " + indexUrl + ": " + e, e);
        }
        NativeIndex index;
        try {
            index = NativeIndex.read(new ByteArrayInputStream(indexBytes), indexUrl.toString());
        } catch (IOException e) {
            throw linkError(e.getMessage(), e);
        }
        if (!index.name().equals(name) || !index.platform().equals(platform)) {
            throw new UnsatisfiedLinkError(indexUrl + " is the index of " + index.name() + " for "
                    + index.platform() + ", not of " + name + " for " + platform + ": the JAR is not as the"
                    + " crossbuild plugin writes it");
        }
        String hash = hex(sha256(indexBytes)).substring(0, HASH_CHARS);
        List<CacheFolders.Candidate> candidates = CacheFolders.candidates(Platforms.normalizeOs(
                System.getProperty("os.name", "")), System.getenv(), System.getProperties());
        StringBuilder failures = new StringBuilder();
        for (CacheFolders.Candidate candidate : candidates) {
            Path folder = candidate.root.resolve(name).resolve(hash);
            try {
                return extractInto(folder, candidate, index, indexUrl, loader);
            } catch (IOException e) {
                failures.append("\n  ").append(folder).append(" (").append(candidate.why).append("): ")
                        .append(describe(e));
            } catch (FolderRefused e) {
                failures.append("\n  ").append(folder).append(" (").append(candidate.why).append("): ")
                        .append(e.getMessage());
            }
        }
        throw new UnsatisfiedLinkError("cannot extract native library " + name + " for " + platform
                + ": no cache folder can be written and loaded from:" + failures + "\nSet -D" + DIR_PROPERTY
                + "=<folder> to a folder this user can write on a file system that allows executing"
                + " (not mounted noexec)");
    }

    /** A cache folder that is unsafe or cannot hold libraries the JVM loads; the next one is tried. */
    private static final class FolderRefused extends Exception {
        private static final long serialVersionUID = 1L;

        FolderRefused(String message) {
            super(message);
        }
    }

    /** The JAR's content is not what its index says: no folder would help. */
    private static final class SourceError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Extracted extractInto(Path hashFolder, CacheFolders.Candidate candidate, NativeIndex index,
            URL indexUrl, ClassLoader loader) throws IOException, FolderRefused {
        prepare(hashFolder, candidate);
        int slot = slot(hashFolder, loader);
        Path folder = hashFolder;
        if (slot > 0) {
            folder = hashFolder.resolve("loader-" + (slot + 1));
            Files.createDirectories(folder);
        }
        List<Path> all = new ArrayList<Path>();
        List<NativeIndex.Library> missing = new ArrayList<NativeIndex.Library>();
        Path main = null;
        for (NativeIndex.Library library : index.libraries()) {
            Path file = folder.resolve(library.file());
            all.add(file);
            if (library.file().equals(index.main())) {
                main = file;
            }
            if (!matches(file, library.sha256())) {
                missing.add(library);
            }
        }
        if (!missing.isEmpty()) {
            try {
                write(folder, missing, indexUrl);
            } catch (SourceError e) {
                throw linkError(e.getMessage(), e.getCause());
            }
        }
        return new Extracted(all, main);
    }

    /**
     * The slot of a class loader in a cache folder: 0 for the first class loader of this JVM that extracts
     * there, whose libraries are the folder's own files, 1 for the second, whose libraries are copies in
     * {@code loader-2/}, and so on. The JVM lets one class loader load a file: a second one gets "already
     * loaded in another classloader" from {@code System.load}, so each gets a file of its own. Other processes
     * use the same slots at the same time (they share the files).
     *
     * <p>A slot is taken for this JVM by a shared lock on {@code .slot-<n>} held as long as this class lives:
     * the JVM refuses a second lock on one file in one process ({@link OverlappingFileLockException}) even to
     * another copy of this class in another class loader, while shared locks of other processes coexist.
     */
    private static int slot(Path folder, ClassLoader loader) {
        synchronized (SLOTS) {
            Map<ClassLoader, Integer> slots = SLOTS.get(folder);
            if (slots == null) {
                slots = new WeakHashMap<ClassLoader, Integer>();
                SLOTS.put(folder, slots);
            }
            Integer known = slots.get(loader);
            if (known != null) {
                return known;
            }
            Set<Integer> mine = new HashSet<Integer>(slots.values());
            for (int k = 0; ; k++) {
                if (mine.contains(k)) {
                    continue;
                }
                Boolean claimed = claim(folder.resolve(".slot-" + k));
                if (claimed == null || claimed) {
                    // null: the folder cannot be written (a read-only cache filled beforehand), so the slots
                    // of other copies of this class cannot be seen; this copy's own are still told apart
                    slots.put(loader, k);
                    return k;
                }
            }
        }
    }

    /** True when this JVM now holds the slot, false when it held it already, null when it cannot tell. */
    private static Boolean claim(Path slotFile) {
        FileChannel channel;
        try {
            channel = FileChannel.open(slotFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        boolean keep = false;
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return Boolean.FALSE;
            }
            HELD_SLOTS.add(channel);
            keep = true;
            return Boolean.TRUE;
        } catch (OverlappingFileLockException e) {
            return Boolean.FALSE;
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            if (!keep) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing held
                }
            }
        }
    }

    /** Creates the folder, and refuses one that is not safe or cannot execute. */
    private static void prepare(Path folder, CacheFolders.Candidate candidate) throws IOException, FolderRefused {
        if (candidate.shared) {
            // under a temp dir others can write to: the user's own folder, closed to everyone else
            Path root = candidate.root;
            if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    if (posix(root.getParent())) {
                        Files.createDirectory(root, PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
                    } else {
                        Files.createDirectory(root);
                    }
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made by another process meanwhile; checked below
                }
            }
            checkPrivate(root);
        }
        Files.createDirectories(folder);
        if (CacheFolders.noexec(folder)) {
            throw new FolderRefused("its file system is mounted noexec, so the JVM could not load a library"
                    + " from it");
        }
    }

    private static boolean posix(Path folder) {
        return folder != null && Files.getFileAttributeView(folder,
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    private static void checkPrivate(Path root) throws IOException, FolderRefused {
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new FolderRefused("not a folder (a link or a file is in its place)");
        }
        if (!posix(root)) {
            return;
        }
        String user = System.getProperty("user.name");
        String owner = Files.getOwner(root, LinkOption.NOFOLLOW_LINKS).getName();
        if (user != null && !owner.equals(user)) {
            throw new FolderRefused("owned by " + owner + ", not by " + user);
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(root, LinkOption.NOFOLLOW_LINKS);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new FolderRefused("others may write to it (" + PosixFilePermissions.toString(permissions) + ")");
        }
    }

    /** Writes the libraries that are missing or corrupt, under the folder's lock. */
    private static void write(Path folder, List<NativeIndex.Library> libraries, URL indexUrl) throws IOException {
        Object monitor = MONITORS.get(folder);
        if (monitor == null) {
            Object created = new Object();
            monitor = MONITORS.putIfAbsent(folder, created);
            if (monitor == null) {
                monitor = created;
            }
        }
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock lock = lock(channel)) {
                removeStaleTemps(folder);
                for (NativeIndex.Library library : libraries) {
                    Path file = folder.resolve(library.file());
                    // another process may have written it while this one waited for the lock
                    if (!matches(file, library.sha256())) {
                        writeOne(folder, file, library, new URL(indexUrl, encode(library.file())));
                    }
                }
            }
        }
    }

    /**
     * Takes the lock; another copy of this class in the same JVM (another class loader) holding it shows as
     * {@link OverlappingFileLockException}, so that case waits and tries again.
     */
    private static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(LOCK_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.nio.channels.FileLockInterruptionException();
                }
            }
        }
    }

    /** Temp files left by a process that died while writing; only a lock holder writes, so none is live. */
    private static void removeStaleTemps(Path folder) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path stale : stream) {
                Files.deleteIfExists(stale);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a stale temp file costs only its space
        }
    }

    private static void writeOne(Path folder, Path file, NativeIndex.Library library, URL source)
            throws IOException {
        Path temp = Files.createTempFile(folder, "." + library.file() + ".", ".tmp");
        boolean moved = false;
        try {
            MessageDigest digest = newSha256();
            InputStream in;
            try {
                in = open(source);
            } catch (IOException e) {
                throw new SourceError("cannot read " + source + ", listed in its index: " + e, e);
            }
            try (InputStream input = in; OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while (true) {
                    try {
                        n = input.read(buffer);
                    } catch (IOException e) {
                        throw new SourceError("cannot read " + source + ": " + e, e);
                    }
                    if (n < 0) {
                        break;
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String actual = hex(digest.digest());
            if (!actual.equals(library.sha256())) {
                throw new SourceError(source + " has sha256 " + actual + " where its index says "
                        + library.sha256() + ": the JAR is corrupt or was altered", null);
            }
            if (posix(folder)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Whether a file is there, a regular file, with this sha256. */
    private static boolean matches(Path file, String sha256) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        MessageDigest digest = newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return false;
        }
        return hex(digest.digest()).equals(sha256);
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

    /** Opens a resource without the JAR cache, so that a JAR rewritten since is read as it is now. */
    private static InputStream open(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = open(url)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** A file name as a relative URL: letters, digits and {@code -._~} as they are, every other byte %XX. */
    static String encode(String file) {
        StringBuilder out = new StringBuilder();
        for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
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

    private static UnsatisfiedLinkError linkError(String message, Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    // ---- the message when this platform's JAR is missing ----

    private static NativeLibraryNotFoundError notFound(Class<?> anchor, ClassLoader loader, String name,
            String platform, String indexPath) {
        List<String> present = presentPlatforms(loader, name);
        List<String> tried = Collections.singletonList(indexPath);
        boolean forced = System.getProperty(PLATFORM_PROPERTY) != null
                && !System.getProperty(PLATFORM_PROPERTY).trim().isEmpty();
        String[] coordinates = coordinates(anchor, name);
        StringBuilder m = new StringBuilder();
        m.append("No native library ").append(name).append(" for platform ").append(platform)
                .append(" on the class path of ").append(anchor.getName()).append(" (class loader ")
                .append(loader).append(").");
        if (forced) {
            m.append("\nPlatform set by -D").append(PLATFORM_PROPERTY).append('.');
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
        m.append("\nor set -D").append(PLATFORM_PROPERTY).append("=<key> to use another platform's JAR, or -D")
                .append(pathProperty(name)).append("=<file> to load a library file as it is.");
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
