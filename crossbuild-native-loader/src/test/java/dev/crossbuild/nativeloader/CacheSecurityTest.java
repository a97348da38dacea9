package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache is used only where no other user can write: a root or folder owned by another user, open to
 * group or others, or a link, at each level, is refused (or, for the user's own folder left open, closed
 * and its content verified again), never loaded; created folders and files are owner-only under umask 000;
 * a library that disagrees with the marker is extracted again, and a start that agrees hashes nothing.
 * Another user is {@code nobody} (a chown, so these tests need root; skipped otherwise, with the reason).
 */
class CacheSecurityTest {

    @TempDir
    static Path shared;

    static Fixture fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void build() throws Exception {
        fixture = Fixture.build(shared.resolve("fixture"));
    }

    /** One class loader per test: a new one would take the next class-loader slot (loader-2/). */
    URLClassLoader loader;

    @BeforeEach
    void newLoader() throws Exception {
        loader = fixture.classLoader();
    }

    @AfterEach
    void clearProperties() throws Exception {
        System.clearProperty(NativeLibraries.DIR_PROPERTY);
        loader.close();
    }

    private static void requireRoot() {
        assumeTrue(Fixture.root(), "a folder of another user is made with chown, which needs root");
    }

    private static void chown(Path path, String user) throws Exception {
        UserPrincipal principal = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.setOwner(path, principal);
    }

