package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.util.Set;
import java.util.HashSet;
import java.nio.file.StandardOpenOption;
import java.nio.file.OpenOption;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Decides which folders may hold the cache. Every folder from the cache root down is the user's own,
 * closed to group and others and no link; the folders above the root are the user's or root's and let no
 * one else rename an entry in them (not writable by others, or sticky like {@code /tmp}). So no other user
 * can plant or swap a file between the check and {@code System.load}. Folders and files are created
 * owner-only at creation (the mode given to {@code mkdir}/{@code open}, which the umask can only narrow).
 * Where the file system has no POSIX owner and mode (Windows), the per-user folder's own access control is
 * relied on.
 */
final class PrivateFolders {

    /** Whether files have a POSIX owner and mode (every OS but Windows). */
    static final boolean POSIX = java.io.File.separatorChar == '/';

    /** The modes files and folders are created with, loaded only when the loader creates one. */
    static final class Created {
        static final FileAttribute<?>[] FOLDER = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            owner(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))}
            : new FileAttribute<?>[0];
        /** Libraries: read, write and execute for the owner alone. */
        static final FileAttribute<?>[] LIBRARY = FOLDER;
        /** Lock, slot and marker files. */
        static final FileAttribute<?>[] FILE = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
            owner(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))} : new FileAttribute<?>[0];

        /** A plain set: an EnumSet (as PosixFilePermissions.fromString makes) sets up reflection in a cold JVM. */
        private static Set<PosixFilePermission> owner(PosixFilePermission... permissions) {
            Set<PosixFilePermission> set = new HashSet<PosixFilePermission>();
            for (PosixFilePermission permission : permissions) {
                set.add(permission);
            }
            return set;
        }

        private Created() {
        }
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    private static final int STICKY = 01000;

    /** This process's uid and gid ({@code /proc/self}), -1 where unknown; read on the first full stat only. */
    private static final class Ids {
        static final int[] IDS = ids();

        private Ids() {
        }
    }

    /**
     * This process's user and root as principals, for the checks on the owner of a {@link #quick} stat (a
     * principal's {@code equals} compares the uid); null where unknown (then the uid of a full stat decides).
     * Fields of this class, not of a holder class: every call that uses the cache needs them.
     */
    private static final UserPrincipal ME = POSIX ? me() : null;
    private static final UserPrincipal ROOT = POSIX ? rootUser() : null;

    private static UserPrincipal me() {
        try {
            return Files.readAttributes(Paths.get("/proc/self"), PosixFileAttributes.class).owner();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static UserPrincipal rootUser() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("root");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private PrivateFolders() {
    }

    /** One {@code lstat}: what the checks and the marker need, without a user or group name lookup. */
    static final class Stat {
        int type;
        int mode = -1;
        int uid = -1;
        int gid = -1;
        long size;
        long mtime;
        long ctime;
        long dev;
        long ino;
        /** The owner, from a {@link #quick} stat (whose {@code uid} is -1), else null. */
        UserPrincipal owner;

        boolean link() {
            return type == S_IFLNK;
        }

        boolean folder() {
            return type == S_IFDIR;
        }

        boolean regular() {
            return type == S_IFREG;
        }
    }

    /** The file's own attributes (a link is not followed), or null when there is no such file. */
    static Stat stat(Path path) throws IOException {
        Stat s = new Stat();
        try {
            if (POSIX) {
                Map<String, Object> a = Files.readAttributes(path, "unix:mode,uid,gid,size,lastModifiedTime,ctime,dev,ino",
                        LinkOption.NOFOLLOW_LINKS);
                s.mode = ((Integer) a.get("mode")).intValue();
                s.type = s.mode & S_IFMT;
                s.uid = ((Integer) a.get("uid")).intValue();
                s.gid = ((Integer) a.get("gid")).intValue();
                s.size = ((Long) a.get("size")).longValue();
                // milliseconds: FileTime.to(NANOSECONDS) would set up java.time for a TimeUnit switch
                s.mtime = ((FileTime) a.get("lastModifiedTime")).toMillis();
                s.ctime = ((FileTime) a.get("ctime")).toMillis();
                s.dev = ((Long) a.get("dev")).longValue();
                s.ino = ((Long) a.get("ino")).longValue();
                return s;
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // a file system without the unix view: the basic attributes below
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        s.type = a.isSymbolicLink() ? S_IFLNK : a.isDirectory() ? S_IFDIR : a.isRegularFile() ? S_IFREG : 0;
        s.size = a.size();
        s.mtime = a.lastModifiedTime().toMillis();
        s.ctime = a.creationTime().toMillis();
        Object key = a.fileKey();
        s.ino = key == null ? 0 : key.hashCode();
        return s;
    }

    /**
     * The file's own attributes (a link is not followed) for the checks on folders and the marker: type,
     * permission bits, owner, size and modification time, read as {@link PosixFileAttributes}, which costs a
     * cold JVM a tenth of the {@code unix:} view's parsed attribute names; a file group or others may write to
     * gets a full {@link #stat} (the sticky bit and the group then matter). Null when there is no such file.
     */
    static Stat quick(Path path) throws IOException {
        if (!POSIX) {
            return stat(path);
        }
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (UnsupportedOperationException e) {
            return stat(path);
        }
        int mode = 0;
        for (PosixFilePermission permission : a.permissions()) {
            mode |= 0400 >> permission.ordinal();
        }
        UserPrincipal owner = a.owner();
        if ((mode & 022) != 0 || ME == null || ROOT == null || owner == null) {
            return stat(path);
        }
        Stat s = new Stat();
        s.type = a.isSymbolicLink() ? S_IFLNK : a.isDirectory() ? S_IFDIR : a.isRegularFile() ? S_IFREG : 0;
        s.mode = s.type | mode;
        s.owner = owner;
        s.size = a.size();
        s.mtime = a.lastModifiedTime().toMillis();
        return s;
    }

    /**
     * Adds a {@link #quick} stat's change time and identity (device, inode) from the {@code unix:} view; false
     * when the file is gone or the view is missing.
     */
    static boolean times(Path path, Stat s) throws IOException {
        if (!POSIX || s.owner == null) {
            return true; // a full stat has them already
        }
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:ctime,dev,ino", LinkOption.NOFOLLOW_LINKS);
            s.ctime = ((FileTime) a.get("ctime")).toMillis();
            s.dev = ((Long) a.get("dev")).longValue();
            s.ino = ((Long) a.get("ino")).longValue();
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            Stat full = stat(path);
            if (full == null) {
                return false;
            }
            s.ctime = full.ctime;
            s.dev = full.dev;
            s.ino = full.ino;
            return true;
        }
    }

    /** Whether root owns the file. */
    private static boolean root(Stat s) {
        return s.owner != null ? s.owner.equals(ROOT) : s.uid == 0;
    }

    private static int[] ids() {
        try {
            Map<String, Object> a = Files.readAttributes(Paths.get("/proc/self"), "unix:uid,gid");
            return new int[] {((Integer) a.get("uid")).intValue(), ((Integer) a.get("gid")).intValue()};
        } catch (IOException | RuntimeException e) {
            return new int[] {-1, -1};
        }
    }

    /** Whether this user owns the file (true where the file system has no owners). */
    static boolean mine(Path path, Stat s) {
        if (s.owner != null) {
            return s.owner.equals(ME);
        }
        if (s.uid < 0) {
            return true;
        }
        if (Ids.IDS[0] >= 0) {
            return s.uid == Ids.IDS[0];
        }
        try {
            return Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a file is this user's own, a regular file, that no one else may write to. */
    static boolean privateFile(Path path, Stat s) {
        return s != null && s.regular() && mine(path, s) && (s.mode < 0 || (s.mode & 022) == 0);
    }

    /**
     * Makes or checks a cache root, and returns it with the links of the folders above it resolved (the path
     * {@code System.load} will walk). The folders above must be root's or the user's and let no one else
     * rename what is in them; the root must be the user's own folder, closed to group and others.
     */
    static Path root(Path root) throws IOException, CacheWriter.Refused {
        Path parent = root.toAbsolutePath().getParent();
        if (parent == null || root.getFileName() == null) {
            throw CacheWriter.refused("it is the root of a file system; name a folder of its own", null);
        }
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, Created.FOLDER);
        }
        Path real = parent.toRealPath();
        for (Path p = real; p != null; p = p.getParent()) {
            Stat s = quick(p);
            if (s == null || s.mode < 0) {
                continue;
            }
            boolean trusted = root(s) || mine(p, s);
            boolean sticky = (s.mode & STICKY) != 0;
            if (s.link() || !trusted || ((s.mode & 002) != 0 && !sticky)
                    || ((s.mode & 020) != 0 && !sticky && s.gid != Ids.IDS[1])) {
                throw CacheWriter.refused(describe(p, s) + ", above the cache: another user could rename"
                        + " the cache and put libraries of theirs in its place. Use a cache under folders that only"
                        + " you (or root) may write to (chmod go-w " + p + ", or +t for a shared one like /tmp)",
                        null);
            }
        }
        Path result = real.resolve(root.getFileName().toString());
        Stat s = quick(result);
        if (s == null) {
            try {
                Files.createDirectory(result, Created.FOLDER);
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile; checked below
            }
            s = quick(result);
            if (s == null) {
                throw new NoSuchFileException(result.toString());
            }
        }
        String wrong = wrong(result, s);
        // sticky and the user's own (a tmpfs root, /tmp-like): others may add names but not touch the user's
        if (wrong == null && s.mode >= 0 && (s.mode & 022) != 0 && (s.mode & STICKY) == 0) {
            wrong = "others may write to it";
        }
        if (wrong != null) {
            throw CacheWriter.refused(describe(result, s) + ": " + wrong + ", so another user could plant"
                    + " the libraries this JVM loads. Use a folder that is yours alone (chown " + System.getProperty("user.name")
                    + " " + result + "; chmod 700 " + result + ") or another one", null);
        }
        return result;
    }

    /**
     * Makes or checks a folder under the root: the user's own, no link. One that group or others may write
     * to (made under an open umask by an older loader) is closed again and reported as repaired, so that
     * what it holds is verified again rather than trusted.
     *
     * @return true when the folder was open to others and has been repaired
     */
    static boolean folder(Path folder) throws IOException, CacheWriter.Refused {
        Stat s = quick(folder);
        if (s == null) {
            try {
                Files.createDirectory(folder, Created.FOLDER);
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile; checked below
            }
            s = quick(folder);
            if (s == null) {
                throw new NoSuchFileException(folder.toString());
            }
        }
        String wrong = wrong(folder, s);
        if (wrong != null) {
            throw CacheWriter.refused(describe(folder, s) + ": " + wrong + "; the loader uses only folders of its own."
                    + " Remove " + folder + " (the loader makes it again)", null);
        }
        if (s.mode >= 0 && (s.mode & 022) != 0) {
            Files.setPosixFilePermissions(folder, Created.owner(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            return true;
        }
        return false;
    }

    private static String wrong(Path folder, Stat s) {
        if (s.link()) {
            return "it is a link, and the loader follows no link in its cache";
        }
        if (!s.folder()) {
            return "it is not a folder";
        }
        if (!mine(folder, s)) {
            return "it is not owned by " + System.getProperty("user.name");
        }
        return null;
    }

    /** {@code <path> (owner <name> (uid n), mode rwxr-xr-x)}. */
    static String describe(Path path, Stat s) {
        if (s.owner != null) {
            try {
                Stat full = stat(path);
                s = full != null ? full : s;
            } catch (IOException e) {
                // the quick one's mode, without the uid
            }
        }
        StringBuilder m = new StringBuilder().append(path);
        if (s.mode < 0) {
            return m.toString();
        }
        String owner;
        try {
            owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS).getName();
        } catch (IOException | RuntimeException e) {
            owner = "?";
        }
        m.append(" (owner ").append(owner).append(" (uid ").append(s.uid).append("), mode ");
        String bits = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            boolean set = (s.mode & (0400 >> i)) != 0;
            char c = set ? bits.charAt(i) : '-';
            if (i == 8 && (s.mode & STICKY) != 0) {
                c = set ? 't' : 'T';
            }
            m.append(c);
        }
        return m.append(s.link() ? ", a link" : "").append(')').toString();
    }

    /**
     * Opens a lock or slot file, created owner-only, never through a link: one that is a link or not this
     * user's private file (left by an older loader or planted while the folder was open) is replaced.
     */
    static FileChannel open(Path file, boolean read) throws IOException {
        Set<OpenOption> options = new HashSet<OpenOption>();
        options.add(StandardOpenOption.WRITE);
        options.add(LinkOption.NOFOLLOW_LINKS);
        if (read) {
            options.add(StandardOpenOption.READ);
        }
        try {
            return FileChannel.open(file, options);
        } catch (NoSuchFileException e) {
            return create(file, options);
        } catch (IOException e) {
            Stat s = stat(file);
            if (s == null || privateFile(file, s)) {
                throw e;
            }
            Files.delete(file);
            return create(file, options);
        }
    }

    private static FileChannel create(Path file, Set<OpenOption> options) throws IOException {
        options.add(StandardOpenOption.CREATE_NEW);
        try {
            return FileChannel.open(file, options, Created.FILE);
        } catch (FileAlreadyExistsException e) {
            // made by another process meanwhile
            options.remove(StandardOpenOption.CREATE_NEW);
            return FileChannel.open(file, options);
        }
    }
}
