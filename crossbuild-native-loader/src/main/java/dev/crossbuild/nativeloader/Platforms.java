package dev.crossbuild.nativeloader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The platform key of the running JVM, spelled as os-maven-plugin's {@code os.detected.classifier}
 * ({@code linux-x86_64}, {@code linux-aarch_64}, {@code windows-x86_64}, {@code osx-aarch_64}, …), with
 * {@code -musl} after the key of a Linux process whose dynamic loader is musl's. The plugin derives the same
 * keys from a target triple ({@code dev.crossbuild.model.PlatformKeys}).
 *
 * <p>{@link #detect} is a pure function of its inputs, so that every platform can be tested on one machine;
 * {@link #current()} feeds it the JVM's properties and the dynamic loader of {@code /proc/self/exe} (its ELF
 * interpreter, the loader the kernel mapped), or {@code /proc/self/maps} where that cannot be read.
 */
final class Platforms {

    private Platforms() {
    }

    /** The operating systems of os-maven-plugin's keys that a native JAR may be built for. */
    static final String[] OSES = {"linux", "windows", "osx", "freebsd", "openbsd", "netbsd"};

    /** The architectures of os-maven-plugin's keys that a native JAR may be built for. */
    static final String[] ARCHES = {"x86_64", "x86_32", "aarch_64", "arm_32", "ppcle_64", "ppc_64", "riscv64",
        "s390_64", "loongarch_64"};

    private static volatile String detected;

    /**
     * The platform key of this JVM, detected once. {@code -Dcrossbuild.native.platform} is not applied here
     * (see {@link NativeLibraries#platform()}).
     */
    static String current() {
        String key = detected;
        if (key == null) {
            String os = System.getProperty("os.name", "");
            String maps = null;
            if (normalizeOs(os).equals("linux")) {
                maps = interpreter(readHead(Paths.get("/proc/self/exe")));
                if (maps == null) {
                    maps = readMaps();
                }
            }
            key = detect(os, System.getProperty("os.arch", ""), System.getProperty("sun.arch.data.model"), maps);
            detected = key;
        }
        return key;
    }

    /**
     * The platform key of a process.
     *
     * @param osName    the JVM's {@code os.name} ({@code Linux}, {@code Windows 11}, {@code Mac OS X})
     * @param osArch    the JVM's {@code os.arch} ({@code amd64}, {@code aarch64}, {@code x86}, {@code i386})
     * @param dataModel the JVM's {@code sun.arch.data.model} ({@code 32} or {@code 64}), or null when unknown:
     *                  a 32-bit JVM on a 64-bit OS whose {@code os.arch} names the OS's architecture gets the
     *                  32-bit key, since the libraries it can load are the 32-bit ones
     * @param maps      the text of {@code /proc/self/maps} (Linux), or null when unreadable; a mapped
     *                  {@code ld-musl-*} loader makes a Linux key {@code -musl}
     * @return the key, such as {@code linux-x86_64-musl}; an OS or architecture os-maven-plugin does not
     *         know is spelled {@code unknown}
     */
    static String detect(String osName, String osArch, String dataModel, String maps) {
        String os = normalizeOs(osName);
        String arch = normalizeArch(osArch);
        if ("32".equals(dataModel == null ? null : dataModel.trim())) {
            if (arch.equals("x86_64")) {
                arch = "x86_32";
            } else if (arch.equals("aarch_64")) {
                arch = "arm_32";
            } else if (arch.equals("ppc_64")) {
                arch = "ppc_32";
            } else if (arch.equals("ppcle_64")) {
                arch = "ppcle_32";
            } else if (arch.equals("s390_64")) {
                arch = "s390_32";
            }
        }
        String key = os + "-" + arch;
        if (os.equals("linux") && maps != null && mapsMusl(maps)) {
            key += "-musl";
        }
        return key;
    }

    /** Whether a {@code /proc/self/maps} text maps musl's dynamic loader ({@code /lib/ld-musl-x86_64.so.1}). */
    static boolean mapsMusl(String maps) {
        int from = 0;
        while (true) {
            int at = maps.indexOf("ld-musl-", from);
            if (at < 0) {
                return false;
            }
            // the loader's file name, not a folder or a library that merely mentions it
            if (at == 0 || maps.charAt(at - 1) == '/') {
                return true;
            }
            from = at + 1;
        }
    }

    /** os-maven-plugin's normalizeOs. */
    static String normalizeOs(String value) {
        String v = normalize(value);
        if (v.startsWith("linux")) {
            return "linux";
        }
        if (v.startsWith("windows")) {
            return "windows";
        }
        if (v.startsWith("macosx") || v.startsWith("osx") || v.startsWith("darwin") || v.startsWith("macos")) {
            return "osx";
        }
        if (v.startsWith("freebsd")) {
            return "freebsd";
        }
        if (v.startsWith("openbsd")) {
            return "openbsd";
        }
        if (v.startsWith("netbsd")) {
            return "netbsd";
        }
        if (v.startsWith("solaris") || v.startsWith("sunos")) {
            return "sunos";
        }
        if (v.startsWith("aix")) {
            return "aix";
        }
        if (v.startsWith("hpux")) {
            return "hpux";
        }
        if (v.startsWith("os400")) {
            return "os400";
        }
        if (v.startsWith("zos")) {
            return "zos";
        }
        return "unknown";
    }

    /** os-maven-plugin's normalizeArch. */
    static String normalizeArch(String value) {
        String v = normalize(value);
        if (oneOf(v, "x8664", "amd64", "ia32e", "em64t", "x64")) {
            return "x86_64";
        }
        if (oneOf(v, "x8632", "x86", "i386", "i486", "i586", "i686", "ia32", "x32")) {
            return "x86_32";
        }
        if (oneOf(v, "ia64", "ia64w", "itanium64")) {
            return "itanium_64";
        }
        if (v.equals("ia64n")) {
            return "itanium_32";
        }
        if (oneOf(v, "sparc", "sparc32")) {
            return "sparc_32";
        }
        if (oneOf(v, "sparcv9", "sparc64")) {
            return "sparc_64";
        }
        if (oneOf(v, "arm", "arm32") || v.startsWith("armv7") || v.startsWith("armv6")) {
            return "arm_32";
        }
        if (v.equals("aarch64") || v.equals("arm64")) {
            return "aarch_64";
        }
        if (oneOf(v, "mips", "mips32")) {
            return "mips_32";
        }
        if (oneOf(v, "mipsel", "mips32el")) {
            return "mipsel_32";
        }
        if (v.equals("mips64")) {
            return "mips_64";
        }
        if (v.equals("mips64el")) {
            return "mipsel_64";
        }
        if (oneOf(v, "ppc", "ppc32")) {
            return "ppc_32";
        }
        if (oneOf(v, "ppcle", "ppc32le")) {
            return "ppcle_32";
        }
        if (v.equals("ppc64")) {
            return "ppc_64";
        }
        if (v.equals("ppc64le")) {
            return "ppcle_64";
        }
        if (v.equals("s390")) {
            return "s390_32";
        }
        if (v.equals("s390x")) {
            return "s390_64";
        }
        if (v.equals("riscv")) {
            return "riscv";
        }
        if (v.equals("riscv64")) {
            return "riscv64";
        }
        if (v.equals("e2k")) {
            return "e2k";
        }
        if (v.equals("loongarch64")) {
            return "loongarch_64";
        }
        return "unknown";
    }

    private static boolean oneOf(String value, String... choices) {
        for (String choice : choices) {
            if (value.equals(choice)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, letters and digits only (os-maven-plugin's normalize), without regular expressions. */
    private static String normalize(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toLowerCase(Locale.US).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Every key a native JAR may hold, for the message that lists the platforms present: each of
     * {@link #OSES} with each of {@link #ARCHES}, and the musl keys of Linux.
     */
    static List<String> knownKeys() {
        List<String> keys = new ArrayList<String>();
        for (String os : OSES) {
            for (String arch : ARCHES) {
                keys.add(os + "-" + arch);
                if (os.equals("linux")) {
                    keys.add(os + "-" + arch + "-musl");
                }
            }
        }
        return Collections.unmodifiableList(keys);
    }

    /**
     * The dynamic loader an ELF file asks for (its {@code PT_INTERP}: the loader the kernel maps for the
     * process), from the file's first bytes, or null when it is not ELF, names none (a static program) or
     * names it past those bytes. For {@code /proc/self/exe} this is the loader mapped in the JVM, read in a
     * fraction of a millisecond where a JVM's whole {@code /proc/self/maps} takes tens in a cold JVM.
     */
    static String interpreter(byte[] elf) {
        if (elf == null || elf.length < 0x40 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
            return null;
        }
        boolean wide = elf[4] == 2;
        boolean big = elf[5] == 2;
        long phoff = wide ? number(elf, 0x20, 8, big) : number(elf, 0x1c, 4, big);
        int entry = (int) (wide ? number(elf, 0x36, 2, big) : number(elf, 0x2a, 2, big));
        int count = (int) (wide ? number(elf, 0x38, 2, big) : number(elf, 0x2c, 2, big));
        for (int i = 0; i < count; i++) {
            long at = phoff + (long) i * entry;
            if (at < 0 || at + (wide ? 56 : 32) > elf.length) {
                return null;
            }
            if (number(elf, (int) at, 4, big) != 3) { // PT_INTERP
                continue;
            }
            long offset = wide ? number(elf, (int) at + 8, 8, big) : number(elf, (int) at + 4, 4, big);
            long size = wide ? number(elf, (int) at + 32, 8, big) : number(elf, (int) at + 16, 4, big);
            if (offset < 0 || size < 2 || offset + size > elf.length) {
                return null;
            }
            char[] path = new char[(int) size - 1];
            for (int c = 0; c < path.length; c++) {
                path[c] = (char) (elf[(int) offset + c] & 0xff);
            }
            return new String(path);
        }
        return null;
    }

    private static long number(byte[] b, int at, int size, boolean big) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int shift = big ? 8 * (size - 1 - i) : 8 * i;
            value |= ((long) (b[at + i] & 0xff)) << shift;
        }
        return value;
    }

    /** The first 4 KiB of a file (where an ELF file's program headers and interpreter are), or null. */
    private static byte[] readHead(Path file) {
        byte[] head = new byte[4096];
        int n = 0;
        // java.io rather than a channel: the JVM has loaded its classes already
        try (InputStream in = new java.io.FileInputStream(file.toString())) {
            while (n < head.length) {
                int r = in.read(head, n, head.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return n == head.length ? head : java.util.Arrays.copyOf(head, n);
    }

    /**
     * The lines of {@code /proc/self/maps} that name a dynamic loader ({@code ld-}), or null when it cannot
     * be read; a JVM maps a few thousand files, of which only the loader matters here.
     */
    private static String readMaps() {
        byte[] buffer = new byte[64 * 1024];
        int size = 0;
        // bytes and indexOf, no Reader: the verifier would load the reader classes even where this never runs
        try (InputStream in = new java.io.FileInputStream("/proc/self/maps")) {
            int n;
            while ((n = in.read(buffer, size, buffer.length - size)) >= 0) {
                size += n;
                if (size == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String text = NativeIndex.utf8(buffer, 0, size);
        StringBuilder loaders = new StringBuilder();
        int from = 0;
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            int at = text.indexOf("/ld-", from);
            if (at >= 0 && at < end) {
                loaders.append(text, from, end).append('\n');
            }
            from = end + 1;
        }
        return loaders.toString();
    }
}
