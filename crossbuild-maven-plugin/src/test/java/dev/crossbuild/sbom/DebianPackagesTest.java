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
        Toolchains.require(Files.isRegularFile(libgcc), "gcc-aarch64-linux-gnu (dpkg)");
        DebianPackages packages = new DebianPackages(new ProcessRunner(), System.getenv());
        var owner = packages.owner(libgcc);
        assertThat(owner).isPresent();
        assertThat(owner.get().name()).startsWith("libgcc-s1-arm64-cross");
        assertThat(owner.get().version()).isNotBlank();
        assertThat(owner.get().purl()).startsWith("pkg:deb/debian/libgcc-s1-arm64-cross@");

        Path mine = Files.writeString(dir.resolve("libmine.so"), "x");
        assertThat(packages.owner(mine)).isEmpty();
    }
}
