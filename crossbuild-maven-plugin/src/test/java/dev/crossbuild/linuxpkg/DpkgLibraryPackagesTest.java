package dev.crossbuild.linuxpkg;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Debian package of an architecture holds a library, from {@code dpkg-query -S}. */
class DpkgLibraryPackagesTest {

    @TempDir
    Path dir;

    @Test
    void readsDpkgQueryOutputKeepingOnlyTheArchitecturesPackages() {
        String output = "libgcc-s1:amd64: /lib/x86_64-linux-gnu/libgcc_s.so.1\n"
                + "libc6:amd64, libc6-dbg:amd64: /usr/lib/x86_64-linux-gnu/libm.so.6\n"
                + "libfoo-arm64-cross:all, libfoo1: /usr/lib/x86_64-linux-gnu/libfoo.so.1\n"
                + "libbar1:arm64: /usr/lib/x86_64-linux-gnu/libbar.so.1\n"
                + "diversion by x from: /usr/lib/x86_64-linux-gnu/libz.so.1\n"
                + "dpkg-query: no path found matching pattern /lib/x86_64-linux-gnu/libnone.so.1\n";
        assertThat(DpkgLibraryPackages.owners(output, "amd64")).isEqualTo(Map.of(
                "/lib/x86_64-linux-gnu/libgcc_s.so.1", "libgcc-s1",
                "/usr/lib/x86_64-linux-gnu/libm.so.6", "libc6",
                "/usr/lib/x86_64-linux-gnu/libfoo.so.1", "libfoo1"));
    }

    @Test
    void withoutTheLibrariesFolderNothingIsAsked() throws Exception {
        DpkgLibraryPackages packages = new DpkgLibraryPackages(new ProcessRunner(), System.getenv(), dir);
        assertThat(packages.find("arm64", "aarch64-linux-gnu", List.of("libgcc_s.so.1"))).isEmpty();
    }

    @Test
    void findsTheHostsGccRuntimeOnADebianMachine() throws Exception {
        boolean debian = dev.crossbuild.Toolchains.onPath("dpkg-query")
                && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libgcc_s.so.1"));
        require(debian, "a Debian amd64 machine with dpkg-query is needed");
        Map<String, String> found = new DpkgLibraryPackages(new ProcessRunner()).find("amd64", "x86_64-linux-gnu",
                List.of("libgcc_s.so.1", "libnothing-here.so.9"));
        assertThat(found).isEqualTo(Map.of("libgcc_s.so.1", "libgcc-s1"));
    }
}
