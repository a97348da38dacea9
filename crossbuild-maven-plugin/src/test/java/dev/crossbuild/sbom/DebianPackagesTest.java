package dev.crossbuild.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.Toolchains;
import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real dpkg: the package of a file Debian installed, none for a file of our own. */
class DebianPackagesTest {

    @Test
    void ownerOfAnInstalledFile(@TempDir Path dir) throws Exception {
        Path libgcc = Path.of("/usr/aarch64-linux-gnu/lib/libgcc_s.so.1");
        Toolchains.require(Files.isRegularFile(libgcc) && Toolchains.onPath("dpkg-query"),
                "gcc-aarch64-linux-gnu and dpkg-query (a Debian machine)");
        DebianPackages packages = new DebianPackages(new ProcessRunner(), System.getenv());
        var owner = packages.owner(libgcc);
        assertThat(owner).isPresent();
        assertThat(owner.get().name()).startsWith("libgcc-s1-arm64-cross");
        assertThat(owner.get().version()).isNotBlank();
        assertThat(owner.get().purl()).startsWith("pkg:deb/debian/libgcc-s1-arm64-cross@");

        Path mine = Files.writeString(dir.resolve("libmine.so"), "x");
        assertThat(packages.owner(mine)).isEmpty();
    }

    @Test
    void purlsEncodeWhatDebianVersionsHold() {
        assertThat(new DebianPackages.DebianPackage("libssl3", "1:3.0.11-1~deb12u2", "arm64").purl())
                .isEqualTo("pkg:deb/debian/libssl3@1%3A3.0.11-1~deb12u2?arch=arm64");
        assertThat(new DebianPackages.DebianPackage("gcc-mingw-w64-x86-64-posix-runtime", "12.2.0-14+deb12u1+25.2+b1",
                "amd64").purl()).isEqualTo("pkg:deb/debian/gcc-mingw-w64-x86-64-posix-runtime@12.2.0-14%2Bdeb12u1%2B25.2%2Bb1?arch=amd64");
    }
}
