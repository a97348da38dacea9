package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The slot of a class loader in a cache folder: 0 for the first class loader of this JVM that extracts
 * there, whose libraries are the folder's own files, 1 for the second, whose libraries are copies in
 * {@code loader-2/}, and so on. The JVM lets one class loader load a file: a second one gets "already
 * loaded in another classloader" from {@code System.load}, so each gets a file of its own. Other processes
 * use the same slots at the same time (they share the files).
 *
 * <p>A slot is taken for this JVM by a shared lock on {@code .slot-<n>} held as long as this class lives:
 * the JVM refuses a second lock on one file in one process ({@link OverlappingFileLockException}) even to
 * another copy of this class in another class loader, while shared locks of other processes coexist. The
 * slot files are created owner-only and opened without following a link.
 */
final class LoaderSlots {

    /** Per cache folder, the slot of each class loader that asked for it through this copy of the class. */
    private static final Map<Path, Map<ClassLoader, Integer>> SLOTS = new HashMap<Path, Map<ClassLoader, Integer>>();

    /** The slot files this copy of the class holds a lock on, open for as long as it lives. */
    private static final List<FileChannel> HELD = new ArrayList<FileChannel>();

    private LoaderSlots() {
    }

    static int slot(Path folder, ClassLoader loader) {
        synchronized (SLOTS) {
            Map<ClassLoader, Integer> slots = SLOTS.get(folder);
            if (slots == null) {
                slots = new WeakHashMap<ClassLoader, Integer>();
                SLOTS.put(folder, slots);
            }
            Integer known = slots.get(loader);
            if (known != null) {
                return known.intValue();
            }
            Set<Integer> mine = new HashSet<Integer>(slots.values());
            for (int k = 0; ; k++) {
                if (mine.contains(Integer.valueOf(k))) {
                    continue;
                }
                Boolean claimed = claim(folder.resolve(".slot-" + k));
                if (claimed == null || claimed.booleanValue()) {
                    // null: the folder cannot be written (a read-only cache filled beforehand), so the slots
                    // of other copies of this class cannot be seen; this copy's own are still told apart
                    slots.put(loader, Integer.valueOf(k));
                    return k;
                }
            }
        }
    }

    /** True when this JVM now holds the slot, false when it held it already, null when it cannot tell. */
    private static Boolean claim(Path slotFile) {
        FileChannel channel;
        try {
            channel = PrivateFolders.open(slotFile, true);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        boolean keep = false;
        try {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return Boolean.FALSE;
            }
            HELD.add(channel);
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
}
