import dev.crossbuild.nativeloader.NativeLibraries;

/**
 * One measured load in a fresh JVM, for the side-by-side run of bench/loader.sh: args[0] is
 * {@code zstd-own} (zstd-jni's own loader, {@code Native.load()}, which copies its library to a temp file at
 * every start), {@code sqlite-own} (sqlite-jdbc's, {@code SQLiteJDBCLoader.initialize()}, the same), or
 * {@code <name>} for {@code NativeLibraries.extract} then {@code System.load} of the same library packed as
 * a crossbuild native JAR. The peers are called by reflection so that this class compiles without them.
 * Each loader's entry class is loaded before the timed part and initialized inside it, the same for all.
 * Prints the load's time in milliseconds, wall clock then the main thread's CPU time (which a busy
 * machine's other processes inflate far less than the wall clock; java.management is loaded before the
 * timed part, the same for every kind).
 */
public final class PeerBench {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        ClassLoader loader = PeerBench.class.getClassLoader();
        Class<?> peer = Class.forName("dev.crossbuild.nativeloader.NativeLibraries", false, loader);
        if (mode.equals("zstd-own")) {
            peer = Class.forName("com.github.luben.zstd.util.Native", false, loader);
        } else if (mode.equals("sqlite-own")) {
            peer = Class.forName("org.sqlite.SQLiteJDBCLoader", false, loader);
        }
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        if (mode.equals("zstd-own")) {
            peer.getMethod("load").invoke(null);
        } else if (mode.equals("sqlite-own")) {
            peer.getMethod("initialize").invoke(null);
        } else {
            System.load(NativeLibraries.extract(PeerBench.class, mode).toString());
        }
        long end = System.nanoTime();
        long cpuEnd = threads.getCurrentThreadCpuTime();
        System.out.println((end - start) / 1000 / 1000.0 + " " + (cpuEnd - cpu) / 1000 / 1000.0);
    }
}
