package dev.crossbuild.linuxpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.ObjectFormat;
import dev.crossbuild.packaging.ArchiveEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where programs and their libraries go so that every runpath still finds what the audit proved is needed. */
class PackageLayoutTest {

    private final List<String> problems = new ArrayList<>();

    private static PackageLayout.Binary program(String name, List<String> libraries, String... runpath) {
        return new PackageLayout.Binary(new ArchiveEntry(name, Path.of("/build", name), true, "bin"),
                needs(libraries, runpath), true);
    }

    private static PackageLayout.Binary library(String name, List<String> libraries, String... runpath) {
        return new PackageLayout.Binary(new ArchiveEntry(name, Path.of("/build", name), true, "bundled"),
                needs(libraries, runpath), false);
    }

    private static BinaryNeeds needs(List<String> libraries, String... runpath) {
        return new BinaryNeeds(ObjectFormat.ELF, libraries, List.of(runpath), Map.of(), null, null);
    }

    private PackageLayout.Plan plan(PackageLayout.Binary... binaries) {
        return PackageLayout.plan("tool", List.of(binaries), problems, "target `t`");
    }

    @Test
    void aProgramThatLoadsOnlySystemLibrariesGoesToUsrBin() {
        PackageLayout.Plan plan = plan(program("tool", List.of("libc.so.6", "libgcc_s.so.1")));
        assertThat(problems).isEmpty();
        assertThat(plan.files()).extracting(PackagedFile::path, PackagedFile::mode, PackagedFile::role)
                .containsExactly(tuple("/usr/bin/tool", 0755, PackagedFile.Role.PROGRAM));
        assertThat(plan.privateNames()).isEmpty();
    }

    @Test
    void aRunpathIntoTheLibraryFolderKeepsTheProgramInUsrBin() {
        PackageLayout.Plan plan = plan(program("tool", List.of("libc.so.6", "libgreet.so"), "$ORIGIN/../lib/tool"),
                library("lib/tool/libgreet.so", List.of("libc.so.6")));
        assertThat(problems).isEmpty();
        assertThat(plan.files()).extracting(PackagedFile::path, PackagedFile::role).containsExactly(
                tuple("/usr/bin/tool", PackagedFile.Role.PROGRAM),
                tuple("/usr/lib/tool/libgreet.so", PackagedFile.Role.LIBRARY));
        assertThat(plan.files().get(1).mode()).isEqualTo(0644);
        assertThat(plan.privateNames()).containsExactly("libgreet.so");
    }

    @Test
    void theArchivesOriginLibRunpathIsMirroredUnderTheLibraryFolderWithALinkInUsrBin() {
        PackageLayout.Plan plan = plan(program("tool", List.of("libgreet.so"), "${ORIGIN}/lib"),
                library("lib/libgreet.so", List.of("libdep.so.1"), "$ORIGIN"),
                library("lib/libdep.so.1", List.of()));
        assertThat(problems).isEmpty();
        assertThat(plan.files()).extracting(PackagedFile::path, PackagedFile::role, PackagedFile::link)
                .containsExactly(
                        tuple("/usr/lib/tool/tool", PackagedFile.Role.PROGRAM, null),
                        tuple("/usr/bin/tool", PackagedFile.Role.LINK, "../lib/tool/tool"),
                        tuple("/usr/lib/tool/lib/libgreet.so", PackagedFile.Role.LIBRARY, null),
                        tuple("/usr/lib/tool/lib/libdep.so.1", PackagedFile.Role.LIBRARY, null));
        assertThat(plan.binaries()).containsOnlyKeys("/usr/lib/tool/tool", "/usr/lib/tool/lib/libgreet.so",
                "/usr/lib/tool/lib/libdep.so.1");
    }

    @Test
    void anOriginRunpathPutsTheLibraryBesideTheMirroredProgram() {
        PackageLayout.Plan plan = plan(program("tool", List.of("libgreet.so"), "$ORIGIN"),
                library("libgreet.so", List.of()));
        assertThat(problems).isEmpty();
        assertThat(plan.files()).extracting(PackagedFile::path).containsExactly("/usr/lib/tool/tool",
                "/usr/bin/tool", "/usr/lib/tool/libgreet.so");
    }

    @Test
    void aRunpathOutOfTheLibraryFolderIsRefusedNamingTheFix() {
        plan(program("tool", List.of("libgreet.so"), "$ORIGIN/../lib"), library("lib/libgreet.so", List.of()));
        assertThat(problems).singleElement().asString()
                .contains("target `t`: tool loads libgreet.so from the package, but its runpath `$ORIGIN/../lib`"
                        + " leads neither from /usr/bin nor from /usr/lib/tool into /usr/lib/tool/")
                .contains("-C link-arg=-Wl,-rpath,$ORIGIN/lib in <rustflags>").contains("or $ORIGIN/../lib/tool");
    }

    @Test
    void aLibraryNoBinaryLoadsGoesToTheLibraryFolderAndTwoProgramsOfOneNameAreRefused() {
        PackageLayout.Plan plan = plan(program("tool", List.of()), program("sub/tool", List.of()),
                library("libplugin.so", List.of()));
        assertThat(plan.files()).extracting(PackagedFile::path).contains("/usr/bin/tool", "/usr/lib/tool/libplugin.so");
        assertThat(problems).singleElement().asString()
                .contains("two files would be installed as /usr/bin/tool: /build/tool and /build/sub/tool");
    }

    @Test
    void pathsAndLinks() {
        assertThat(PackageLayout.normalize("/usr/bin/../lib/./tool/")).isEqualTo("/usr/lib/tool");
        assertThat(PackageLayout.normalize("/../..")).isEqualTo("/");
        assertThat(PackageLayout.relative("/usr/bin", "/usr/lib/tool/bin/tool")).isEqualTo("../lib/tool/bin/tool");
        assertThat(PackageLayout.relative("/usr/bin", "/usr/bin/x")).isEqualTo("x");
        assertThat(PackageLayout.parent("/usr")).isEqualTo("/");
    }
}
