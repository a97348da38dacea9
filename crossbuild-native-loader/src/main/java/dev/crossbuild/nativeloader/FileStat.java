package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;

/**
 * One {@code lstat} of a cache file or folder: what {@link PrivateFolders}' checks and the
 * {@link CacheMarker} need (type, mode, owner, size, times, device and inode), without a user or group name
 * lookup, and whether the file is this user's own.
 */
final class FileStat {

    /** Whether files have a POSIX owner and mode (every OS but Windows). */
    static final boolean POSIX = PrivateFolders.POSIX;

    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;
    static final int STICKY = 01000;

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

    /** This process's gid, -1 where unknown. */
    static int processGid() {
        return Ids.IDS[1];
    }

    /** The file's own attributes (a link is not followed), or null when there is no such file. */
    static FileStat stat(Path path) throws IOException {
        FileStat s = new FileStat();
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
    static FileStat quick(Path path) throws IOException {
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
        FileStat s = new FileStat();
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
    static boolean times(Path path, FileStat s) throws IOException {
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
            FileStat full = stat(path);
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
    static boolean isRoot(FileStat s) {
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
    static boolean mine(Path path, FileStat s) {
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
    static boolean privateFile(Path path, FileStat s) {
        return s != null && s.regular() && mine(path, s) && (s.mode < 0 || (s.mode & 022) == 0);
    }
}
