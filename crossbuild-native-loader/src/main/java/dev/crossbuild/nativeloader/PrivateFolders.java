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
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

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


    private PrivateFolders() {
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
            FileStat s = FileStat.quick(p);
            if (s == null || s.mode < 0) {
                continue;
            }
            boolean trusted = FileStat.isRoot(s) || FileStat.mine(p, s);
            boolean sticky = (s.mode & FileStat.STICKY) != 0;
            if (s.link() || !trusted || ((s.mode & 002) != 0 && !sticky)
                    || ((s.mode & 020) != 0 && !sticky && s.gid != FileStat.processGid())) {
                throw CacheWriter.refused(describe(p, s) + ", above the cache: another user could rename"
                        + " the cache and put libraries of theirs in its place. Use a cache under folders that only"
                        + " you (or root) may write to (chmod go-w " + p + ", or +t for a shared one like /tmp)",
                        null);
            }
        }
        Path result = real.resolve(root.getFileName().toString());
        FileStat s = FileStat.quick(result);
        if (s == null) {
            try {
                Files.createDirectory(result, Created.FOLDER);
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile; checked below
            }
            s = FileStat.quick(result);
            if (s == null) {
                throw new NoSuchFileException(result.toString());
            }
        }
        String wrong = wrong(result, s);
        // sticky and the user's own (a tmpfs root, /tmp-like): others may add names but not touch the user's
        if (wrong == null && s.mode >= 0 && (s.mode & 022) != 0 && (s.mode & FileStat.STICKY) == 0) {
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
        FileStat s = FileStat.quick(folder);
        if (s == null) {
            try {
                Files.createDirectory(folder, Created.FOLDER);
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile; checked below
            }
            s = FileStat.quick(folder);
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

    private static String wrong(Path folder, FileStat s) {
        if (s.link()) {
            return "it is a link, and the loader follows no link in its cache";
        }
        if (!s.folder()) {
            return "it is not a folder";
        }
        if (!FileStat.mine(folder, s)) {
            return "it is not owned by " + System.getProperty("user.name");
        }
        return null;
    }

    /** {@code <path> (owner <name> (uid n), mode rwxr-xr-x)}. */
    static String describe(Path path, FileStat s) {
        if (s.owner != null) {
            try {
                FileStat full = FileStat.stat(path);
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
            if (i == 8 && (s.mode & FileStat.STICKY) != 0) {
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
            FileStat s = FileStat.stat(file);
            if (s == null || FileStat.privateFile(file, s)) {
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
