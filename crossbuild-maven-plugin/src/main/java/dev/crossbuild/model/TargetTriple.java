package dev.crossbuild.model;

import java.util.Locale;
import java.util.Set;

/**
 * A Rust/LLVM target triple split into its parts, with the platform facts the build and packaging
 * steps need. Parsing is lenient about the vendor part, which some triples omit
 * ({@code aarch64-linux-android}).
 */
public record TargetTriple(String value, String arch, String vendor, String os, String env) {

    private static final Set<String> KNOWN_OS = Set.of(
            "linux", "windows", "darwin", "macos", "ios", "android", "freebsd", "netbsd", "openbsd",
            "none", "wasi", "wasip1", "wasip2", "unknown", "illumos", "solaris", "fuchsia", "redox", "haiku");

    public static TargetTriple parse(String triple) {
        if (triple == null || triple.isBlank()) {
            throw new IllegalArgumentException("empty target triple");
        }
        String value = triple.trim();
        String[] parts = value.split("-");
        if (parts.length < 2 || value.contains(" ")) {
            throw new IllegalArgumentException("`" + value + "` is not a target triple (arch-vendor-os[-env])");
        }
        String arch = parts[0];
        if (parts.length == 2) {
            return new TargetTriple(value, arch, "unknown", parts[1], "");
        }
        if (parts.length == 3 && parts[1].equals("linux")) {
            return new TargetTriple(value, arch, "unknown", parts[1], parts[2]);
        }
        String env = parts.length > 3 ? String.join("-", java.util.Arrays.copyOfRange(parts, 3, parts.length)) : "";
        return new TargetTriple(value, arch, parts[1], parts[2], env);
    }

    /**
     * Two triples are equal when their text is: the parts follow from it. (Written out rather than the record's
     * generated form, whose first call costs a bootstrap that a build with nothing to do notices.)
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof TargetTriple triple && value.equals(triple.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    public boolean isWindows() {
        return os.equals("windows");
    }

    public boolean isMsvc() {
        return isWindows() && env.equals("msvc");
    }

    public boolean isApple() {
        return os.equals("darwin") || os.equals("macos") || os.equals("ios");
    }

    /**
     * The macOS universal pseudo-triple {@code universal2-apple-darwin} (cargo-zigbuild's name): no rustc target,
     * but one build per architecture whose binaries {@code lipo} joins ({@link UniversalTargets}).
     */
    public boolean isUniversalApple() {
        return arch.equals("universal2") && isApple();
    }

    /** A WebAssembly target: {@code wasm32-wasi}, {@code wasm32-wasip1}, {@code wasm32-unknown-unknown}… */
    public boolean isWasm() {
        return arch.startsWith("wasm");
    }

    /** A WebAssembly target of the WASI preview 1 interface ({@code wasm32-wasi}, {@code wasm32-wasip1}). */
    public boolean isWasiPreview1() {
        return isWasm() && (os.equals("wasi") || os.equals("wasip1"));
    }

    /** A bare-metal target without an operating system: {@code thumbv7em-none-eabihf}, {@code riscv32imac-unknown-none-elf}. */
    public boolean isBareMetal() {
        return os.equals("none") || vendor.equals("none");
    }

    public boolean isLinux() {
        return os.equals("linux");
    }

    /** The architecture family name used by Rust's {@code target_arch} (i686 → x86, armv7 → arm). */
    public String archFamily() {
        if (arch.matches("i[3-6]86")) {
            return "x86";
        }
        if (arch.startsWith("armv") || arch.equals("arm") || arch.startsWith("thumbv")) {
            return "arm";
        }
        if (arch.equals("arm64")) {
            return "aarch64";
        }
        return arch;
    }

    /** The operating system name as Rust's {@code target_os} spells it. */
    public String osName() {
        return os.equals("darwin") ? "macos" : os;
    }

    public String exeSuffix() {
        if (isWasm()) {
            return ".wasm";
        }
        return isWindows() ? ".exe" : "";
    }

    public String staticLibPrefix() {
        return isMsvc() ? "" : "lib";
    }

    public String staticLibSuffix() {
        return isMsvc() ? ".lib" : ".a";
    }

    public String dynamicLibPrefix() {
        return isWindows() || isWasm() ? "" : "lib";
    }

    public String dynamicLibSuffix() {
        if (isWasm()) {
            return ".wasm";
        }
        if (isWindows()) {
            return ".dll";
        }
        return isApple() ? ".dylib" : ".so";
    }

    /** Zip for Windows targets, tar.gz for the others. */
    public String archiveExtension() {
        return isWindows() ? "zip" : "tar.gz";
    }

    /** The triple as cargo spells it in variable names: {@code CARGO_TARGET_<THIS>_LINKER}. */
    public String cargoEnvKey() {
        return value.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** The triple as the cc crate spells it in variable names: {@code CC_<this>}. */
    public String ccEnvKey() {
        return value.replace('-', '_').replace('.', '_');
    }

    @Override
    public String toString() {
        return value;
    }
}
