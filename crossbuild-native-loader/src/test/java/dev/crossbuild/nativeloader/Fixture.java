package dev.crossbuild.nativeloader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A real native JAR for the tests: {@code libdep.so} and {@code libhello.so} built with gcc (the second
 * needs the first, and holds the JNI function of {@code demo.Hello.answer()}, which returns 42), packed with
 * a real index under the running platform's key, and the compiled {@code demo.Hello} that loads them
 * through the loader.
 */
final class Fixture {

    static final String NAME = "hello";

    final Path dir;
    final Path nativeJar;
    final Path demoClasses;
    final String platform;
    final byte[] dep;
    final byte[] hello;

    private Fixture(Path dir, Path nativeJar, Path demoClasses, String platform, byte[] dep, byte[] hello) {
        this.dir = dir;
        this.nativeJar = nativeJar;
        this.demoClasses = demoClasses;
        this.platform = platform;
        this.dep = dep;
        this.hello = hello;
    }

    /** Skipped where gcc or the JDK's JNI headers are missing, except in strict mode, where it fails. */
    static Fixture build(Path dir) throws Exception {
        require(linux(), "the native tests build ELF libraries with gcc, on Linux");
        require(onPath("gcc"), "gcc is not on PATH");
        Path include = Paths.get(System.getProperty("java.home"), "include");
        require(Files.isRegularFile(include.resolve("jni.h")), "no jni.h under " + include
                + " (a JDK, not a JRE, runs the tests)");
        Files.createDirectories(dir);
        Path src = dir.resolve("c");
        Files.createDirectories(src);
        write(src.resolve("dep.c"), "int dep_value(void) { return 40; }\n");
        write(src.resolve("hello.c"), "#include <jni.h>\n"
                + "int dep_value(void);\n"
                + "JNIEXPORT jint JNICALL Java_demo_Hello_answer(JNIEnv *env, jclass cls) {\n"
                + "    return dep_value() + 2;\n"
                + "}\n");
        run(src, "gcc", "-shared", "-fPIC", "-o", "libdep.so", "-Wl,-soname,libdep.so", "dep.c");
        // no run path: libhello finds libdep only because it is loaded first, by its soname
        run(src, "gcc", "-shared", "-fPIC", "-I" + include, "-I" + include.resolve("linux"), "-o", "libhello.so",
                "hello.c", "-L.", "-ldep");
        byte[] dep = Files.readAllBytes(src.resolve("libdep.so"));
        byte[] hello = Files.readAllBytes(src.resolve("libhello.so"));
        String platform = Platforms.current();
        Path jar = dir.resolve("hello-" + platform + ".jar");
        writeJar(jar, NAME, platform, Arrays.asList("libdep.so", dep, "libhello.so", hello));
        Path classes = dir.resolve("demo-classes");
        compileDemo(dir.resolve("demo-src"), classes);
        return new Fixture(dir, jar, classes, platform, dep, hello);
    }

    /** A native JAR holding these libraries (file name, bytes, …; the last is the main one) for a platform. */
    static void writeJar(Path jar, String name, String platform, List<Object> files) throws IOException {
        writeJar(jar, name, platform, files, null, null);
    }

