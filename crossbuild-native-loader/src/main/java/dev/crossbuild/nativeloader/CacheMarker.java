package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The record, written last in a cache folder, of the libraries the loader extracted there and verified
 * (their sha256 against the index, while writing them): for each, its sha256, size, modification and
 * change times and file identity (device and inode) as they were once in place. A later start reuses a
 * library whose file still agrees, with no hashing; any difference (or no record) extracts it again. In a
 * folder only this user may write to, this is as good as hashing: no one else can change the file.
 *
 * <pre>
 * crossbuild-native-verified=1
 * &lt;sha256&gt; &lt;size&gt; &lt;mtime ms&gt; &lt;ctime ms&gt; &lt;dev&gt; &lt;ino&gt; &lt;file&gt;
 * </pre>
 */
final class CacheMarker {

    static final String FILE = ".verified";
    private static final String HEADER = "crossbuild-native-verified=1";

    private CacheMarker() {
    }

    /**
     * The libraries of the index whose files in the folder the marker does not vouch for (all of them when
     * there is no marker), in index order; empty when every one agrees.
     *
     * @param why receives, when not null, what differs first (for a message)
     */
    static List<NativeIndex.Library> stale(Path folder, NativeIndex index, StringBuilder why) {
        List<NativeIndex.Library> stale = new ArrayList<NativeIndex.Library>();
        String text = read(folder.resolve(FILE));
        if (text == null) {
            if (why != null) {
                why.append("no record that its libraries were verified (").append(FILE).append(')');
            }
            stale.addAll(index.libraries());
            return stale;
        }
        for (NativeIndex.Library library : index.libraries()) {
            Path file = folder.resolve(library.file());
            String recorded = find(text, library.file());
            String differs;
            if (recorded == null || !recorded.startsWith(library.sha256() + " ")) {
                differs = "was not verified against this index";
            } else {
                FileStat s;
                boolean timed = false;
                try {
                    // the owner and mode cheaply, then the change time and identity the marker compares
                    s = FileStat.quick(file);
                    timed = s != null && FileStat.privateFile(file, s) && FileStat.times(file, s);
                } catch (IOException e) {
                    s = null;
                }
                if (s == null) {
                    differs = "is missing";
                } else if (!timed) {
                    differs = "is not a private file of this user (" + PrivateFolders.describe(file, s) + ")";
                } else if (!recorded.equals(line(library, s))) {
                    differs = "changed since it was verified (size " + s.size + ", recorded "
                            + recorded.substring(library.sha256().length() + 1, recorded.indexOf(' ',
                                    library.sha256().length() + 1)) + ")";
                } else {
                    continue;
                }
            }
            if (why != null && stale.isEmpty()) {
                why.append(library.file()).append(' ').append(differs);
            }
            stale.add(library);
        }
        return stale;
    }

    /**
     * The longest wait for the file system's clock to pass a library's recorded times before the marker vouches
     * for them. A file system stamps times from a coarse clock (one kernel tick, 10 ms at most on Linux), so a
     * change made in the same tick as the extraction could leave size, times and inode as recorded; once the
     * clock is past the recorded times, any later change gets other times.
     */
    static final long CLOCK_TICK_MILLIS = 15;

    /**
     * Records the libraries as they are now, in a temp file moved into place once the file system's clock is
     * past their times: the temp file's own modification time, just written, is that clock, so the wait is what
     * is left of the current tick (none when the tick has passed since the libraries were written), at most
     * {@link #CLOCK_TICK_MILLIS}.
     */
    static void write(Path folder, NativeIndex index) throws IOException {
        long newest = 0;
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (NativeIndex.Library library : index.libraries()) {
            FileStat s = FileStat.stat(folder.resolve(library.file()));
            if (s == null) {
                throw new java.nio.file.NoSuchFileException(folder.resolve(library.file()).toString());
            }
            newest = Math.max(newest, Math.max(s.mtime, s.ctime));
            text.append(line(library, s)).append(' ').append(library.file()).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Path temp = CacheWriter.temp(folder, FILE, PrivateFolders.Created.FILE);
        boolean moved = false;
        try {
            long start = System.currentTimeMillis();
            while (true) {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
                    out.write(bytes);
                }
                FileStat written = FileStat.stat(temp);
                if (written == null) {
                    throw new java.nio.file.NoSuchFileException(temp.toString());
                }
                // a later millisecond is a later tick: any change from now on gets times past the recorded ones
                if (written.mtime > newest || System.currentTimeMillis() - start >= CLOCK_TICK_MILLIS) {
                    break;
                }
                CacheWriter.sleep(1, "recording the verified libraries");
            }
            CacheWriter.move(temp, folder.resolve(FILE));
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** {@code <sha256> <size> <mtime> <ctime> <dev> <ino>}. */
    private static String line(NativeIndex.Library library, FileStat s) {
        return new StringBuilder(library.sha256()).append(' ').append(s.size).append(' ').append(s.mtime)
                .append(' ').append(s.ctime).append(' ').append(s.dev).append(' ').append(s.ino).toString();
    }

    /** The recorded line of a file, without its name, or null. */
    private static String find(String text, String file) {
        String suffix = " " + file;
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            if (end - from > suffix.length() && text.startsWith(suffix, end - suffix.length())) {
                String line = text.substring(from, end - suffix.length());
                // six fields: a file name with spaces cannot pass for another one's line
                int spaces = 0;
                for (int i = 0; i < line.length(); i++) {
                    if (line.charAt(i) == ' ') {
                        spaces++;
                    }
                }
                if (spaces == 5) {
                    return line;
                }
            }
            from = end + 1;
        }
        return null;
    }

    /** The marker's text when it is this user's private regular file with the right header, else null. */
    private static String read(Path marker) {
        try {
            FileStat s = FileStat.quick(marker);
            if (!FileStat.privateFile(marker, s) || s.size > 1 << 20) {
                return null;
            }
            byte[] bytes = new byte[(int) s.size];
            int n = 0;
            // java.io, whose classes the JVM has loaded: a channel (Files.newInputStream) would load some thirty
            // classes and the JDK's nio library. The lstat above found this user's own regular file in a folder
            // no one else may write to, so no one else can put a link in its place before the open.
            try (InputStream in = new java.io.FileInputStream(marker.toString())) {
                while (n < bytes.length) {
                    int r = in.read(bytes, n, bytes.length - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
            }
            String text = NativeIndex.utf8(bytes, 0, n);
            return text.startsWith(HEADER + "\n") ? text : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
