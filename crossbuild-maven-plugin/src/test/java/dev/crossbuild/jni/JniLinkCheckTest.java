package dev.crossbuild.jni;

import static dev.crossbuild.Toolchains.require;
import static dev.crossbuild.binary.NativeFixtures.jniLibrary;
import static dev.crossbuild.binary.NativeFixtures.machODylib;
import static dev.crossbuild.Toolchains.onPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.Toolchains;
import dev.crossbuild.binary.HandMadeExports;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The link check on classes javac compiles here and libraries the real toolchains build. On the host, the
 * running JVM then loads each library and calls the methods, so that the check's "links" and "missing" are the
 * JVM's own.
 */
class JniLinkCheckTest {

    private static final String GREET_MISSING = "target `linux-x64`: native method `com.example.Hello.greet(String)`"
            + " has no symbol `Java_com_example_Hello_greet` (or `Java_com_example_Hello_greet__Ljava_lang_String_2`)"
            + " in libhello.so";

    @TempDir
    Path dir;

    @Test
    void findsTheNativeMethodsOfDirectoriesAndJars() throws Exception {
        Path hello = JavaFixtures.compileHello(dir.resolve("hello"));
        Path util = JavaFixtures.jar(JavaFixtures.compile(dir.resolve("util"), "com/example/other/Util.java",
                JavaFixtures.UTIL), dir.resolve("util.jar"));

        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(hello, util, dir.resolve("absent")));

