import dev.crossbuild.nativeloader.NativeLibraries;

/**
 * One measured call in a fresh JVM, for bench/loader.sh. {@code extract}: the loader finds the index, checks
 * or writes the library, then System.load of the path it returns; the loader's class loading and the JIT's
 * warm-up are in the figure, as they are in an application's first call. {@code again}: the same twice, the
 * second call timed (a call in a warm JVM). {@code plain}: System.load of a file already on disk, args[1].
 * Prints the call's time in milliseconds.
 */
public final class LoaderBench {
    public static void main(String[] args) {
        if (args[0].equals("again")) {
            System.load(NativeLibraries.extract(LoaderBench.class, "bench").toString());
        }
        long start = System.nanoTime();
        String file = args[0].equals("plain") ? args[1]
                : NativeLibraries.extract(LoaderBench.class, "bench").toString();
        System.load(file);
        long end = System.nanoTime();
        System.out.printf("%.3f%n", (end - start) / 1e6);
    }
}