    /** The same, its index naming the project ({@code groupId:artifactId}) and version that built it. */
    static void writeJar(Path jar, String name, String platform, List<Object> files, String artifact, String version)
            throws IOException {
        List<NativeIndex.Library> libraries = new ArrayList<NativeIndex.Library>();
        for (int i = 0; i < files.size(); i += 2) {
            libraries.add(new NativeIndex.Library((String) files.get(i), sha256((byte[]) files.get(i + 1))));
        }
        NativeIndex index = new NativeIndex(name, platform, "x86_64-unknown-linux-gnu", "gnu", "2.17", libraries,
                libraries.get(libraries.size() - 1).file(), artifact, version);
        String folder = NativeIndex.ROOT + name + "/" + platform + "/";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < files.size(); i += 2) {
                out.putNextEntry(new JarEntry(folder + files.get(i)));
                out.write((byte[]) files.get(i + 1));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(NativeIndex.path(name, platform)));
            out.write(index.bytes());
            out.closeEntry();
        }
    }

    private static void compileDemo(Path src, Path classes) throws IOException {
        Path file = src.resolve("demo").resolve("Hello.java");
        Files.createDirectories(file.getParent());
        write(file, "package demo;\n"
                + "import dev.crossbuild.nativeloader.NativeLibraries;\n"
                + "import java.nio.file.Path;\n"
                + "public final class Hello {\n"
                + "    static {\n"
                + "        if (Boolean.getBoolean(\"demo.loadAll\")) {\n"
                + "            NativeLibraries.loadAll(Hello.class, \"" + NAME + "\", System::load);\n"
                + "        } else {\n"
                + "            for (Path library : NativeLibraries.extractAll(Hello.class, \"" + NAME + "\")) {\n"
                + "                System.load(library.toString());\n"
                + "            }\n"
                + "        }\n"
                + "    }\n"
                + "    public static native int answer();\n"
                + "    public static void main(String[] args) {\n"
                + "        System.out.println(\"answer=\" + answer());\n"
                + "        System.out.println(\"path=\" + NativeLibraries.extract(Hello.class, \"" + NAME + "\"));\n"
                + "    }\n"
                + "}\n");
        Path race = src.resolve("demo").resolve("Race.java");
        write(race, "package demo;\n"
                + "import dev.crossbuild.nativeloader.NativeLibraries;\n"
                + "import java.nio.file.Files;\n"
                + "import java.nio.file.Path;\n"
                + "import java.nio.file.Paths;\n"
                + "/** Says it is ready (args[1]), waits for the start file (args[0]), then loads and calls. */\n"
                + "public final class Race {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                + "        Path go = Paths.get(args[0]);\n"
                + "        Files.createFile(Paths.get(args[1]));\n"
                + "        while (!Files.exists(go)) {\n"
                + "            Thread.sleep(1);\n"
                + "        }\n"
                + "        System.out.println(\"answer=\" + Hello.answer());\n"
                + "        System.out.println(\"path=\" + NativeLibraries.extract(Hello.class, \"" + NAME + "\"));\n"
                + "    }\n"
                + "}\n");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        require(javac != null, "no Java compiler in this JVM (a JDK runs the tests)");
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", loaderClasses().toString(),
                file.toString(), race.toString());
        assertEquals(0, rc, "javac of demo.Hello");
    }

    /** The loader's compiled classes (target/classes), for child JVMs and class loaders. */
    static Path loaderClasses() {
        try {
            return Paths.get(NativeLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class loader over the native JAR and demo.Hello, child of the test's (which has the loader). */
    URLClassLoader classLoader() throws IOException {
        return new URLClassLoader(new URL[] {demoClasses.toUri().toURL(), nativeJar.toUri().toURL()},
                Fixture.class.getClassLoader());
    }

    /**
     * A class loader over the loader's classes, the native JAR and demo.Hello, with no parent but the
     * bootstrap loader: its own copy of NativeLibraries, as two applications in one server each have.
     */
    URLClassLoader isolatedClassLoader() throws IOException {
        return new URLClassLoader(new URL[] {loaderClasses().toUri().toURL(), demoClasses.toUri().toURL(),
            nativeJar.toUri().toURL()}, null);
    }

    /** demo.Hello from a new class loader, not initialized (so it loads nothing). */
    Class<?> anchor(URLClassLoader loader) throws ClassNotFoundException {
        return Class.forName("demo.Hello", false, loader);
    }

    /** The class path of a child JVM that runs demo.Hello. */
    String classPath() {
        return loaderClasses() + File.pathSeparator + demoClasses + File.pathSeparator + nativeJar;
    }

    /** A child JVM's command: java, the properties, demo.Hello. */
    List<String> javaCommand(String... properties) {
        return javaCommand(Arrays.asList(properties), "demo.Hello");
    }

    /** A child JVM's command: java, the properties, the main class and its arguments. */
    List<String> javaCommand(List<String> properties, String main, String... args) {
        List<String> command = new ArrayList<String>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(properties);
        command.add("-cp");
        command.add(classPath());
        command.add(main);
        command.addAll(Arrays.asList(args));
        return command;
    }

    static final class Result {
        final int code;
        final String output;

        Result(int code, String output) {
            this.code = code;
            this.output = output;
        }
    }

    static Process start(List<String> command, Path dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.directory(dir.toFile());
        return builder.start();
    }

    static Result finish(Process process) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("child JVM did not end: " + out.toString("UTF-8"));
        }
        return new Result(process.exitValue(), out.toString("UTF-8"));
    }

    static Result run(List<String> command, Path dir) throws Exception {
        return finish(start(command, dir));
    }

    static void run(Path dir, String... command) throws Exception {
        Result result = run(Arrays.asList(command), dir);
        assertEquals(0, result.code, String.join(" ", command) + ":\n" + result.output);
    }

    static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return NativeLibraries.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(folder, program))) {
                return true;
            }
        }
        return false;
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As the plugin's tests: a missing tool skips, except under -Dcrossbuild.it.strict=true, where it fails. */
    static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (Boolean.getBoolean("crossbuild.it.strict")) {
            fail("strict mode: " + what + " (run .ci/run to install every toolchain)");
        }
        assumeTrue(false, what);
    }

    static List<String> lines(String text) {
        return Collections.unmodifiableList(Arrays.asList(text.split("\n")));
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
    }
}
