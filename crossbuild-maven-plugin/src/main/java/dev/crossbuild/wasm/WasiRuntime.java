package dev.crossbuild.wasm;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of the plugin's WASI runner ({@link WasiMain}) in a JVM of its own: the running JVM's
 * {@code java}, and the plugin's own class path, which holds Chicory. A JVM per test binary, as wasmtime is a
 * process per binary: a module that loops or exhausts memory is stopped with its process by the test timeout,
 * never inside Maven's JVM.
 */
public final class WasiRuntime {

    private WasiRuntime() {
    }

    /**
     * {@code java -cp <plugin class path> dev.crossbuild.wasm.WasiMain}; the module and its arguments follow.
     *
     * @param cache where compiled modules are kept between runs, or null for none
     */
    public static List<String> command(Path cache) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // compiled wasm code recurses on the JVM stack; the default 1 MB is less than a wasm program expects
        command.add("-Xss16m");
        command.add("-XX:+UseSerialGC");
        if (cache != null) {
            command.add("-D" + WasiMain.CACHE_PROPERTY + "=" + cache.toAbsolutePath());
        }
        command.add("-cp");
        command.add(classPath());
        command.add(WasiMain.class.getName());
        return command;
    }

    /** The class path the plugin was loaded from: its class realm's jars in Maven, the JVM's in tests. */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = WasiRuntime.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    // not a file on disk: the child JVM could not use it either
                }
            }
        }
        if (entries.isEmpty()) {
            for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
