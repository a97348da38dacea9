package dev.crossbuild.binary;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shared libraries built here by the real toolchains, for the export reader and the JNI link check: C compiled
 * by gcc, aarch64-linux-gnu-gcc and mingw-w64, and Mach-O dylibs assembled by llvm-mc and linked by ld64.lld (the
 * Apple linker is not available here; lld's Mach-O port writes the same load commands and export trie). A case
 * whose tool is missing is skipped ({@link dev.crossbuild.Toolchains#require}).
 */
public final class NativeFixtures {

    /**
     * JNI functions for {@code com.example.Hello} (see {@code JniLinkCheckTest}), written out by hand, not by the
     * code under test. {@code -DNO_GREET} leaves out one, {@code -DON_LOAD} adds {@code JNI_OnLoad}; besides them
     * the file has functions that must not be exported: hidden, static, and an undefined reference
     * ({@code puts}).
     */
    public static final String JNI_C = """
            #ifdef _WIN32
            #define EXPORT __declspec(dllexport)
            #define CALL __stdcall
            #else
            #define EXPORT __attribute__((visibility("default")))
            #define CALL
            #endif
            int puts(const char *text);
            EXPORT int CALL Java_com_example_Hello_add(void *env, void *cls, int a, int b) { return a + b; }
            EXPORT long long CALL Java_com_example_Hello_sum__JJ(void *env, void *cls, long long a, long long b) {
                return a + b;
            }
            EXPORT long long CALL Java_com_example_Hello_sum__III(void *env, void *cls, int a, int b, int c) {
                return (long long) a + b + c;
            }
            #ifndef NO_GREET
            EXPORT int CALL Java_com_example_Hello_greet(void *env, void *cls, void *name) { return 7; }
            #endif
            EXPORT int CALL Java_com_example_Hello_gr_000f6_000dfe(void *env, void *cls) { return 5; }
            EXPORT int CALL Java_com_example_Hello_twice(void *env, void *self, int value) { return 2 * value; }
            EXPORT int CALL Java_com_example_Hello_00024Inner_answer(void *env, void *self) { return 42; }
            #ifdef ON_LOAD
            EXPORT int CALL JNI_OnLoad(void *vm, void *reserved) { return 0x00010008; }
            #endif
            #ifndef _WIN32
            __attribute__((visibility("hidden"))) int hidden_helper(void) { return 1; }
            #endif
            static int static_helper(int x) { return x + 1; }
            EXPORT int CALL uses_helpers(int x) { return static_helper(x) + puts("x"); }
            """;

    private NativeFixtures() {
    }

    /** Compiles {@link #JNI_C} into a shared library named {@code output} in {@code dir}. */
    public static Path jniLibrary(Path dir, String compiler, String output, String... flags)
            throws IOException, InterruptedException {
        require(dev.crossbuild.Toolchains.onPath(compiler), compiler + " is needed");
        Path source = dir.resolve("jni.c");
        Files.writeString(source, JNI_C);
        List<String> command = new ArrayList<>(List.of(compiler, "-shared", "-fPIC", "-O1"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-o", output, source.toString()));
        run(dir, command);
        return dir.resolve(output);
    }

    /**
     * A Mach-O dylib from assembly: {@code _Java_com_example_Hello_add} and {@code _JNI_OnLoad} exported, a
     * private extern and a local symbol not.
     *
     * @param triple {@code arm64-apple-macos11} or {@code x86_64-apple-macos10.12}
     */
    public static Path machODylib(Path dir, String triple, String output) throws IOException, InterruptedException {
        require(dev.crossbuild.Toolchains.onPath("llvm-mc") && dev.crossbuild.Toolchains.onPath("ld64.lld-14") || dev.crossbuild.Toolchains.onPath("llvm-mc") && dev.crossbuild.Toolchains.onPath("ld64.lld"),
                "llvm-mc and ld64.lld are needed (Debian packages llvm and lld)");
        boolean arm = triple.startsWith("arm64");
        String ret = arm ? "ret" : "retq";
        String body = arm ? "add w0, w2, w3\n\tret" : "leal (%rdx,%rcx), %eax\n\tretq";
        String assembly = "\t.section __TEXT,__text,regular,pure_instructions\n"
                + "\t.globl _Java_com_example_Hello_add\n\t.p2align 2\n_Java_com_example_Hello_add:\n\t" + body + "\n"
                + "\t.globl _JNI_OnLoad\n\t.p2align 2\n_JNI_OnLoad:\n\t" + ret + "\n"
                + "\t.globl _private_helper\n\t.private_extern _private_helper\n_private_helper:\n\t" + ret + "\n"
                + "_local_helper:\n\t" + ret + "\n";
        Path source = dir.resolve(output + ".s");
        Files.writeString(source, assembly);
        Path object = dir.resolve(output + ".o");
        run(dir, List.of("llvm-mc", "-triple=" + triple, "-filetype=obj", "-o", object.toString(),
                source.toString()));
        String linker = dev.crossbuild.Toolchains.onPath("ld64.lld") ? "ld64.lld" : "ld64.lld-14";
        run(dir, List.of(linker, "-dylib", "-arch", arm ? "arm64" : "x86_64", "-platform_version", "macos",
                arm ? "11.0" : "10.12", arm ? "11.0" : "10.12", "-install_name", "@rpath/" + output, "-o", output,
                object.toString()));
        return dir.resolve(output);
    }

    /** Runs a command in {@code dir}; it must succeed. Returns its output. */
    public static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + output).isZero();
        return output;
    }

}
