package dev.crossbuild.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** SHA-256 sums, written in the format {@code sha256sum -c} checks ({@code <hex>  <file name>}). */
public final class Checksums {

    public static final String SUMS_FILE = "SHA256SUMS";

    private Checksums() {
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String line(String sha256, Path file) {
        return sha256 + "  " + file.getFileName() + "\n";
    }

    /** {@code <archive>.sha256} beside the archive; returns its path. */
    public static Path writeSidecar(Path archive, String sha256) throws IOException {
        Path sidecar = archive.resolveSibling(archive.getFileName() + ".sha256");
        Files.writeString(sidecar, line(sha256, archive), StandardCharsets.UTF_8);
        return sidecar;
    }

    /**
     * Adds files to the {@code SHA256SUMS} in the folder (made by {@code package-arch}, or new), replacing the lines
     * of files with the same names and keeping the others; sorted by file name.
     */
    public static Path addToSums(Path directory, List<Path> files, List<String> sha256s) throws IOException {
        Path sums = directory.resolve(SUMS_FILE);
        java.util.Map<String, String> lines = new java.util.TreeMap<>();
        if (Files.isRegularFile(sums)) {
            for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
                if (line.length() > 66) {
                    lines.put(line.substring(66), line + "\n");
                }
            }
        }
        for (int i = 0; i < files.size(); i++) {
            lines.put(files.get(i).getFileName().toString(), line(sha256s.get(i), files.get(i)));
        }
        Files.writeString(sums, String.join("", lines.values()), StandardCharsets.UTF_8);
        return sums;
    }

    /** One {@code SHA256SUMS} for the given archives, sorted by file name. */
    public static Path writeSums(Path directory, List<Path> archives, List<String> sha256s) throws IOException {
        Path sums = directory.resolve(SUMS_FILE);
        String text = java.util.stream.IntStream.range(0, archives.size())
                .mapToObj(i -> line(sha256s.get(i), archives.get(i)))
                .sorted((a, b) -> a.substring(66).compareTo(b.substring(66)))
                .collect(Collectors.joining());
        Files.writeString(sums, text, StandardCharsets.UTF_8);
        return sums;
    }
}
