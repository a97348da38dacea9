package dev.crossbuild.jni;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Java classes with {@code native} methods, compiled here by the JDK's own compiler. */
final class JavaFixtures {

    /**
     * Seven native methods: static and instance, overloaded ({@code sum}), with an object argument
     * ({@code greet}), a non-ASCII name ({@code größe}) and one in an inner class. {@code load} calls
     * {@code System.load} from the class itself, so that the library binds to the class's own loader.
     */
    static final String HELLO = """
            package com.example;

            public class Hello {
                public static native int add(int a, int b);
                public static native long sum(long a, long b);
                public static native long sum(int a, int b, int c);
                public static native int greet(String name);
                public static native int größe();
                public native int twice(int value);
                public int plain() { return 1; }

                public static void load(String path) {
                    System.load(path);
                }

                public static class Inner {
                    public native int answer();
                }
            }
            """;

    static final String UTIL = """
            package com.example.other;

            final class Util {
                static native void ping();
                static void notNative() {}
            }
            """;

    private JavaFixtures() {
    }

    /** Compiles the sources (path, text, …) into {@code dir/classes}, javac's headers into {@code dir/headers}. */
    static Path compile(Path dir, String... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        require(javac != null, "a JDK's Java compiler is needed (the tests run on a JRE)");
        Path sourceDir = dir.resolve("src");
        List<String> arguments = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-h",
                dir.resolve("headers").toString(), "-encoding", "UTF-8", "--release", "17"));
        for (int i = 0; i < sources.length; i += 2) {
            Path file = sourceDir.resolve(sources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, sources[i + 1]);
            arguments.add(file.toString());
        }
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, arguments.toArray(String[]::new));
        assertThat(status).as("javac: " + errors).isZero();
        return dir.resolve("classes");
    }

    static Path compileHello(Path dir) throws IOException {
        return compile(dir, "com/example/Hello.java", HELLO);
    }

    /** The class files under {@code classes} in a jar. */
    static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }
}
