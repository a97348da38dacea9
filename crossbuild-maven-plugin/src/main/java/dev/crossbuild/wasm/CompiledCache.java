package dev.crossbuild.wasm;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Chicory's compiled classes of a module on disk, one file per key (Chicory's key names the module's content and
 * the compiler), so that compiling a module, most of the time of a short wasm test run, is paid once. Written to a
 * temporary file and moved into place, so parallel runs never read half a file; a damaged or unreadable entry is
 * compiled again.
 */
final class CompiledCache implements Cache {

    private final Path directory;

    CompiledCache(Path directory) {
        this.directory = directory;
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException missing) {
            return null;
        } catch (IOException unreadable) {
            return null;
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] data) throws IOException {
        Path file = file(key);
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, ".compiling", ".tmp");
        try {
            Files.write(temp, data);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path file(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + ".classes");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
