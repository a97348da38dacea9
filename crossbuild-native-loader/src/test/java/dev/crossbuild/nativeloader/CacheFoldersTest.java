package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The cache folders of each OS, and noexec from /proc/self/mountinfo, as pure functions. */
class CacheFoldersTest {

    private static List<String> roots(String os, Map<String, String> env, Properties props) {
        List<String> roots = new ArrayList<String>();
        for (java.nio.file.Path root : CacheFolders.candidates(os, env, props).keySet()) {
            roots.add(root.toString());
        }
        return roots;
    }

    private static Properties props(String home, String tmp, String user) {
        Properties p = new Properties();
        p.setProperty("user.home", home);
        p.setProperty("java.io.tmpdir", tmp);
        p.setProperty("user.name", user);
        return p;
    }

    @Test
    void linuxUsesXdgCacheHomeThenTheHomeThenTheTempDir() {
        Map<String, String> env = new HashMap<String, String>();
        Properties p = props("/home/ann", "/tmp", "ann");
        List<String> expected = new ArrayList<String>();
        expected.add("/home/ann/.cache/crossbuild-native");
        expected.add("/home/ann/.crossbuild-native");
        expected.add("/tmp/crossbuild-native-ann");
        assertEquals(expected, roots("linux", env, p));

        env.put("XDG_CACHE_HOME", "/var/cache/ann");
        expected.set(0, "/var/cache/ann/crossbuild-native");
        assertEquals(expected, roots("linux", env, p));

        // the XDG spec: a relative XDG_CACHE_HOME is ignored
        env.put("XDG_CACHE_HOME", "relative/cache");
        expected.set(0, "/home/ann/.cache/crossbuild-native");
        assertEquals(expected, roots("linux", env, p));
        assertEquals(expected, roots("freebsd", env, p));
    }

    @Test
    void macosUsesLibraryCaches() {
        List<String> roots = roots("osx", new HashMap<String, String>(), props("/Users/bo", "/var/folders/x/T", "bo"));
        assertEquals("/Users/bo/Library/Caches/crossbuild-native", roots.get(0));
        assertEquals("/Users/bo/.crossbuild-native", roots.get(1));
        assertEquals("/var/folders/x/T/crossbuild-native-bo", roots.get(2));
    }

    @Test
    void windowsUsesLocalAppData() {
        // the paths of this test's file system, so that the test runs on every OS
        Map<String, String> env = new HashMap<String, String>();
        String local = Paths.get("/users/cy/AppData/Local").toAbsolutePath().toString();
        env.put("LOCALAPPDATA", local);
        Properties p = props(Paths.get("/users/cy").toAbsolutePath().toString(), "/tmp", "Cy Young");
        List<String> roots = roots("windows", env, p);
        assertEquals(Paths.get(local, "crossbuild-native").toString(), roots.get(0));
        assertEquals(Paths.get("/tmp", "crossbuild-native-Cy_Young").toString(), roots.get(2));
        env.remove("LOCALAPPDATA");
        assertEquals(Paths.get(local, "crossbuild-native").toString(), roots("windows", env, p).get(0));
    }

    @Test
    void thePropertyIsTheOnlyFolder() {
        Properties p = props("/home/ann", "/tmp", "ann");
        p.setProperty(CacheFolders.DIR_PROPERTY, "/opt/libs");
        List<String> expected = new ArrayList<String>();
        expected.add("/opt/libs");
        assertEquals(expected, roots("linux", new HashMap<String, String>(), p));
    }

    @Test
    void aHomeOfQuestionMarkIsNoFolder() {
        // what the JVM sets user.home to when the user has no passwd entry (a container's random uid)
        Properties p = props("?", "/tmp", "1000680000");
        List<String> expected = new ArrayList<String>();
        expected.add("/tmp/crossbuild-native-1000680000");
        assertEquals(expected, roots("linux", new HashMap<String, String>(), p));
    }

    private static final String MOUNTINFO = ""
            + "22 27 0:21 / /proc rw,relatime - proc proc rw\n"
            + "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n"
            + "30 27 0:27 / /tmp rw,nosuid,nodev,noexec,relatime - tmpfs tmpfs rw\n"
            + "31 27 0:28 / /home rw,relatime - ext4 /dev/vdb rw\n"
            + "32 31 0:29 / /home/ann/My\\040Cache rw,noexec - tmpfs tmpfs rw\n"
            + "33 30 0:30 / /tmp/exec rw,relatime - tmpfs tmpfs rw\n"
            // mounted over /home/bob later: the later one counts
            + "34 31 0:31 / /home/bob rw,noexec - tmpfs tmpfs rw\n"
            + "35 34 0:32 / /home/bob rw - tmpfs tmpfs rw\n";

    @Test
    void noexecIsTheOptionOfTheLongestMountPoint() {
        assertTrue(CacheFolders.noexec(MOUNTINFO, "/tmp/crossbuild-native-ann/hello"));
        assertTrue(CacheFolders.noexec(MOUNTINFO, "/tmp"));
        assertFalse(CacheFolders.noexec(MOUNTINFO, "/tmp/exec/x"));
        assertFalse(CacheFolders.noexec(MOUNTINFO, "/tmpfoo/x"));
        assertFalse(CacheFolders.noexec(MOUNTINFO, "/home/ann/.cache/crossbuild-native"));
        assertTrue(CacheFolders.noexec(MOUNTINFO, "/home/ann/My Cache/crossbuild-native"));
        assertFalse(CacheFolders.noexec(MOUNTINFO, "/home/bob/.cache"));
        assertFalse(CacheFolders.noexec(MOUNTINFO, "/var/cache"));
        assertFalse(CacheFolders.noexec("", "/var/cache"));
    }

    @Test
    void mountinfoEscapesAreDecoded() {
        assertEquals("/a b\tc\\d", CacheFolders.unescape("/a\\040b\\011c\\134d"));
        assertEquals("/plain", CacheFolders.unescape("/plain"));
        assertEquals("/odd\\9", CacheFolders.unescape("/odd\\9"));
    }
}
