package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the plugin finds lipo: PATH under its plain and versioned names, then the LLVM folders, newest first. */
class LipoTest {

    @TempDir
    Path dir;

    private Path program(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void plainNamesOnPathComeFirst() throws Exception {
        Path versioned = program("bin/llvm-lipo-16");
        Path plain = program("other/lipo");
        program("lib/llvm-17/bin/llvm-lipo");
        Map<String, String> env = Map.of("PATH", dir.resolve("bin") + ":" + dir.resolve("other"));
        assertThat(Lipo.find(env, dir.resolve("lib"))).contains(plain);
        Files.delete(plain);
        // no plain name: the newest of the versioned names on PATH and the LLVM folders
        assertThat(Lipo.find(env, dir.resolve("lib"))).contains(dir.resolve("lib/llvm-17/bin/llvm-lipo"));
        Files.delete(dir.resolve("lib/llvm-17/bin/llvm-lipo"));
        assertThat(Lipo.find(env, dir.resolve("lib"))).contains(versioned);
    }

    @Test
    void anLlvmFolderOffPathIsFound() throws Exception {
        program("lib/llvm-14/bin/llvm-lipo");
        Path newest = program("lib/llvm-15/bin/llvm-lipo");
        program("lib/llvm-16/bin/llvm-objdump");
        assertThat(Lipo.find(Map.of("PATH", dir.resolve("empty").toString()), dir.resolve("lib"))).contains(newest);
        assertThat(Lipo.version(newest)).isEqualTo(15);
        assertThat(Lipo.version(Path.of("/usr/bin/llvm-lipo-14"))).isEqualTo(14);
        assertThat(Lipo.version(Path.of("/usr/bin/lipo"))).isZero();
    }

    @Test
    void noneAnywhereNamesTheDebianPackage() {
        assertThat(Lipo.find(Map.of("PATH", dir.toString()), dir.resolve("lib"))).isEmpty();
        assertThat(Lipo.MISSING).contains("apt-get install llvm").contains("llvm-lipo").contains("Xcode");
    }
}
