package dev.crossbuild.toolchain;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the probe learnt about one Rust toolchain in one environment, before any check. Each query's absence
 * is recorded as such: a missing program is {@code null}, a failing one has its error.
 *
 * @param toolchain       the rustup toolchain name, or null for the default one
 * @param rustupToolchains the toolchains {@code rustup toolchain list} names, or null when rustup is missing
 * @param cargoVersion    {@code cargo --version}, or null
 * @param cargoError      the first line of a failing {@code cargo --version}, or null
 * @param rustcVersion    {@code rustc --version}, or null when rustc is missing or fails
 * @param sysroot         {@code rustc --print sysroot}, or null
 * @param targetList      {@code rustc --print target-list}, or null when that failed
 */
public record ToolchainFacts(String toolchain, List<String> rustupToolchains, String cargoVersion,
        String cargoError, String rustcVersion, String sysroot, Set<String> targetList) {

    public ToolchainFacts {
        rustupToolchains = rustupToolchains == null ? null : List.copyOf(rustupToolchains);
        targetList = targetList == null ? null : Set.copyOf(targetList);
    }

    public Optional<Path> sysrootPath() {
        return Optional.ofNullable(sysroot).map(Path::of);
    }

    /** Whether a sysroot belongs to rustup ({@code …/toolchains/<name>}), which can add standard libraries. */
    public boolean rustupManaged() {
        Optional<Path> root = sysrootPath();
        return root.isPresent() && root.get().getParent() != null && root.get().getParent().getFileName() != null
                && root.get().getParent().getFileName().toString().equals("toolchains");
    }

    /** Where a toolchain keeps the standard library's sources, under its sysroot. */
    public static final String LIBRARY_SOURCES = "lib/rustlib/src/rust/library";

    /**
     * The standard library's sources ({@code <sysroot>/lib/rustlib/src/rust/library}, rustup's {@code rust-src},
     * Debian's {@code rust-web-src}), when they are complete enough to build from: their {@code Cargo.lock} is there.
     */
    public Optional<Path> librarySources() {
        return sysrootPath().map(s -> s.resolve(LIBRARY_SOURCES))
                .filter(l -> java.nio.file.Files.isRegularFile(l.resolve("Cargo.lock")));
    }

    /** The directory of a triple's standard library in this toolchain. */
    public Optional<Path> standardLibrary(String triple) {
        return sysrootPath().map(s -> s.resolve("lib").resolve("rustlib").resolve(triple).resolve("lib"));
    }
}