        assertThat(methods).containsExactly(
                new NativeMethod("com.example.Hello", "add", "(II)I"),
                new NativeMethod("com.example.Hello", "greet", "(Ljava/lang/String;)I"),
                new NativeMethod("com.example.Hello", "größe", "()I"),
                new NativeMethod("com.example.Hello", "sum", "(III)J"),
                new NativeMethod("com.example.Hello", "sum", "(JJ)J"),
                new NativeMethod("com.example.Hello", "twice", "(I)I"),
                new NativeMethod("com.example.Hello$Inner", "answer", "()I"),
                new NativeMethod("com.example.other.Util", "ping", "()V"));
        assertThat(JniLinkCheck.nativeMethods(List.of(dir.resolve("absent")))).isEmpty();
        // the same classes twice (a directory and its jar) are one set of methods
        assertThat(JniLinkCheck.nativeMethods(List.of(hello, JavaFixtures.jar(hello, dir.resolve("hello.jar")))))
                .hasSize(7);
    }

    @Test
    void namesAreTheOnesJavacWritesInItsHeaders() throws Exception {
        Path classes = JavaFixtures.compileHello(dir);
        Set<String> headers = new TreeSet<>();
        Pattern function = Pattern.compile("JNIEXPORT \\S+ JNICALL (\\S+)");
        try (Stream<Path> files = Files.list(dir.resolve("headers"))) {
            for (Path header : files.toList()) {
                Matcher m = function.matcher(Files.readString(header));
                while (m.find()) {
                    headers.add(m.group(1));
                }
            }
        }
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(classes));
        // javac writes the long name for overloaded methods only
        Set<String> expected = methods.stream().map(m -> m.name().equals("sum") ? m.longSymbol() : m.shortSymbol())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(headers).hasSize(7).isEqualTo(expected);
    }

    @Test
    void aHostLibraryWithEverySymbolLinks() throws Exception {
        Path classes = JavaFixtures.compileHello(dir);
        Path library = jniLibrary(dir, "gcc", "libhello.so");

        JniReport report = JniLinkCheck.check("linux-x64", JniLinkCheck.nativeMethods(List.of(classes)),
                List.of(library));

        assertThat(report.ok()).isTrue();
        assertThat(report.missing()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        try (URLClassLoader loader = load(classes, library)) {
            Class<?> hello = loader.loadClass("com.example.Hello");
            assertThat(call(hello, null, "add", new Class<?>[] {int.class, int.class}, 2, 3)).isEqualTo(5);
            assertThat(call(hello, null, "sum", new Class<?>[] {long.class, long.class}, 2L, 3L)).isEqualTo(5L);
            assertThat(call(hello, null, "sum", new Class<?>[] {int.class, int.class, int.class}, 1, 2, 3))
                    .isEqualTo(6L);
            assertThat(call(hello, null, "greet", new Class<?>[] {String.class}, "you")).isEqualTo(7);
            assertThat(call(hello, null, "größe", new Class<?>[0])).isEqualTo(5);
            Object instance = hello.getConstructor().newInstance();
            assertThat(call(hello, instance, "twice", new Class<?>[] {int.class}, 21)).isEqualTo(42);
            Class<?> inner = loader.loadClass("com.example.Hello$Inner");
            assertThat(call(inner, inner.getConstructor().newInstance(), "answer", new Class<?>[0])).isEqualTo(42);
        }
    }

    @Test
    void aMissingSymbolIsNamedAndTheJvmAgrees() throws Exception {
        Path classes = JavaFixtures.compileHello(dir);
        Path library = jniLibrary(dir, "gcc", "libhello.so", "-DNO_GREET");

        JniReport report = JniLinkCheck.check("linux-x64", JniLinkCheck.nativeMethods(List.of(classes)),
                List.of(library));

        assertThat(report.ok()).isFalse();
        assertThat(report.missing()).containsExactly(GREET_MISSING);
        assertThat(report.warnings()).isEmpty();
        try (URLClassLoader loader = load(classes, library)) {
            Class<?> hello = loader.loadClass("com.example.Hello");
            assertThat(call(hello, null, "add", new Class<?>[] {int.class, int.class}, 2, 3)).isEqualTo(5);
            assertThatThrownBy(() -> call(hello, null, "greet", new Class<?>[] {String.class}, "you"))
                    .isInstanceOf(UnsatisfiedLinkError.class);
        }
    }

    @Test
    void anOverloadedMethodNeedsItsLongNameAndTheJvmAgrees() throws Exception {
        require(onPath("gcc"), "gcc is needed");
        Path classes = JavaFixtures.compileHello(dir);
        NativeMethod sumLongs = new NativeMethod("com.example.Hello", "sum", "(JJ)J");
        NativeMethod sumInts = new NativeMethod("com.example.Hello", "sum", "(III)J");
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(classes));
        assertThat(methods).contains(sumLongs, sumInts);
        // only the short name: one function, whatever the overload
        Files.writeString(dir.resolve("short.c"), "long long Java_com_example_Hello_sum(void *e, void *c, long long a,"
                + " long long b) { return 4242; }\n");
        dev.crossbuild.binary.NativeFixtures.run(dir, List.of("gcc", "-shared", "-fPIC", "-o", "libshort.so",
                "short.c"));
        Path onlyShort = dir.resolve("libshort.so");

        JniReport report = JniLinkCheck.check("linux-x64", List.of(sumLongs, sumInts), List.of(onlyShort));

        String both = "`Java_com_example_Hello_sum__JJ`, `Java_com_example_Hello_sum__III`";
        assertThat(report.ok()).isFalse();
        assertThat(report.missing()).containsExactlyInAnyOrder(
                "target `linux-x64`: native method `com.example.Hello.sum(long, long)` is overloaded, so it needs its"
                        + " long name `Java_com_example_Hello_sum__JJ`, but libshort.so exports the short name"
                        + " `Java_com_example_Hello_sum`, which the JVM looks up first and binds every overload of"
                        + " `sum` to; export " + both + " (the names javac -h writes) and not"
                        + " `Java_com_example_Hello_sum`",
                "target `linux-x64`: native method `com.example.Hello.sum(int, int, int)` is overloaded, so it needs"
                        + " its long name `Java_com_example_Hello_sum__III`, but libshort.so exports the short name"
                        + " `Java_com_example_Hello_sum`, which the JVM looks up first and binds every overload of"
                        + " `sum` to; export " + both + " (the names javac -h writes) and not"
                        + " `Java_com_example_Hello_sum`");
        try (URLClassLoader loader = load(classes, onlyShort)) {
            Class<?> hello = loader.loadClass("com.example.Hello");
            // the JVM binds sum(int, int, int) to the function of sum(long, long): the check's miss is real
            assertThat(call(hello, null, "sum", new Class<?>[] {long.class, long.class}, 2L, 3L)).isEqualTo(4242L);
            assertThat(call(hello, null, "sum", new Class<?>[] {int.class, int.class, int.class}, 1, 2, 3))
                    .isEqualTo(4242L);
        }

        // the long names beside the short one: the JVM still takes the short one first
        Files.writeString(dir.resolve("both.c"), Files.readString(dir.resolve("short.c"))
                + "long long Java_com_example_Hello_sum__JJ(void *e, void *c, long long a, long long b) { return a + b; }\n"
                + "long long Java_com_example_Hello_sum__III(void *e, void *c, int a, int b, int d) { return a + b + d; }\n");
        dev.crossbuild.binary.NativeFixtures.run(dir, List.of("gcc", "-shared", "-fPIC", "-o", "libboth.so",
                "both.c"));
        Path withBoth = dir.resolve("libboth.so");
        assertThat(JniLinkCheck.check("linux-x64", List.of(sumLongs, sumInts), List.of(withBoth)).missing())
                .hasSize(2).allMatch(m -> m.contains("libboth.so exports the short name `Java_com_example_Hello_sum`"));
        try (URLClassLoader loader = load(classes, withBoth)) {
            Class<?> hello = loader.loadClass("com.example.Hello");
            assertThat(call(hello, null, "sum", new Class<?>[] {int.class, int.class, int.class}, 1, 2, 3))
                    .isEqualTo(4242L);
        }

        // no symbol at all: the long name is the one asked for
        Files.writeString(dir.resolve("none.c"), "int Java_com_example_Hello_add(void *e, void *c, int a, int b)"
                + " { return a + b; }\n");
        dev.crossbuild.binary.NativeFixtures.run(dir, List.of("gcc", "-shared", "-fPIC", "-o", "libnone.so",
                "none.c"));
        assertThat(JniLinkCheck.check("linux-x64", List.of(sumLongs, sumInts), List.of(dir.resolve("libnone.so")))
                .missing()).contains("target `linux-x64`: native method"
                        + " `com.example.Hello.sum(long, long)` has no symbol `Java_com_example_Hello_sum__JJ` (it is"
                        + " overloaded: the JVM tells " + both + " apart by their long names only) in libnone.so");
        // the long names only, as javac -h writes them: they link, each to its own function
        Path library = jniLibrary(dir, "gcc", "libhello.so");
        assertThat(JniLinkCheck.check("linux-x64", methods, List.of(library)).missing()).isEmpty();
    }

    @Test
    void jniOnLoadTurnsAMissingSymbolIntoAWarning() throws Exception {
        Path classes = JavaFixtures.compileHello(dir);
        Path library = jniLibrary(dir, "gcc", "libhello.so", "-DNO_GREET", "-DON_LOAD");

        JniReport report = JniLinkCheck.check("linux-x64", JniLinkCheck.nativeMethods(List.of(classes)),
                List.of(library));

        assertThat(report.ok()).isTrue();
        assertThat(report.missing()).isEmpty();
        assertThat(report.warnings()).containsExactly(GREET_MISSING + "; libhello.so exports JNI_OnLoad, which may"
                + " register it at run time (RegisterNatives), so this is a warning, not an error");
    }

    @Test
    void everyLibraryOfTheTargetIsSearched() throws Exception {
        Path classes = JavaFixtures.compileHello(dir);
        Path without = jniLibrary(dir, "gcc", "libhello.so", "-DNO_GREET");
        Files.writeString(dir.resolve("greet.c"), "int Java_com_example_Hello_greet(void *e, void *c, void *s)"
                + " { return 7; }\n");
        dev.crossbuild.binary.NativeFixtures.run(dir, List.of("gcc", "-shared", "-fPIC", "-o", "libgreet.so",
                "greet.c"));
        Path other = jniLibrary(Files.createDirectories(dir.resolve("other")), "gcc", "libother.so", "-DNO_GREET");
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(classes));

        assertThat(JniLinkCheck.check("linux-x64", methods, List.of(without, dir.resolve("libgreet.so"))).ok())
                .isTrue();
        assertThat(JniLinkCheck.check("linux-x64", methods, List.of(without, other)).missing()).containsExactly(
                GREET_MISSING + ", libother.so");
        // a library given twice is searched once; two libraries of one file name are told apart by their paths
        Path twin = jniLibrary(Files.createDirectories(dir.resolve("twin")), "gcc", "libhello.so", "-DNO_GREET");
        assertThat(JniLinkCheck.check("linux-x64", methods, List.of(without, without, twin)).missing())
                .containsExactly(GREET_MISSING + ", " + twin);
    }

    @Test
    void aarch64Library() throws Exception {
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(JavaFixtures.compileHello(dir)));

        assertThat(JniLinkCheck.check("linux-arm64", methods, List.of(jniLibrary(dir, "aarch64-linux-gnu-gcc",
                "libhello.so"))).missing()).isEmpty();
        assertThat(JniLinkCheck.check("linux-arm64", methods, List.of(jniLibrary(dir, "aarch64-linux-gnu-gcc",
                "libhello.so", "-DNO_GREET"))).missing()).containsExactly(GREET_MISSING.replace("linux-x64",
                        "linux-arm64"));
    }

    @Test
    void windowsX64Dll() throws Exception {
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(JavaFixtures.compileHello(dir)));

        assertThat(JniLinkCheck.check("windows-x64", methods, List.of(jniLibrary(dir, "x86_64-w64-mingw32-gcc",
                "hello.dll"))).missing()).isEmpty();
        assertThat(JniLinkCheck.check("windows-x64", methods, List.of(jniLibrary(dir, "x86_64-w64-mingw32-gcc",
                "hello.dll", "-DNO_GREET"))).missing()).containsExactly(GREET_MISSING.replace("linux-x64",
                        "windows-x64").replace("libhello.so", "hello.dll"));
    }

    @Test
    void windowsX86AcceptsUndecoratedAndStdcallNamesButNotMingwsHalfDecoratedOnes() throws Exception {
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(JavaFixtures.compileHello(dir)));
        // mingw's default: `Java_…@16`, without the leading underscore that the JVM's decorated lookup adds
        Path decorated = jniLibrary(dir, "i686-w64-mingw32-gcc", "decorated.dll");
        Path undecorated = jniLibrary(dir, "i686-w64-mingw32-gcc", "undecorated.dll", "-Wl,--kill-at");
        Path msvcStyle = dir.resolve("msvc.dll");
        Files.write(msvcStyle, HandMadeExports.pe32(List.of("_Java_com_example_Hello_add@16",
                "_Java_com_example_Hello_sum__JJ@24", "Java_com_example_Hello_sum__III")));
        NativeMethod add = new NativeMethod("com.example.Hello", "add", "(II)I");
        NativeMethod sumLongs = new NativeMethod("com.example.Hello", "sum", "(JJ)J");
        NativeMethod sumInts = new NativeMethod("com.example.Hello", "sum", "(III)J");

        assertThat(JniLinkCheck.check("windows-x86", methods, List.of(undecorated)).missing()).isEmpty();
        assertThat(JniLinkCheck.check("windows-x86", List.of(add, sumLongs, sumInts), List.of(msvcStyle)).missing())
                .isEmpty();
        JniReport report = JniLinkCheck.check("windows-x86", List.of(add), List.of(decorated));
        assertThat(report.missing()).containsExactly("target `windows-x86`: native method"
                + " `com.example.Hello.add(int, int)` has no symbol `Java_com_example_Hello_add` (or"
                + " `Java_com_example_Hello_add__II`), nor their stdcall forms `_Java_com_example_Hello_add@16`"
                + " (`_Java_com_example_Hello_add__II@16`), in decorated.dll (decorated.dll exports"
                + " `Java_com_example_Hello_add@16`, a stdcall name without its leading underscore, which the JVM"
                + " does not look up: link with -Wl,--kill-at)");
    }

    @Test
    void machODylibWithJniOnLoad() throws Exception {
        Path library = machODylib(dir, "arm64-apple-macos11", "libhello.dylib");
        List<NativeMethod> methods = JniLinkCheck.nativeMethods(List.of(JavaFixtures.compileHello(dir)));

        JniReport onlyAdd = JniLinkCheck.check("macos-arm64", List.of(methods.get(0)), List.of(library));
        JniReport all = JniLinkCheck.check("macos-arm64", methods, List.of(library));

        assertThat(methods.get(0).name()).isEqualTo("add");
        assertThat(onlyAdd.missing()).isEmpty();
        assertThat(onlyAdd.warnings()).isEmpty();
        // the dylib exports JNI_OnLoad: the six others are warnings
        assertThat(all.missing()).isEmpty();
        assertThat(all.warnings()).hasSize(6).allMatch(w -> w.startsWith("target `macos-arm64`: native method")
                && w.contains("in libhello.dylib; libhello.dylib exports JNI_OnLoad"));
    }

    @Test
    void rustCdylibForTheHostAndWindows() throws Exception {
        require(onPath("cargo") && onPath("rustup"), "cargo and rustup are needed");
        Path classes = JavaFixtures.compileHello(dir);
        Path crate = dir.resolve("crate");
        Files.createDirectories(crate.resolve("src"));
        Files.writeString(crate.resolve("Cargo.toml"), """
                [package]
                name = "hello"
                version = "0.1.0"
                edition = "2018"

                [lib]
                crate-type = ["cdylib"]
                """);
        Files.writeString(crate.resolve("src/lib.rs"), """
                use std::os::raw::{c_int, c_long, c_void};

                #[no_mangle]
                pub extern "system" fn Java_com_example_Hello_add(_env: *mut c_void, _class: *mut c_void, a: c_int,
                        b: c_int) -> c_int {
                    a + b
                }

                #[no_mangle]
                pub extern "system" fn Java_com_example_Hello_sum__JJ(_env: *mut c_void, _class: *mut c_void, a: i64,
                        b: i64) -> i64 {
                    a + b
                }

                pub fn not_exported() -> c_long {
                    1
                }
                """);
        Path target = dir.resolve("cargo-target");
        dev.crossbuild.Toolchains.requireDebianToolchain();
        dev.crossbuild.binary.NativeFixtures.run(crate, List.of("cargo", "+debian", "build", "--release", "--offline",
                "--target-dir", target.toString()));
        Path library = target.resolve("release/libhello.so");
        NativeMethod add = new NativeMethod("com.example.Hello", "add", "(II)I");
        NativeMethod sum = new NativeMethod("com.example.Hello", "sum", "(JJ)J");
        NativeMethod greet = new NativeMethod("com.example.Hello", "greet", "(Ljava/lang/String;)I");

        assertThat(JniLinkCheck.check("linux-x64", List.of(add, sum), List.of(library)).missing()).isEmpty();
        assertThat(JniLinkCheck.check("linux-x64", List.of(add, greet), List.of(library)).missing())
                .containsExactly(GREET_MISSING);
        try (URLClassLoader loader = load(classes, library)) {
            Class<?> hello = loader.loadClass("com.example.Hello");
            assertThat(call(hello, null, "add", new Class<?>[] {int.class, int.class}, 40, 2)).isEqualTo(42);
            assertThat(call(hello, null, "sum", new Class<?>[] {long.class, long.class}, 1L << 40, 1L))
                    .isEqualTo((1L << 40) + 1);
        }

        Path windows = Path.of(System.getProperty("user.home"), ".rustup", "toolchains", "debian", "lib",
                "rustlib", "x86_64-pc-windows-gnu");
        boolean windowsStd = Files.isDirectory(windows) || Files.isDirectory(Path.of("/usr/lib/rustlib",
                "x86_64-pc-windows-gnu"));
        require(windowsStd && onPath("x86_64-w64-mingw32-gcc"), "Rust's x86_64-pc-windows-gnu std and mingw-w64 are"
                + " needed");
        ProcessBuilder build = new ProcessBuilder("cargo", "+debian", "build", "--release", "--offline", "--target",
                "x86_64-pc-windows-gnu", "--target-dir", target.toString()).directory(crate.toFile())
                .redirectErrorStream(true);
        build.environment().put("CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER", "x86_64-w64-mingw32-gcc");
        Process process = build.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        Path dll = target.resolve("x86_64-pc-windows-gnu/release/hello.dll");
        assertThat(JniLinkCheck.check("windows-x64-gnu", List.of(add, sum), List.of(dll)).missing()).isEmpty();
        assertThat(JniLinkCheck.check("windows-x64-gnu", List.of(greet), List.of(dll)).missing()).containsExactly(
                GREET_MISSING.replace("linux-x64", "windows-x64-gnu").replace("libhello.so", "hello.dll"));
    }

    @Test
    void aC_plusPlusNameIsExplained() throws Exception {
        require(onPath("g++"), "g++ is needed");
        Files.writeString(dir.resolve("greet.cpp"), "int Java_com_example_Hello_greet(void *e, void *c, void *s)"
                + " { return 7; }\n");
        dev.crossbuild.binary.NativeFixtures.run(dir, List.of("g++", "-shared", "-fPIC", "-o", "libhello.so",
                "greet.cpp"));
        NativeMethod greet = new NativeMethod("com.example.Hello", "greet", "(Ljava/lang/String;)I");

        assertThat(JniLinkCheck.check("linux-x64", List.of(greet), List.of(dir.resolve("libhello.so"))).missing())
                .containsExactly(GREET_MISSING + " (libhello.so exports the C++ name"
                        + " `_Z28Java_com_example_Hello_greetPvS_S_`: declare the function extern \"C\" (JNIEXPORT in"
                        + " a C++ file needs it))");
    }

    @Test
    void aCorruptLibraryFailsTheCheckAndAFileThatIsNoLibraryIsSkipped() throws Exception {
        require(Toolchains.linux(), "Linux is needed");
        Path library = jniLibrary(dir, "gcc", "libhello.so");
        byte[] data = Files.readAllBytes(library);
        Path cut = dir.resolve("libcut.so");
        Files.write(cut, java.util.Arrays.copyOf(data, data.length / 2));
        Path text = dir.resolve("README.txt");
        Files.writeString(text, "not a library\n");
        NativeMethod add = new NativeMethod("com.example.Hello", "add", "(II)I");

        JniReport report = JniLinkCheck.check("linux-x64", List.of(add), List.of(library, cut, text));

        assertThat(report.missing()).singleElement().asString().startsWith("target `linux-x64`: cannot read the"
                + " exported symbols of " + cut + ": ").contains("rebuild it");
        assertThat(report.warnings()).containsExactly("target `linux-x64`: " + text + " is no ELF, PE or Mach-O shared"
                + " library; the JNI check skips it");
    }

    @Test
    void noNativeMethodsNeedNoLibrary() throws Exception {
        JniReport report = JniLinkCheck.check("linux-x64", List.of(), List.of());

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).isEmpty();
        NativeMethod add = new NativeMethod("com.example.Hello", "add", "(II)I");
        assertThat(JniLinkCheck.check("linux-x64", List.of(add), List.of()).missing()).containsExactly(
                "target `linux-x64`: native method `com.example.Hello.add(int, int)` has no symbol"
                        + " `Java_com_example_Hello_add` (or `Java_com_example_Hello_add__II`) in no library (the"
                        + " target has none that could be read)");
    }

    @Test
    void aDamagedClassFileIsNamed() throws Exception {
        Path classes = JavaFixtures.compileHello(dir);
        Path file = classes.resolve("com/example/Hello.class");
        byte[] data = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(data, 40));

        assertThatThrownBy(() -> JniLinkCheck.nativeMethods(List.of(classes)))
                .isInstanceOf(UnreadableClassException.class)
                .hasMessageStartingWith(file + ": cannot read this class file (")
                .hasMessageEndingWith("rebuild it (mvn clean package)");
    }

    /** A fresh class loader for the classes, with the library loaded from the class itself. */
    private static URLClassLoader load(Path classes, Path library) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        call(loader.loadClass("com.example.Hello"), null, "load", new Class<?>[] {String.class},
                library.toAbsolutePath().toString());
        return loader;
    }

    private static Object call(Class<?> type, Object target, String name, Class<?>[] parameters, Object... arguments)
            throws Exception {
        Method method = type.getMethod(name, parameters);
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            // what the native method threw, UnsatisfiedLinkError among them
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }
}
