package dev.crossbuild.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ToolNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Debian package a file on this machine came from ({@code dpkg -S}), with its version and architecture
 * ({@code dpkg-query}); empty where there is no dpkg or no package owns the file.
 */
public final class DebianPackages {

    /** A Debian package: {@code libgcc-s1}, {@code 12.2.0-14}, {@code arm64}. */
    public record DebianPackage(String name, String version, String architecture) {
        /** {@code pkg:deb/debian/<name>@<version>?arch=<arch>}. */
        public String purl() {
            // packageurl-java percent-encodes what a Debian version may hold (an epoch's ':', '+', '~')
            try {
                return new PackageURL("deb", "debian", name, version, new java.util.TreeMap<>(Map.of("arch",
                        architecture)), null).canonicalize();
            } catch (MalformedPackageURLException e) {
                return "pkg:deb/debian/" + name;
            }
        }
    }

    private final ProcessRunner runner;
    private final Map<String, String> environment;

    public DebianPackages(ProcessRunner runner, Map<String, String> environment) {
        this.runner = runner;
        this.environment = Map.copyOf(environment);
    }

    public Optional<DebianPackage> owner(Path file) throws MachineException {
        Optional<String> owner = firstLine(List.of("dpkg", "-S", file.toAbsolutePath().normalize().toString()));
        if (owner.isEmpty()) {
            // dpkg records the path it unpacked, which may be a link's (/lib → /usr/lib)
            try {
                Path real = file.toRealPath();
                if (!real.equals(file.toAbsolutePath().normalize())) {
                    owner = firstLine(List.of("dpkg", "-S", real.toString()));
                }
            } catch (java.io.IOException gone) {
                return Optional.empty();
            }
        }
        if (owner.isEmpty() || !owner.get().contains(": ")) {
            return Optional.empty();
        }
        // "libgcc-s1:arm64: /usr/lib/aarch64-linux-gnu/libgcc_s.so.1"; a diversion line has no package
        String pkg = owner.get().substring(0, owner.get().indexOf(": ")).split(",")[0].strip();
        Optional<String> facts = firstLine(List.of("dpkg-query", "-W", "-f", "${Package} ${Version} ${Architecture}\\n",
                pkg));
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = facts.get().strip().split(" ");
        return parts.length == 3 ? Optional.of(new DebianPackage(parts[0], parts[1], parts[2])) : Optional.empty();
    }

    private Optional<String> firstLine(List<String> command) throws MachineException {
        ProcessRunner.CapturedOutput out;
        try {
            out = runner.capture(ProcessSpec.of(command, Path.of(".").toAbsolutePath(), environment));
        } catch (ToolNotFoundException noDpkg) {
            return Optional.empty();
        }
        if (!out.result().succeeded() || out.stdout().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(out.stdout().lines().findFirst().orElse(""));
    }
}
