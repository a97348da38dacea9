package dev.crossbuild.sbom;

import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The package checksums of a Cargo.lock (formats 2 to 4: a {@code checksum} line in each {@code [[package]]}
 * table), by {@code name version}. Cargo writes the file itself in a fixed layout, one key per line. Only a
 * SHA-256 (64 hex digits) counts: a crate from a directory source that has none (Debian's vendored crates write
 * {@code checksum = "Could not get crate checksum"}) has no checksum here.
 */
public final class LockChecksums {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Map<String, String> checksums;

    private LockChecksums(Map<String, String> checksums) {
        this.checksums = checksums;
    }

    public static LockChecksums parse(String lock) {
        Map<String, String> found = new HashMap<>();
        String name = null;
        String version = null;
        String checksum = null;
        for (String raw : (lock + "\n[[end]]").split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                if (name != null && version != null && checksum != null && SHA256.matcher(checksum).matches()) {
                    found.put(name + " " + version, checksum.toLowerCase(Locale.ROOT));
                }
                name = version = checksum = null;
            } else if (line.startsWith("name = ")) {
                name = value(line);
            } else if (line.startsWith("version = ")) {
                version = value(line);
            } else if (line.startsWith("checksum = ")) {
                checksum = value(line);
            }
        }
        return new LockChecksums(found);
    }

    private static String value(String line) {
        String value = line.substring(line.indexOf('=') + 1).strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    public Optional<String> of(String name, String version) {
        return Optional.ofNullable(checksums.get(name + " " + version));
    }
}
