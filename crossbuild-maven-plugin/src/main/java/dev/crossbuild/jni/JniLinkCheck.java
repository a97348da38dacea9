package dev.crossbuild.jni;

import dev.crossbuild.binary.BinaryExports;
import dev.crossbuild.binary.BinaryExportsReader;
import dev.crossbuild.binary.MalformedBinaryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Proves at build time that every {@code native} method of the compiled classes links: a target's libraries
 * must export, between them, its short or long JNI name (see {@link JniSymbols}), as the JVM looks them up. An
 * overloaded method (another {@code native} method of its class has its name) needs its long name, and the short
 * name must not be there: the JVM tries the short name first, in every library, and would bind every overload to
 * that one function. A library that exports {@code JNI_OnLoad} may register methods at run time
 * ({@code RegisterNatives}), which no file shows: there a method without a symbol is a warning, not an error.
 */
public final class JniLinkCheck {

    private static final String ON_LOAD = "JNI_OnLoad";
    private static final Comparator<NativeMethod> ORDER = Comparator.comparing(NativeMethod::className)
            .thenComparing(NativeMethod::name).thenComparing(NativeMethod::descriptor);

    private JniLinkCheck() {
    }

    /**
     * The {@code native} methods of the classes under each root: a directory of class files or a jar. A root
     * that does not exist holds none; the list is sorted and has no duplicates (a multi-release jar may hold a
     * class more than once).
     *
     * @throws UnreadableClassException when a class file cannot be parsed
     */
    public static List<NativeMethod> nativeMethods(List<Path> classRoots) throws IOException {
        Set<NativeMethod> methods = new TreeSet<>(ORDER);
        for (Path root : classRoots) {
            if (Files.isDirectory(root)) {
                List<Path> classes;
                try (Stream<Path> files = Files.walk(root)) {
                    classes = files.filter(p -> p.getFileName().toString().endsWith(".class"))
                            .filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : classes) {
                    read(Files.readAllBytes(file), file.toString(), methods);
                }
            } else if (Files.isRegularFile(root)) {
                try (ZipFile jar = new ZipFile(root.toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                read(in.readAllBytes(), root + "!/" + entry.getName(), methods);
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(methods);
    }

    private static void read(byte[] bytes, String file, Set<NativeMethod> methods) throws UnreadableClassException {
        try {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                private String className;

                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                        String[] interfaces) {
                    className = name.replace('/', '.');
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    if ((access & Opcodes.ACC_NATIVE) != 0) {
                        methods.add(new NativeMethod(className, name, descriptor));
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // ASM reports a damaged or too new class file with unchecked exceptions of several kinds
            throw new UnreadableClassException(file, e);
        }
    }

    /**
     * Checks one target: each method must have its short or long symbol in at least one of the libraries (on
     * 32-bit Windows also in the stdcall form {@code _Java_…@N}); an overloaded one its long symbol, with no
     * library exporting the short one. A file that is no ELF, PE or Mach-O image is skipped with a warning; a
     * library whose tables cannot be read is a problem that fails the build.
     *
     * @param targetId  the target, as messages name it
     * @param methods   the {@code native} methods of the classes: two of one class and name are overloads
     * @param libraries the target's shared libraries (the JVM searches every library its class loader loaded)
     */
    public static JniReport check(String targetId, List<NativeMethod> methods, List<Path> libraries)
            throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (methods.isEmpty()) {
            return new JniReport(missing, warnings);
        }
        String target = "target `" + targetId + "`: ";
        // by the name messages give: the file's, or its path when two libraries share a file name
        Map<String, BinaryExports> exports = new LinkedHashMap<>();
        for (Path library : libraries.stream().map(Path::normalize).distinct().toList()) {
            String fileName = String.valueOf(library.getFileName());
            String name = exports.containsKey(fileName) ? library.toString() : fileName;
            try {
                BinaryExportsReader.read(library).ifPresentOrElse(e -> exports.put(name, e), () -> warnings.add(
                        target + library + " is no ELF, PE or Mach-O shared library; the JNI check skips it"));
            } catch (MalformedBinaryException e) {
                missing.add(target + "cannot read the exported symbols of " + e.getMessage());
            }
        }
        List<String> onLoad = exports.entrySet().stream().filter(e -> exportsOnLoad(e.getValue()))
                .map(Map.Entry::getKey).toList();
        boolean stdcall = exports.values().stream().anyMatch(BinaryExports::isWindowsX86);
        String searched = exports.isEmpty() ? "no library (the target has none that could be read)"
                : String.join(", ", exports.keySet());
        Map<String, List<NativeMethod>> byName = methods.stream().collect(Collectors.groupingBy(
                m -> m.className() + "." + m.name(), LinkedHashMap::new, Collectors.toList()));
        for (NativeMethod method : methods) {
            List<NativeMethod> overloads = byName.get(method.className() + "." + method.name());
            String problem;
            if (overloads.size() < 2) {
                if (exports.values().stream().anyMatch(e -> links(method, e))) {
                    continue;
                }
                problem = target + "native method `" + method.javaSignature() + "` has no symbol `"
                        + method.shortSymbol() + "` (or `" + method.longSymbol() + "`)"
                        + (stdcall ? ", nor their stdcall forms `" + JniSymbols.stdcall(method.shortSymbol(),
                                method.descriptor()) + "` (`" + JniSymbols.stdcall(method.longSymbol(),
                                        method.descriptor()) + "`)," : "")
                        + " in " + searched + hints(method, exports);
            } else {
                List<String> shortIn = exports.entrySet().stream().filter(e -> exportsShort(method, e.getValue()))
                        .map(Map.Entry::getKey).toList();
                String longNames = overloads.stream().map(o -> "`" + o.longSymbol() + "`")
                        .collect(Collectors.joining(", "));
                if (!shortIn.isEmpty()) {
                    problem = target + "native method `" + method.javaSignature() + "` is overloaded, so it needs"
                            + " its long name `" + method.longSymbol() + "`, but " + String.join(", ", shortIn)
                            + (shortIn.size() == 1 ? " exports" : " export") + " the short name `"
                            + method.shortSymbol() + "`, which the JVM looks up first and binds every overload of `"
                            + method.name() + "` to; export " + longNames + " (the names javac -h writes) and not `"
                            + method.shortSymbol() + "`";
                } else if (exports.values().stream().anyMatch(e -> exportsLong(method, e))) {
                    continue;
                } else {
                    problem = target + "native method `" + method.javaSignature() + "` has no symbol `"
                            + method.longSymbol() + "`" + (stdcall ? ", nor its stdcall form `"
                                    + JniSymbols.stdcall(method.longSymbol(), method.descriptor()) + "`" : "")
                            + " (it is overloaded: the JVM tells " + longNames + " apart by their long names only)"
                            + " in " + searched + hints(method, exports);
                }
            }
            if (onLoad.isEmpty()) {
                missing.add(problem);
            } else {
                String verb = onLoad.size() == 1 ? " exports " : " export ";
                warnings.add(problem + "; " + String.join(", ", onLoad) + verb + ON_LOAD + ", which may register it"
                        + " at run time (RegisterNatives), so this is a warning, not an error");
            }
        }
        return new JniReport(missing, warnings);
    }

    private static boolean exportsOnLoad(BinaryExports exports) {
        return exports.exports(ON_LOAD) || exports.isWindowsX86() && exports.exports("_" + ON_LOAD + "@8");
    }

    /** Whether the library exports a name the JVM tries for the method, in the order it tries them. */
    private static boolean links(NativeMethod method, BinaryExports exports) {
        String shortName = method.shortSymbol();
        String longName = method.longSymbol();
        if (exports.exports(shortName) || exports.exports(longName)) {
            return true;
        }
        return exports.isWindowsX86() && (exports.exports(JniSymbols.stdcall(shortName, method.descriptor()))
                || exports.exports(JniSymbols.stdcall(longName, method.descriptor())));
    }

    private static boolean exportsShort(NativeMethod method, BinaryExports exports) {
        return exports.exports(method.shortSymbol()) || exports.isWindowsX86()
                && exports.exports(JniSymbols.stdcall(method.shortSymbol(), method.descriptor()));
    }

    private static boolean exportsLong(NativeMethod method, BinaryExports exports) {
        return exports.exports(method.longSymbol()) || exports.isWindowsX86()
                && exports.exports(JniSymbols.stdcall(method.longSymbol(), method.descriptor()));
    }

    /** The near misses that explain a missing symbol: a name the JVM does not try, or a C++-mangled one. */
    private static String hints(NativeMethod method, Map<String, BinaryExports> exports) {
        String shortName = method.shortSymbol();
        List<String> hints = new ArrayList<>();
        for (Map.Entry<String, BinaryExports> library : exports.entrySet()) {
            for (String symbol : library.getValue().symbols()) {
                if (!symbol.contains(shortName)) {
                    continue;
                }
                if (symbol.startsWith(shortName + "@") || symbol.startsWith(method.longSymbol() + "@")) {
                    hints.add(library.getKey() + " exports `" + symbol + "`, a stdcall name without its leading"
                            + " underscore, which the JVM does not look up: link with -Wl,--kill-at");
                } else if (symbol.startsWith("_Z") || symbol.startsWith("?")) {
                    hints.add(library.getKey() + " exports the C++ name `" + symbol + "`: declare the function"
                            + " extern \"C\" (JNIEXPORT in a C++ file needs it)");
                }
            }
        }
        return hints.isEmpty() ? "" : " (" + hints.stream().distinct().collect(Collectors.joining("; ")) + ")";
    }
}