    private static void chmod(Path path, String mode) throws Exception {
        Fixture.run(path.getParent(), "chmod", mode, path.toString());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private Path extract(Path root) throws Exception {
        System.setProperty(NativeLibraries.DIR_PROPERTY, root.toString());
        return NativeLibraries.extract(fixture.anchor(loader), Fixture.NAME);
    }

    private String refused(Path root) throws Exception {
        System.setProperty(NativeLibraries.DIR_PROPERTY, root.toString());
        Class<?> anchor = fixture.anchor(loader);
        return assertThrows(UnsatisfiedLinkError.class, () -> NativeLibraries.extract(anchor, Fixture.NAME))
                .getMessage();
    }

    /** The hash folder the fixture's libraries go to under a root, from a first extraction elsewhere. */
    private String hashName() throws Exception {
        return extract(work.resolve("probe-cache")).getParent().getFileName().toString();
    }

    interface Setup {
        void apply(Path root) throws Exception;
    }

    @Test
    void aRootThatOthersCouldWriteToIsRefusedNamingItsOwnerModeAndTheProperty() throws Exception {
        requireRoot();
        Object[][] cases = {
            {"owned by nobody", (Setup) root -> chown(root, "nobody"), "owner nobody (uid 65534), mode rwx------",
                "not owned by root"},
            {"group-writable", (Setup) root -> chmod(root, "770"), "mode rwxrwx---", "others may write to it"},
            {"other-writable", (Setup) root -> chmod(root, "707"), "mode rwx---rwx", "others may write to it"},
            {"a link", (Setup) root -> {
                Files.delete(root);
                Files.createDirectories(root.resolveSibling("real"));
                Files.createSymbolicLink(root, root.resolveSibling("real"));
            }, ", a link)", "it is a link"},
            {"under a folder others may write to", (Setup) root -> chmod(root.getParent(), "777"),
                "mode rwxrwxrwx)", "above the cache"},
            {"under a folder of another user", (Setup) root -> chown(root.getParent(), "nobody"),
                "owner nobody (uid 65534)", "above the cache"},
        };
        for (Object[] c : cases) {
            Path parent = work.resolve(((String) c[0]).replace(' ', '-'));
            Path root = parent.resolve("cache");
            Files.createDirectories(root, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            ((Setup) c[1]).apply(root);
            String message = refused(root);
            assertTrue(message.contains("no cache folder can be written and loaded from"), c[0] + ": " + message);
            assertTrue(message.contains((String) c[2]), c[0] + ": " + message);
            assertTrue(message.contains((String) c[3]), c[0] + ": " + message);
            assertTrue(message.contains("(-D" + NativeLibraries.DIR_PROPERTY + ")"), c[0] + ": " + message);
            assertTrue(message.contains("Set -D" + NativeLibraries.DIR_PROPERTY + "=<folder>"), c[0] + ": " + message);
            assertFalse(Files.exists(root.resolve(Fixture.NAME), LinkOption.NOFOLLOW_LINKS),
                    c[0] + ": nothing is written there");
            assertFalse(Files.exists(root.resolveSibling("real").resolve(Fixture.NAME)), (String) c[0]);
        }
    }

    @Test
    void aStickyRootOfTheUserAndAStickyFolderAboveAreAccepted() throws Exception {
        Path parent = work.resolve("tmp-like");
        Files.createDirectories(parent);
        chmod(parent, "1777");
        Path main = extract(parent.resolve("cache"));
        assertArrayEquals(fixture.hello, Files.readAllBytes(main));
        assertEquals("rwx------", mode(parent.resolve("cache")), "the root is made owner-only");

        Path sticky = work.resolve("sticky-root");
        Files.createDirectories(sticky);
        chmod(sticky, "1777");
        assertArrayEquals(fixture.hello, Files.readAllBytes(extract(sticky)));
    }

    @Test
    void aFolderBelowTheRootOfAnotherUserOrALinkIsRefused() throws Exception {
        requireRoot();
        String hash = hashName();
        Object[][] cases = {
            {"name folder of nobody", Fixture.NAME, "owner"},
            {"name folder a link", Fixture.NAME, "link"},
            {"hash folder of nobody", Fixture.NAME + "/" + hash, "owner"},
            {"hash folder a link", Fixture.NAME + "/" + hash, "link"},
        };
        for (Object[] c : cases) {
            Path root = work.resolve(((String) c[0]).replace(' ', '-'));
            Path folder = root.resolve((String) c[1]);
            Files.createDirectories(folder.getParent());
            Path planted = work.resolve("planted-" + root.getFileName());
            // what another user would plant: the fixture's folder with a library of theirs
            Files.createDirectories(planted);
            Files.write(planted.resolve("libhello.so"), fixture.dep);
            if (c[2].equals("owner")) {
                Files.createDirectories(folder);
                chown(folder, "nobody");
            } else {
                Files.createSymbolicLink(folder, planted);
            }
            String message = refused(root);
            assertTrue(message.contains(folder.toString()), c[0] + ": " + message);
            assertTrue(message.contains(c[2].equals("owner") ? "it is not owned by root" : "it is a link"),
                    c[0] + ": " + message);
            assertTrue(message.contains("Remove " + folder), c[0] + ": " + message);
            assertArrayEquals(fixture.dep, Files.readAllBytes(planted.resolve("libhello.so")), (String) c[0]);
        }
    }

    @Test
    void aLinkOrAForeignFileInTheLibrariesFolderIsReplacedNeverFollowed() throws Exception {
        // the lock and an older loader's slot file as links to files that do not exist yet, before the first extraction
        Path root = work.resolve("cache");
        Path folder = root.resolve(Fixture.NAME).resolve(hashName());
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(folder.resolve(CacheWriter.LOCK_FILE), work.resolve("made-through-lock"));
        Files.createSymbolicLink(folder.resolve(".slot-0"), work.resolve("made-through-slot"));
        Path main = extract(root);
        assertEquals(folder.resolve("libhello.so"), main);
        assertArrayEquals(fixture.hello, Files.readAllBytes(main));
        assertFalse(Files.exists(work.resolve("made-through-lock")), "the lock file is opened without following");
        assertFalse(Files.exists(work.resolve("made-through-slot")), "the slot file is opened without following");

        // the library and the marker as links to a file elsewhere
        Path target = work.resolve("target.so");
        Files.write(target, fixture.dep);
        Files.delete(main);
        Files.delete(folder.resolve(CacheMarker.FILE));
        Files.createSymbolicLink(main, target);
        Files.createSymbolicLink(folder.resolve(CacheMarker.FILE), target);
        assertEquals(main, extract(root));
        assertFalse(Files.isSymbolicLink(main), "the link is replaced by the library");
        assertArrayEquals(fixture.hello, Files.readAllBytes(main));
        assertFalse(Files.isSymbolicLink(folder.resolve(CacheMarker.FILE)), "the marker link is replaced");
        assertArrayEquals(fixture.dep, Files.readAllBytes(target), "the links' target is not written");

        if (Fixture.root()) {
            // a library of another user's, even with the right bytes and an agreeing marker, is not trusted
            chown(main, "nobody");
            CacheMarker.write(folder, index(folder));
            assertEquals(main, extract(root));
            assertEquals("root", Files.getOwner(main, LinkOption.NOFOLLOW_LINKS).getName());
            assertArrayEquals(fixture.hello, Files.readAllBytes(main));
        }
    }

    @Test
    void theUsersOwnFolderLeftOpenIsClosedAndItsContentVerifiedAgain() throws Exception {
        Path root = work.resolve("cache");
        Path main = extract(root);
        Path folder = main.getParent();
        // an older loader under umask 000 made it 0777: anyone could have swapped the library and the marker
        chmod(folder, "777");
        byte[] planted = fixture.hello.clone();
        planted[planted.length / 2] ^= 0x5a;
        Files.delete(main);
        Files.write(main, planted);
        CacheMarker.write(folder, index(folder));

        assertEquals(main, extract(root));
        assertEquals("rwx------", mode(folder));
        assertArrayEquals(fixture.hello, Files.readAllBytes(main));
    }

    @Test
    void aLibraryThatDisagreesWithTheMarkerIsExtractedAgainAndACachedStartHashesNothing() throws Exception {
        Path root = work.resolve("cache");
        System.setProperty(NativeLibraries.DIR_PROPERTY, root.toString());
        {
            Class<?> anchor = fixture.anchor(loader);
            long before = CacheWriter.HASHED.get();
            Path main = NativeLibraries.extract(anchor, Fixture.NAME);
            assertEquals(fixture.dep.length + fixture.hello.length, CacheWriter.HASHED.get() - before,
                    "the first call hashes each library once, as it extracts it");
            before = CacheWriter.HASHED.get();
            assertEquals(main, NativeLibraries.extract(anchor, Fixture.NAME));
            assertEquals(0, CacheWriter.HASHED.get() - before, "a call that reuses the cache hashes nothing");

            // one byte changed in place, same size, same inode, the modification time put back
            Path dep = main.resolveSibling("libdep.so");
            FileTime mtime = Files.getLastModifiedTime(dep);
            try (FileChannel channel = FileChannel.open(dep, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(new byte[] {(byte) (fixture.dep[100] ^ 0x5a)}), 100);
            }
            Files.setLastModifiedTime(dep, mtime);
            assertEquals(main, NativeLibraries.extract(anchor, Fixture.NAME));
            assertArrayEquals(fixture.dep, Files.readAllBytes(dep));

            // a marker that names another sha256 for the file
            Path marker = main.resolveSibling(CacheMarker.FILE);
            String text = new String(Files.readAllBytes(marker), "UTF-8");
            Files.write(marker, text.replace(Fixture.sha256(fixture.hello), Fixture.sha256(fixture.dep))
                    .getBytes("UTF-8"));
            before = CacheWriter.HASHED.get();
            assertEquals(main, NativeLibraries.extract(anchor, Fixture.NAME));
            assertEquals(fixture.hello.length, CacheWriter.HASHED.get() - before, "libhello.so alone is extracted");
            assertEquals(text.replaceAll("\n[0-9a-f]{64} [^\n]* libhello.so", ""),
                    new String(Files.readAllBytes(marker), "UTF-8").replaceAll("\n[0-9a-f]{64} [^\n]* libhello.so", ""),
                    "libdep.so's record is kept");
        }
    }

    @Test
    void underUmask000EveryFolderAndFileIsOwnerOnly() throws Exception {
        Path root = work.resolve("deep").resolve("er").resolve("cache");
        List<String> command = new ArrayList<String>(Arrays.asList("sh", "-c", "umask 000 && exec \"$@\"", "sh"));
        command.addAll(fixture.javaCommand("-D" + NativeLibraries.DIR_PROPERTY + "=" + root));
        Fixture.Result result = Fixture.run(command, work);
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains("answer=42"), result.output);
        Path main = Paths.get(Fixture.lines(result.output).get(1).substring("path=".length()));
        Path hash = main.getParent();
        for (Path folder : Arrays.asList(work.resolve("deep"), work.resolve("deep").resolve("er"), root,
                hash.getParent(), hash)) {
            assertEquals("rwx------", mode(folder), folder.toString());
        }
        assertEquals("rwx------", mode(main));
        assertEquals("rwx------", mode(hash.resolve("libdep.so")));
        for (String file : Arrays.asList(CacheWriter.LOCK_FILE, CacheMarker.FILE)) {
            assertEquals("rw-------", mode(hash.resolve(file)), file);
        }
    }

    /** With XDG_CACHE_HOME in a folder of another user, the loader goes on to the next folder, unforced. */
    @Test
    void anUnforcedRootOfAnotherUserIsSkippedForTheNextFallback() throws Exception {
        requireRoot();
        Path foreign = work.resolve("foreign-xdg");
        Files.createDirectories(foreign);
        chown(foreign, "nobody");
        Path home = work.resolve("home");
        Files.createDirectories(home);
        ProcessBuilder builder = new ProcessBuilder(fixture.javaCommand("-Duser.home=" + home,
                "-Djava.io.tmpdir=" + work)).redirectErrorStream(true).directory(work.toFile());
        builder.environment().put("XDG_CACHE_HOME", foreign.toString());
        Fixture.Result result = Fixture.finish(builder.start());
        assertEquals(0, result.code, result.output);
        assertTrue(result.output.contains("answer=42"), result.output);
        assertTrue(result.output.contains("path=" + home.resolve(".crossbuild-native").resolve(Fixture.NAME)),
                result.output);
        assertFalse(Files.exists(foreign.resolve("crossbuild-native")), "nothing is made in the foreign folder");
    }

    /**
     * A read-only cache filled beforehand: a library altered since it was verified fails naming the folder,
     * what differs and the fix (not only "{@code .lock: Read-only file system}"); one whose file merely
     * changed its times (a copied cache) is verified by its sha256 in place and used.
     */
    @Test
    void aTamperedLibraryInAReadOnlyCacheIsNamedWithTheFix() throws Exception {
        assumeTrue(Fixture.root() && StressTest.canUnshareMounts(),
                "a read-only cache is a read-only bind mount in a mount namespace (root, unshare -m)");
        Path cache = work.resolve("ro-cache");
        Path main = extract(cache);
        byte[] altered = fixture.hello.clone();
        altered[altered.length / 2] ^= 0x5a;
        Files.write(main, altered);
        List<String> readOnly = Arrays.asList("unshare", "-m", "sh", "-c",
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"", "sh",
                cache.toString());
        List<String> command = new ArrayList<String>(readOnly);
        command.addAll(fixture.javaCommand("-D" + NativeLibraries.DIR_PROPERTY + "=" + cache));
        Fixture.Result failed = Fixture.run(command, work);
        assertNotEquals(0, failed.code, failed.output);
        assertTrue(failed.output.contains(main.getParent() + ": libhello.so changed since it was verified"),
                failed.output);
        assertTrue(failed.output.contains("libhello.so has sha256 " + Fixture.sha256(altered) + " where the index says "
                + Fixture.sha256(fixture.hello)), failed.output);
        assertTrue(failed.output.contains("the folder cannot be written to put it right"), failed.output);
        assertTrue(failed.output.contains("Read-only file system"), failed.output);
        assertTrue(failed.output.contains("Delete " + main.getParent()), failed.output);
        assertFalse(failed.output.contains("answer="), failed.output);

        // the right bytes again, in a file whose times no longer agree with the marker
        Files.write(main, fixture.hello);
        Fixture.Result loaded = Fixture.run(command, work);
        assertEquals(0, loaded.code, loaded.output);
        assertTrue(loaded.output.contains("answer=42"), loaded.output);
    }

    private static NativeIndex index(Path folder) throws Exception {
        List<NativeIndex.Library> libraries = Arrays.asList(
                new NativeIndex.Library("libdep.so", Fixture.sha256(fixture.dep)),
                new NativeIndex.Library("libhello.so", Fixture.sha256(fixture.hello)));
        return new NativeIndex(Fixture.NAME, fixture.platform, "x86_64-unknown-linux-gnu", "gnu", "2.17", libraries,
                "libhello.so");
    }
}
