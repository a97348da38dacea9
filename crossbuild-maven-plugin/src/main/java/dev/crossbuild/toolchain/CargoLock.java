package dev.crossbuild.toolchain;

import dev.crossbuild.core.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lock file format version of a Cargo.lock and the oldest cargo that can read it. */
public record CargoLock(Path file, int version) {

    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^version\\s*=\\s*(\\d+)\\s*$");

    /** Finds the Cargo.lock that applies to a manifest: beside it or in a workspace root above it. */
    public static Optional<CargoLock> find(Path manifest) throws IOException {
        Optional<Path> lock = lockFile(manifest.toAbsolutePath().getParent());
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CargoLock(lock.get(), parseVersion(Files.readString(lock.get(),
                StandardCharsets.UTF_8))));
    }

    /**
     * The workspace root of a crate: the folder of the Cargo.lock that applies to it (cargo reports the files
     * of diagnostics relative to it), or the crate's own folder when there is none yet.
     */
    public static Path workspaceRoot(Path crateDir) {
        return lockFile(crateDir).map(Path::getParent).orElse(crateDir);
    }

    private static Optional<Path> lockFile(Path crateDir) {
        for (Path dir = crateDir; dir != null; dir = dir.getParent()) {
            Path lock = dir.resolve("Cargo.lock");
            if (Files.isRegularFile(lock)) {
                return Optional.of(lock);
            }
        }
        return Optional.empty();
    }

    /** A lock without a top-level {@code version} line is format 1 or 2, which every cargo reads. */
    static int parseVersion(String text) {
        Matcher m = VERSION_LINE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 2;
    }

    /** The oldest cargo that reads this format: v3 since cargo 1.53, v4 since cargo 1.78. */
    public Version oldestReader() {
        return switch (version) {
            case 1, 2 -> new Version(1, 0, 0);
            case 3 -> new Version(1, 53, 0);
            case 4 -> new Version(1, 78, 0);
            default -> new Version(99, 0, 0);
        };
    }
}
