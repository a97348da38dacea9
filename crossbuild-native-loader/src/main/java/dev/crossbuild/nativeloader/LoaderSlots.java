package dev.crossbuild.nativeloader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The slot of a class loader in a cache folder: 0 for the first class loader of this JVM that extracts
 * there, whose libraries are the folder's own files, 1 for the second, whose libraries are copies in
 * {@code loader-2/}, and so on. The JVM lets one class loader load a file: a second one gets "already
 * loaded in another classloader" from {@code System.load}, so each gets a file of its own. Other processes
 * use the same slots at the same time (they share the files): a slot is a matter of one JVM alone.
 *
 * <p>A slot is taken for this JVM by a system property, {@code crossbuild.native.slot.<n>.<folder>}, set
 * once and never removed: the system properties are the one table every copy of this class sees (another
 * class loader's copy has statics of its own), and claiming one costs no file and no lock, so a start that
 * reuses the cache opens nothing here.
 */
final class LoaderSlots {

    /** The prefix of the system properties that record the slots this JVM has taken. */
    static final String PROPERTY = "crossbuild.native.slot.";

    /** Per cache folder, the slot of each class loader that asked for it through this copy of the class. */
    private static final Map<Path, Map<ClassLoader, Integer>> SLOTS = new HashMap<Path, Map<ClassLoader, Integer>>();

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
            for (int k = 0; ; k++) {
                // containsValue walks the table itself: no iterator classes to load in a cold JVM
                if (!slots.containsValue(Integer.valueOf(k)) && claim(folder, k)) {
                    slots.put(loader, Integer.valueOf(k));
                    return k;
                }
            }
        }
    }

    /**
     * True when this JVM had not taken the slot and now has: {@code putIfAbsent} is atomic on the system
     * properties (a synchronized {@code Hashtable} on Java 8, a concurrent map behind it since Java 9).
     */
    private static boolean claim(Path folder, int k) {
        return System.getProperties().putIfAbsent(PROPERTY + k + "." + folder, "taken") == null;
    }
}
