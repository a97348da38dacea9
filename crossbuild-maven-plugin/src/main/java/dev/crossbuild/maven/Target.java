package dev.crossbuild.maven;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.maven.pom.Elements;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Map;

/**
 * One {@code <target>} of {@code <targets>}, as Maven fills it from the pom. Converted at once to
 * the immutable {@link TargetSpec} the core works with.
 */
public class Target {

    /** Unique id of the target; also the classifier of its artifact. */
    private String id;

    /** The Rust target triple, e.g. {@code aarch64-unknown-linux-gnu} ({@code cargo build --target}). */
    private String triple;

    /** The rustup toolchain to build with ({@code cargo +toolchain}); the default toolchain when unset. */
    private String toolchain;

    /** Flags for rustc, passed as {@code CARGO_TARGET_<TRIPLE>_RUSTFLAGS} so host build scripts never see them. */
    private String rustflags;

    /**
     * The linker, as {@code CARGO_TARGET_<TRIPLE>_LINKER}. {@code zig} makes the plugin's own zig wrapper
     * ({@code zig cc -target <zig triple>}, zig found on PATH) the target's linker, C and C++ compiler and archiver,
     * for cargo, build scripts, the cc crate and native builds; with {@code <glibc>} a {@code *-linux-gnu} target is
     * then linked against that glibc version.
     */
    private String linker;

    /** The C compiler for this target, as {@code CC_<triple>} for the cc crate and for native builds. */
    private String cc;

    /** The C++ compiler for this target, as {@code CXX_<triple>}. */
    private String cxx;

    /** The archiver for this target, as {@code AR_<triple>}. */
    private String ar;

    /**
     * A program that runs this target's binaries and tests; when unset the plugin chooses one (qemu-user for Linux
     * on another CPU, wine for Windows GNU), {@code none} means built, not run.
     *
     * @since 0.1.0
     */
    private String runner;

    /** Extra environment variables for every process of this target. */
    private Map<String, String> env;

    /** Environment-setup script: a path, a bare Visual Studio script name, or {@code auto}. */
    private String vcvars;

    /** Arguments of the {@code vcvars} script, e.g. {@code x64_arm64}. */
    private List<String> vcvarsArgs;

    /** Free values for placeholders in native build arguments. */
    private Map<String, String> properties;

    /** Libraries this target's machines provide although the plugin does not count them as system ones. */
    private List<String> allowedLibraries;

    /** The oldest glibc the binaries must run on, e.g. {@code 2.17}; empty for no limit. */
    private String glibc;

    /** The oldest macOS the binaries must run on, e.g. {@code 11.0}; empty for no limit. */
    private String macosMin;

    /**
     * Builds the standard library from the toolchain's library sources ({@code cargo -Zbuild-std}), for triples
     * whose standard library the toolchain does not ship; offline through the sources' {@code library/vendor}
     * folder when there is one.
     */
    private boolean buildStd;

    /** Arguments for every test binary of this target, e.g. {@code --nocapture} ({@code cargo test -- …}). */
    private List<String> testArgs;

    /**
     * The platform key of the target's native JAR (its classifier and folder), instead of the one derived from the
     * triple ({@code linux-x86_64}, {@code windows-aarch_64}, {@code linux-x86_64-musl}, …).
     *
     * @since 0.1.0
     */
    private String platform;

    /** Every configured target converted, in order; none configured is an empty list. */
    static List<TargetSpec> toSpecs(List<Target> targets) throws ProjectException {
        List<TargetSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; targets != null && i < targets.size(); i++) {
            specs.add(targets.get(i).toSpec(i + 1));
        }
        return specs;
    }

    TargetSpec toSpec(int position) throws ProjectException {
        String element = "<targets><target> number " + position + (id == null || id.isBlank() ? "" : " (`"
                + id.trim() + "`)");
        if (triple == null || triple.isBlank()) {
            throw new ProjectException(element + " has no <triple>; add the Rust target triple, e.g."
                    + " <triple>aarch64-unknown-linux-gnu</triple>");
        }
        TargetTriple parsed;
        try {
            parsed = TargetTriple.parse(triple.trim());
        } catch (IllegalArgumentException e) {
            throw new ProjectException(element + ": <triple>: " + e.getMessage());
        }
        if (TargetSpec.ZIG.equals(blankToNull(linker))) {
            String[][] compilers = {{"cc", cc}, {"cxx", cxx}, {"ar", ar}};
            for (String[] tool : compilers) {
                if (blankToNull(tool[1]) != null) {
                    throw new ProjectException(element + ": <" + tool[0] + "> and <linker>zig</linker> together;"
                            + " with zig the plugin's zig wrapper is the target's C compiler, C++ compiler and"
                            + " archiver: remove <" + tool[0] + "> or name another <linker>");
                }
            }
        }
        return new TargetSpec(id == null ? null : id.trim(), parsed, blankToNull(toolchain), blankToNull(rustflags),
                blankToNull(linker), blankToNull(cc), blankToNull(cxx), blankToNull(ar), blankToNull(runner),
                Elements.map(env, element, "env"), blankToNull(vcvars), Elements.list(vcvarsArgs, element,
                        "vcvarsArgs"), Elements.map(properties, element, "properties"), Elements.list(testArgs, element,
                        "testArgs"), Elements.list(allowedLibraries, element, "allowedLibraries"), version(glibc, element,
                        "glibc"), version(macosMin, element, "macosMin"), buildStd,
                blankToNull(platform));
    }

    /** An empty element (an unset property) means no limit; anything else must be a version number. */
    private static String version(String value, String element, String name) throws ProjectException {
        String v = blankToNull(value);
        if (v != null && !v.matches("\\d+(\\.\\d+)*")) {
            throw new ProjectException(element + ": <" + name + ">" + v + "</" + name + "> is not a version such as"
                    + " 2.17 or 11.0; leave it empty for no limit");
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
