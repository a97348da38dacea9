package dev.crossbuild.model;

import java.util.Optional;

/**
 * The names other tools give a target's platform, all derived from its triple in one place so that no
 * goal spells a platform of its own: the Java platform key of os-maven-plugin (classifier of a native
 * JAR), JReleaser's platform, the OCI platform of a container image, and the Debian and RPM package
 * architectures. Each is empty for a triple the tool has no name for.
 */
public final class PlatformKeys {

    private PlatformKeys() {
    }

    /** An OCI image platform: {@code linux/arm64/v8} is os {@code linux}, architecture {@code arm64}, variant {@code v8}. */
    public record OciPlatform(String os, String architecture, String variant) {
        @Override
        public String toString() {
            return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
        }
    }

    /** os-maven-plugin's {@code os.detected.name}: linux, windows, osx. */
    static Optional<String> javaOs(TargetTriple target) {
        if (target.isLinux()) {
            return Optional.of("linux");
        }
        if (target.isWindows()) {
            return Optional.of("windows");
        }
        if (target.os().equals("darwin") || target.os().equals("macos")) {
            return Optional.of("osx");
        }
        return switch (target.os()) {
            case "freebsd", "openbsd", "netbsd" -> Optional.of(target.os());
            default -> Optional.empty();
        };
    }

