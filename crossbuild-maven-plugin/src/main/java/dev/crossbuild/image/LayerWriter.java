package dev.crossbuild.image;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a reproducible gzip layer: folders and files sorted by path, owned by root (0/0, no names), one time,
 * modes 0755 or 0644; returns the digest of the compressed blob and of the tar inside it (the config's diff_id).
 */
final class LayerWriter {

    /** A layer written: its blob's digest and size, and its diff_id. */
    record Written(String digest, long size, String diffId) {
    }

    private LayerWriter() {
    }

    /**
     * @param files path in the image (no leading slash) to the file on disk and whether it is executable
     */
    static Written write(Path blob, Map<String, Map.Entry<Path, Boolean>> files, Instant time) throws IOException {
        TreeSet<String> folders = new TreeSet<>();
        for (String name : files.keySet()) {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                folders.add(name.substring(0, slash) + "/");
            }
        }
        TreeSet<String> entries = new TreeSet<>(folders);
        entries.addAll(files.keySet());
        MessageDigest compressed = Oci.sha256();
        MessageDigest uncompressed = Oci.sha256();
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        long[] size = {0};
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(blob));
                OutputStream counted = new FilterOutputStream(new DigestOutputStream(file, compressed)) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        size[0] += len;
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        size[0]++;
                    }
                };
                GzipCompressorOutputStream gz = new GzipCompressorOutputStream(counted, gzip);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new DigestOutputStream(gz, uncompressed),
                        "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String name : entries) {
                boolean folder = name.endsWith("/");
                TarArchiveEntry entry = new TarArchiveEntry(name, folder ? TarArchiveEntry.LF_DIR
                        : TarArchiveEntry.LF_NORMAL);
                Map.Entry<Path, Boolean> source = folder ? null : files.get(name);
                entry.setMode((folder ? 040000 : 0100000) | (folder || source.getValue() ? 0755 : 0644));
                entry.setIds(0, 0);
                entry.setNames("", "");
                entry.setModTime(time.getEpochSecond() * 1000);
                if (!folder) {
                    entry.setSize(Files.size(source.getKey()));
                }
                tar.putArchiveEntry(entry);
                if (!folder) {
                    Files.copy(source.getKey(), tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return new Written(hex(compressed), size[0], hex(uncompressed));
    }

    private static String hex(MessageDigest digest) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
