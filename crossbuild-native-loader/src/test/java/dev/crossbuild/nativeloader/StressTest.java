package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader under stress, with real libraries and real JVMs: eight JVMs extracting into one empty cache at
 * once, a truncated and an altered file in the cache, two class loaders loading the same JAR's library,
 * a read-only and a noexec cache folder.
 */
class StressTest {

    @TempDir
    static Path shared;

    static Fixture fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void build() throws Exception {
        fixture = Fixture.build(shared.resolve("fixture"));
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(NativeLibraries.DIR_PROPERTY);
    }

    @Test
    void eightJvmsAtOnceOnAnEmptyCache() throws Exception {
        Path cache = work.resolve("cache");
        Path go = work.resolve("go");
        List<Process> processes = new ArrayList<Process>();
        for (int i = 0; i < 8; i++) {
            processes.add(Fixture.start(fixture.javaCommand(
                    Arrays.asList("-D" + NativeLibraries.DIR_PROPERTY + "=" + cache), "demo.Race", go.toString(),
                    work.resolve("ready-" + i).toString()), work));
        }
        // every JVM has started and waits: then all extract at the same moment
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < 8; i++) {
            while (!Files.exists(work.resolve("ready-" + i))) {
                assertTrue(System.nanoTime() < deadline, "JVM " + i + " did not start");
                Thread.sleep(5);
            }
        }
        Files.createFile(go);
        Set<String> paths = new HashSet<String>();
        for (Process process : processes) {
            Fixture.Result result = Fixture.finish(process);
            assertEquals(0, result.code, result.output);
            assertTrue(result.output.contains("answer=42"), result.output);
            for (String line : Fixture.lines(result.output)) {
                if (line.startsWith("path=")) {
                    paths.add(line.substring(5));
                }
            }
        }
        assertEquals(1, paths.size(), "every JVM uses the same file: " + paths);
        Path main = Paths.get(paths.iterator().next());
        assertArrayEquals(fixture.hello, Files.readAllBytes(main));
        assertArrayEquals(fixture.dep, Files.readAllBytes(main.resolveSibling("libdep.so")));
        assertEquals(Arrays.asList(".lock", ".verified", "libdep.so", "libhello.so"), names(main.getParent()),
                "no temp file is left");
    }

    @Test
    void aTruncatedOrAlteredFileIsReplaced() throws Exception {
        Path cache = work.resolve("cache");
        System.setProperty(NativeLibraries.DIR_PROPERTY, cache.toString());
        try (URLClassLoader loader = fixture.classLoader()) {
            Class<?> anchor = fixture.anchor(loader);
            Path main = NativeLibraries.extract(anchor, Fixture.NAME);
            Path dep = main.resolveSibling("libdep.so");

            // a disk that filled up, a process killed mid-copy by an older loader: half the file
            try (FileChannel channel = FileChannel.open(main, StandardOpenOption.WRITE)) {
                channel.truncate(fixture.hello.length / 2);
            }
            // the same size, one byte changed
            byte[] altered = fixture.dep.clone();
            altered[altered.length / 2] ^= 0x5a;
            Files.write(dep, altered);
            // a temp file of a process that died while writing
            Path stale = main.resolveSibling(".libhello.so.12345.tmp");
            Files.write(stale, new byte[] {1, 2, 3});

            assertEquals(main, NativeLibraries.extract(anchor, Fixture.NAME));
            assertArrayEquals(fixture.hello, Files.readAllBytes(main));
            assertArrayEquals(fixture.dep, Files.readAllBytes(dep));
            assertFalse(Files.exists(stale), "the stale temp file is removed under the lock");
        }
        // and the repaired files load and run
        Fixture.Result result = Fixture.run(fixture.javaCommand("-D" + NativeLibraries.DIR_PROPERTY + "=" + cache),
                work);
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains("answer=42"), result.output);
    }

    /**
     * Two applications' class loaders, each with its own copy of the loader (as two web applications of one
     * server), extract the same JAR at the same moment, and each loads the library and calls it: the JVM
     * lets one class loader load a file, so the second gets its own copy.
     */
    @Test
    void twoClassLoadersWithTheirOwnLoaderEachLoadTheLibrary() throws Exception {
        System.setProperty(NativeLibraries.DIR_PROPERTY, work.resolve("cache").toString());
        try (URLClassLoader a = fixture.isolatedClassLoader(); URLClassLoader b = fixture.isolatedClassLoader()) {
            assertNotEquals(NativeLibraries.class, a.loadClass(NativeLibraries.class.getName()));
            assertTwoLoadersEachLoad(a, b);
        }
    }

    /** Two class loaders under one copy of the loader (the loader on a parent class path, as in a plugin host). */
    @Test
    void twoClassLoadersSharingTheLoaderEachLoadTheLibrary() throws Exception {
        System.setProperty(NativeLibraries.DIR_PROPERTY, work.resolve("cache").toString());
        try (URLClassLoader a = fixture.classLoader(); URLClassLoader b = fixture.classLoader()) {
            assertEquals(NativeLibraries.class, a.loadClass(NativeLibraries.class.getName()));
            assertTwoLoadersEachLoad(a, b);
        }
    }

    private static void assertTwoLoadersEachLoad(final URLClassLoader a, final URLClassLoader b) throws Exception {
        final CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> extracted = new ArrayList<Future<Path>>();
            for (final URLClassLoader loader : Arrays.asList(a, b)) {
                extracted.add(pool.submit(new Callable<Path>() {
                    @Override
                    public Path call() throws Exception {
                        Class<?> anchor = Class.forName("demo.Hello", false, loader);
                        Method extract = loader.loadClass(NativeLibraries.class.getName())
                                .getMethod("extract", Class.class, String.class);
                        start.await();
                        return (Path) extract.invoke(null, anchor, Fixture.NAME);
                    }
                }));
            }
            start.countDown();
            Path pathA = extracted.get(0).get(30, TimeUnit.SECONDS);
            Path pathB = extracted.get(1).get(30, TimeUnit.SECONDS);
            assertNotEquals(pathA, pathB, "each class loader has a file of its own");
            Path folder = pathA.getParent().getFileName().toString().startsWith("loader-")
                    ? pathA.getParent().getParent() : pathA.getParent();
            assertTrue(pathA.startsWith(folder) && pathB.startsWith(folder), pathA + " " + pathB);
            assertArrayEquals(fixture.hello, Files.readAllBytes(pathA));
            assertArrayEquals(fixture.hello, Files.readAllBytes(pathB));
            // each loads it from its own class (the static initializer of demo.Hello) and calls it
            for (URLClassLoader loader : Arrays.asList(a, b)) {
                Class<?> hello = Class.forName("demo.Hello", true, loader);
                try {
                    assertEquals(42, hello.getMethod("answer").invoke(null));
                } catch (InvocationTargetException e) {
                    throw new AssertionError("demo.Hello of " + loader, e.getCause());
                }
            }
            // a later call from each gives each its own file again
            assertEquals(pathA, extract(a));
            assertEquals(pathB, extract(b));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path extract(URLClassLoader loader) throws Exception {
        Class<?> anchor = Class.forName("demo.Hello", false, loader);
        return (Path) loader.loadClass(NativeLibraries.class.getName())
                .getMethod("extract", Class.class, String.class).invoke(null, anchor, Fixture.NAME);
    }

    /**
     * A cache folder this user cannot write falls back to the next folder; with {@code crossbuild.native.dir}
     * naming it, the error names the property. Root ignores file permissions, so as root the folder is a
     * read-only bind mount in a mount namespace of the child JVM's own (unshare -m), or, where the machine
     * allows no mount namespace (a container), the child JVM runs as user nobody (setpriv) and the folder is
     * read-only by its permissions; skipped where neither works.
     */
    @Test
    void aReadOnlyCacheFallsBack() throws Exception {
        Path readOnly = work.resolve("read-only-cache");
        Files.createDirectories(readOnly);
        Files.createDirectories(work.resolve("home"));
        Files.createDirectories(work.resolve("tmp"));
        List<String> prefix;
        if (!Fixture.root()) {
            prefix = new ArrayList<String>();
        } else if (canUnshareMounts()) {
            prefix = Arrays.asList("unshare", "-m", "sh", "-c",
                    "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"", "sh",
                    readOnly.toString());
        } else {
            org.junit.jupiter.api.Assumptions.assumeTrue(canRunAsNobody(),
                    "as root, permissions are not enforced, and this machine allows neither a mount namespace"
                            + " for a read-only bind mount (unshare -m) nor running the JVM as nobody (setpriv)");
            // nobody reads the fixture and the class path, and owns the folders the fallback may use (the
            // loader takes only folders of the user's own, under folders no one else may write to)
            openToAll(shared);
            openToAll(work);
            for (String folder : Arrays.asList("home", "tmp")) {
                Files.setOwner(work.resolve(folder), work.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("nobody"));
            }
            prefix = Arrays.asList("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        }
        try {
            if (!prefix.isEmpty() && prefix.get(0).equals("unshare")) {
                assertFallsBack(readOnly, prefix);
            } else {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
                assertFallsBack(readOnly, prefix);
            }
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Every folder and file under a root readable by everyone, and the folders above it passable (for nobody). */
    private static void openToAll(Path root) throws Exception {
        for (Path p = root; p != null; p = p.getParent()) {
            if (p.equals(root)) {
                continue;
            }
            // the folders above the root need only be passable; chmod o+x keeps a sticky bit (of /tmp),
            // which setPosixFilePermissions would clear
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                Fixture.run(Paths.get("/"), "chmod", "o+x", p.toString());
            }
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static Boolean asNobody;

    private static synchronized boolean canRunAsNobody() throws Exception {
        if (asNobody == null) {
            asNobody = Fixture.linux() && Fixture.onPath("setpriv") && Fixture.run(Arrays.asList("setpriv",
                    "--reuid=65534", "--regid=65534", "--clear-groups", "true"), Paths.get("/")).code == 0;
        }
        return asNobody;
    }

    /**
     * A cache folder on a {@code noexec} file system (a tmpfs mounted so in the child JVM's own mount namespace,
     * or a writable noexec mount the machine has) falls back; a library loaded from it really fails, which
     * is why the loader checks.
     */
    @Test
    void aNoexecCacheFallsBack() throws Exception {
        Path noexec;
        List<String> prefix;
        if (Fixture.root() && canUnshareMounts()) {
            noexec = work.resolve("noexec-cache");
            Files.createDirectories(noexec);
            prefix = Arrays.asList("unshare", "-m", "sh", "-c",
                    "mount -t tmpfs -o noexec,size=64m tmpfs \"$1\" && shift && exec \"$@\"", "sh",
                    noexec.toString());
        } else {
            Path mount = writableNoexecMount();
            org.junit.jupiter.api.Assumptions.assumeTrue(mount != null,
                    "this machine allows no noexec mount (unshare -m as root) and has no writable noexec mount");
            noexec = Files.createTempDirectory(mount, "crossbuild-loader-test");
            prefix = new ArrayList<String>();
        }
        // the loader's reason to check: System.load from that folder fails
        Path probe = noexec.resolve("probe.so");
        List<String> proof = new ArrayList<String>(prefix);
        if (!prefix.isEmpty()) {
            proof.set(4, "mount -t tmpfs -o noexec,size=64m tmpfs \"$1\" && cp \"$2\" \"$1\"/probe.so && shift 2"
                    + " && exec \"$@\"");
            proof.add(fixture.dir.resolve("c").resolve("libdep.so").toString());
        } else {
            Files.write(probe, fixture.dep);
        }
        proof.addAll(fixture.javaCommand("-D" + NativeLibraries.pathProperty(Fixture.NAME) + "=" + probe));
        Fixture.Result loaded = Fixture.run(proof, work);
        assertNotEquals(0, loaded.code, loaded.output);
        assertTrue(loaded.output.contains("UnsatisfiedLinkError"), loaded.output);
        try {
            assertFallsBack(noexec, prefix);
        } finally {
            if (prefix.isEmpty()) {
                // a folder on the machine's own mount, outside the test's temp dir
                deleteTree(noexec);
            }
        }
    }

    /** With XDG_CACHE_HOME in the folder, the library comes from ~/.crossbuild-native; with the property, an error. */
    private void assertFallsBack(Path bad, List<String> prefix) throws Exception {
        Path home = work.resolve("home");
        Path tmp = work.resolve("tmp");
        Files.createDirectories(home);
        Files.createDirectories(tmp);
        List<String> properties = Arrays.asList("-Duser.home=" + home, "-Djava.io.tmpdir=" + tmp);

        List<String> command = new ArrayList<String>(prefix);
        command.addAll(fixture.javaCommand(properties, "demo.Hello"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        builder.environment().put("XDG_CACHE_HOME", bad.toString());
        Fixture.Result result = Fixture.finish(builder.start());
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains("answer=42"), result.output);
        assertTrue(result.output.contains("path=" + home.resolve(".crossbuild-native").resolve(Fixture.NAME)),
                result.output);

        List<String> forced = new ArrayList<String>(prefix);
        List<String> forcedProperties = new ArrayList<String>(properties);
        forcedProperties.add("-D" + NativeLibraries.DIR_PROPERTY + "=" + bad);
        forced.addAll(fixture.javaCommand(forcedProperties, "demo.Hello"));
        Fixture.Result failed = Fixture.run(forced, work);
        assertNotEquals(0, failed.code, failed.output);
        assertTrue(failed.output.contains("java.lang.UnsatisfiedLinkError: cannot extract native library hello for "
                + fixture.platform + ": no cache folder can be written and loaded from:"), failed.output);
        assertTrue(failed.output.contains(bad.resolve(Fixture.NAME) + "/"), failed.output);
        assertTrue(failed.output.contains("(-D" + NativeLibraries.DIR_PROPERTY + ")"), failed.output);
        assertTrue(failed.output.contains("Set -D" + NativeLibraries.DIR_PROPERTY + "=<folder>"), failed.output);
    }

    private static Boolean unshare;

    static synchronized boolean canUnshareMounts() throws Exception {
        if (unshare == null) {
            unshare = false;
            // -Dloader.test.unshare=false tries the tests' other ways, as on a machine without mount namespaces
            if (Fixture.linux() && Fixture.onPath("unshare") && !"false".equals(System.getProperty("loader.test.unshare"))) {
                Path probe = Files.createTempDirectory("crossbuild-unshare-probe");
                try {
                    Fixture.Result result = Fixture.run(Arrays.asList("unshare", "-m", "sh", "-c",
                            "mount -t tmpfs -o noexec tmpfs \"$1\"", "sh", probe.toString()), probe);
                    unshare = result.code == 0;
                } finally {
                    Files.delete(probe);
                }
            }
        }
        return unshare;
    }

    /** A mount point the user can write to, mounted noexec (/dev/shm or /tmp on many hardened machines). */
    private static Path writableNoexecMount() throws Exception {
        Path info = Paths.get("/proc/self/mountinfo");
        if (!Files.isReadable(info)) {
            return null;
        }
        for (String line : Files.readAllLines(info)) {
            String[] fields = line.split(" ");
            if (fields.length > 5 && Arrays.asList(fields[5].split(",")).contains("noexec")
                    && !Arrays.asList(fields[5].split(",")).contains("ro")) {
                Path point = Paths.get(CacheFolders.unescape(fields[4]));
                if (Files.isDirectory(point) && Files.isWritable(point)
                        && CacheFolders.noexec(new String(Files.readAllBytes(info), "UTF-8"), point.toString())) {
                    return point;
                }
            }
        }
        return null;
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> paths = all.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
    }
}
