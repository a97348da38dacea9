package dev.crossbuild.toolchain;

import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.Version;
import dev.crossbuild.model.TargetSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether every target's cargo can read the crate's Cargo.lock (its format grows with cargo). */
final class LockFileCheck {

    record Findings(List<String> problems, List<String> warnings) {
    }

    private LockFileCheck() {
    }

    /** @param cargoVersions each target's cargo version, in the order of the targets */
    static Findings check(Path manifest, List<Map.Entry<TargetSpec, Version>> cargoVersions) throws MachineException {
        if (cargoVersions.isEmpty()) {
            return new Findings(List.of(), List.of());
        }
        Version oldest = cargoVersions.stream().map(Map.Entry::getValue).min(Version::compareTo).orElseThrow();
        boolean mixed = cargoVersions.stream().anyMatch(e -> e.getValue().compareTo(oldest) != 0);
        Optional<CargoLock> lock;
        try {
            lock = CargoLock.find(manifest);
        } catch (IOException e) {
            throw new MachineException("could not read the Cargo.lock of " + manifest + ": " + e.getMessage(), e);
        }
        List<TargetSpec> oldTargets = cargoVersions.stream()
                .filter(e -> e.getValue().compareTo(oldest) == 0).map(Map.Entry::getKey).toList();
        String oldToolchain = oldTargets.get(0).toolchain();
        String generate = "`cargo " + (oldToolchain == null ? "" : "+" + oldToolchain + " ") + "generate-lockfile`";
        if (lock.isEmpty()) {
            if (!mixed) {
                return new Findings(List.of(), List.of());
            }
            return new Findings(List.of(), List.of("there is no Cargo.lock and the targets use cargo " + oldest
                    + " to " + cargoVersions.stream().map(Map.Entry::getValue).max(Version::compareTo).orElseThrow()
                    + "; the first cargo to run writes it, maybe in a format the older ones cannot read. Create it"
                    + " with the oldest: " + generate));
        }
        if (oldest.isOlderThan(lock.get().oldestReader())) {
            return new Findings(List.of(lock.get().file() + " has lock file format `version = " + lock.get().version()
                    + "`, which cargo " + oldest + " of target(s) " + String.join(", ", oldTargets.stream()
                            .map(TargetSpec::id).toList()) + " cannot read (it needs cargo "
                    + lock.get().oldestReader() + " or newer); rewrite it with the oldest cargo: " + generate
                    + ", or change that line to `version = 3`"), List.of());
        }
        return new Findings(List.of(), List.of());
    }
}