    /** os-maven-plugin's {@code os.detected.arch}: x86_64, x86_32, aarch_64, arm_32, ppcle_64, riscv64, … */
    static Optional<String> javaArch(TargetTriple target) {
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> "x86_64";
            case "x86" -> "x86_32";
            case "aarch64" -> "aarch_64";
            case "arm" -> "arm_32";
            case "powerpc64" -> arch.endsWith("le") ? "ppcle_64" : "ppc_64";
            case "riscv64" -> "riscv64";
            case "s390x" -> "s390_64";
            case "loongarch64" -> "loongarch_64";
            default -> null;
        });
    }

    /** The architectures of the loader's keys (its {@code Platforms.ARCHES}), each one CPU. */
    private static final java.util.Set<String> JAVA_ARCHES = java.util.Set.of("x86_64", "x86_32", "aarch_64",
            "arm_32", "ppcle_64", "ppc_64", "riscv64", "s390_64", "loongarch_64");

    /**
     * Why a target's {@code <platform>} cannot be its native JAR's key, or empty when it can. The loader looks the
     * key of the running JVM up (lower case, {@code <os>-<arch>}, {@code -musl} on a musl Linux), so a key must
     * be lower case and be the triple's own key, or that key and a variant after a {@code -}
     * ({@code linux-x86_64-v3}, chosen with {@code -Dcrossbuild.native.platform}); a glibc target's variant is
     * not {@code -musl}. For a triple without a key of its own, its OS and architecture are checked as far as the
     * loader knows them: {@code linux-aarch_64} is refused for any Linux target that is not aarch64.
     */
    public static Optional<String> overrideProblem(TargetSpec target, String key) {
        Optional<String> own = javaPlatform(target.triple());
        Optional<String> os = javaOs(target.triple());
        String element = "<target><id>" + target.id() + "</id> (" + target.triple() + ") has <platform>" + key
                + "</platform>";
        String use = own.map(k -> "; use <platform>" + k + "</platform>, or a variant of it such as " + k + "-v3")
                .orElse("");
        if (!key.equals(key.toLowerCase(java.util.Locale.ROOT))) {
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            boolean lowerFits = overrideProblem(target, lower).isEmpty();
            return Optional.of(element + ", but the loader looks platform keys up in lower case only, so no JVM"
                    + " would find it" + (lowerFits ? "; use <platform>" + lower + "</platform>" : use));
        }
        if (own.isPresent()) {
            String base = own.get();
            boolean variant = key.startsWith(base + "-") && (isMusl(target.triple())
                    || !key.substring(base.length() + 1).startsWith("musl"));
            if (key.equals(base) || variant) {
                return Optional.empty();
            }
            String[] parts = key.split("-");
            String claimed = parts.length >= 2 ? parts[0] + " " + parts[1] + (key.contains("-musl") ? " musl" : "")
                    : key;
            return Optional.of(element + ", but the loader picks that key on a " + claimed + " JVM, and this"
                    + " target's libraries are for " + base + use);
        }
        if (os.isPresent()) {
            String[] parts = key.split("-");
            if (!key.startsWith(os.get() + "-") || parts.length >= 2 && JAVA_ARCHES.contains(parts[1])) {
                return Optional.of(element + ", but the loader picks that key on another OS or architecture than"
                        + " the triple's; use a key that starts with " + os.get() + "- and names the triple's"
                        + " architecture (" + LinuxPlatforms.cpu(target.triple()) + ")");
            }
        }
        return Optional.empty();
    }

    /** The platform key of the target's native JAR: the {@code <platform>} the pom sets for it, else its triple's. */
    public static Optional<String> javaPlatform(TargetSpec target) {
        return target.platform() != null ? Optional.of(target.platform()) : javaPlatform(target.triple());
    }

    /**
     * The platform key of a native JAR, as os-maven-plugin's {@code os.detected.classifier} spells it
     * ({@code linux-aarch_64}, {@code windows-x86_64}, {@code osx-aarch_64}), with {@code -musl} after a
     * musl Linux target's key ({@code linux-x86_64-musl}), so that a glibc JVM never picks a musl library.
     */
    public static Optional<String> javaPlatform(TargetTriple target) {
        Optional<String> os = javaOs(target);
        Optional<String> arch = javaArch(target);
        if (os.isEmpty() || arch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(os.get() + "-" + arch.get() + (isMusl(target) ? "-musl" : ""));
    }

    /** JReleaser's artifact platform: the os-detector key, with {@code linux_musl} as the os of a musl target. */
    public static Optional<String> jreleaserPlatform(TargetTriple target) {
        Optional<String> os = javaOs(target);
        Optional<String> arch = javaArch(target);
        if (os.isEmpty() || arch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((isMusl(target) ? "linux_musl" : os.get()) + "-" + arch.get());
    }

    /** The OCI platform of a Linux target ({@code linux/amd64}, {@code linux/arm64/v8}, {@code linux/arm/v7}). */
    public static Optional<OciPlatform> ociPlatform(TargetTriple target) {
        if (!target.isLinux()) {
            return Optional.empty();
        }
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> new OciPlatform("linux", "amd64", "");
            case "aarch64" -> new OciPlatform("linux", "arm64", "v8");
            case "x86" -> new OciPlatform("linux", "386", "");
            case "arm" -> new OciPlatform("linux", "arm", armVersion(target).map(v -> "v" + v).orElse("v6"));
            case "riscv64" -> new OciPlatform("linux", "riscv64", "");
            case "powerpc64" -> arch.endsWith("le") ? new OciPlatform("linux", "ppc64le", "") : null;
            case "s390x" -> new OciPlatform("linux", "s390x", "");
            case "loongarch64" -> new OciPlatform("linux", "loong64", "");
            default -> null;
        });
    }

    /**
     * The Debian package architecture of a Linux target, as cargo-deb names it (amd64, arm64, i386, armhf,
     * ppc64el, riscv64); a musl target has the same one.
     */
    public static Optional<String> debianArch(TargetTriple target) {
        return target.isLinux() ? LinuxPlatforms.debianArch(target) : Optional.empty();
    }

    /** The RPM architecture of a Linux target (x86_64, aarch64, i686, armv7hl, ppc64le, riscv64). */
    public static Optional<String> rpmArch(TargetTriple target) {
        if (!target.isLinux()) {
            return Optional.empty();
        }
        String arch = target.arch();
        return Optional.ofNullable(switch (LinuxPlatforms.cpu(target)) {
            case "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            case "x86" -> arch.equals("i586") ? "i586" : "i686";
            case "arm" -> {
                String version = armVersion(target).orElse("6");
                boolean hardFloat = target.env().endsWith("hf");
                yield "armv" + version + (hardFloat ? "hl" : "l");
            }
            case "riscv64" -> "riscv64";
            case "powerpc64" -> arch.endsWith("le") ? "ppc64le" : "ppc64";
            case "s390x" -> "s390x";
            case "loongarch64" -> "loongarch64";
            default -> null;
        });
    }

    static boolean isMusl(TargetTriple target) {
        return target.env().startsWith("musl");
    }

    /** The ARM architecture version of an arm triple: armv7 → 7, thumbv7neon → 7, arm → empty (Rust's arm is v6). */
    private static Optional<String> armVersion(TargetTriple target) {
        String arch = target.arch();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:arm|thumb)v(\\d+)").matcher(arch);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
