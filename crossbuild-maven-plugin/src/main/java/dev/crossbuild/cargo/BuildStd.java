package dev.crossbuild.cargo;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.toolchain.ToolchainFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code <buildStd>true</buildStd>} adds to a cargo command: {@code -Zbuild-std} with the crates the target
 * needs, {@code RUSTC_BOOTSTRAP=1} on a toolchain that is not nightly (a distribution's stable rustc such as
 * Debian's rustc-web: it unlocks cargo's and rustc's unstable flags, which is what a nightly toolchain does), the
 * library sources' {@code vendor} folder as cargo's crates.io source (offline) when the sources have one, and the
 * per-target flags such a build needs.
 */
public final class BuildStd {

    private BuildStd() {
    }

    /** The crates to build from source: {@code core} for a bare-metal target, else {@code std,panic_abort}. */
    public static String crates(TargetTriple triple) {
        return triple.isBareMetal() ? "core" : "std,panic_abort";
    }

    /** {@code -Zbuild-std=…} when a target of the cargo command has {@code <buildStd>}, else nothing. */
    public static List<String> cargoArgs(List<TargetSpec> targets) {
        return targets.stream().filter(TargetSpec::buildStd).findFirst()
                .map(t -> List.of("-Zbuild-std=" + crates(t.triple()))).orElse(List.of());
    }

    /**
     * The target's own rustflags of a build from source: musl links against the C library of the linker
     * ({@code -C link-self-contained=no}: the self-contained CRT objects come with an installed std only); macOS
     * binaries are not stripped ({@code -C strip=none}: rustc strips them with {@code rust-objcopy}, which a Linux
     * toolchain does not have).
     */
    public static List<String> rustflags(TargetSpec target) {
        List<String> flags = new ArrayList<>();
        if (target.buildStd() && target.triple().isLinux() && target.triple().env().startsWith("musl")) {
            flags.addAll(List.of("-C", "link-self-contained=no"));
        }
        if (target.triple().isApple() && (target.buildStd() || target.zigLinker())) {
            flags.addAll(List.of("-C", "strip=none"));
        }
        return flags;
    }

    /** {@code RUSTC_BOOTSTRAP=1} unless the toolchain is nightly (or unknown: the build then says why it failed). */
    public static Map<String, String> environment(ToolchainFacts facts) {
        String rustc = facts.rustcVersion();
        return rustc == null || nightly(rustc) ? Map.of() : Map.of("RUSTC_BOOTSTRAP", "1");
    }

    /** {@code rustc 1.80.0-nightly (…)} or a development build. */
    static boolean nightly(String rustcVersion) {
        String version = rustcVersion.trim().split("\\s+").length > 1 ? rustcVersion.trim().split("\\s+")[1] : "";
        return version.contains("-nightly") || version.contains("-dev");
    }

    /**
     * cargo's {@code --config} arguments that read crates.io from the sources' {@code vendor} folder and stay
     * offline; none when the sources have no such folder (cargo then downloads std's dependencies).
     */
    public static List<String> sourceConfig(ToolchainFacts facts) {
        Optional<Path> vendor = facts.librarySources().map(l -> l.resolve("vendor")).filter(Files::isDirectory);
        if (vendor.isEmpty()) {
            return List.of();
        }
        return List.of("--config", "source.crates-io.replace-with=" + CargoRustflags.tomlString("crossbuild-std-vendor"),
                "--config", "source.crossbuild-std-vendor.directory=" + CargoRustflags.tomlString(
                        vendor.get().toString()), "--config", "net.offline=true");
    }
}
