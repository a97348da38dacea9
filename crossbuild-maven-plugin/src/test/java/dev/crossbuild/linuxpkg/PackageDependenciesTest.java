package dev.crossbuild.linuxpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.ObjectFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dependencies from what the binaries need: Debian's libc6 floor and packages, rpm's generator's requires. */
class PackageDependenciesTest {

    private static BinaryNeeds needs(List<String> libraries, Map<String, List<String>> versions, boolean gnuHash) {
        return new BinaryNeeds(ObjectFormat.ELF, libraries, List.of(), versions, null, null, gnuHash);
    }

    private final BinaryNeeds rustProgram = needs(List.of("libgcc_s.so.1", "libc.so.6", "ld-linux-x86-64.so.2"),
            Map.of("libgcc_s.so.1", List.of("GCC_3.0"), "libc.so.6", List.of("GLIBC_2.2.5", "GLIBC_2.34"),
                    "ld-linux-x86-64.so.2", List.of("GLIBC_2.3")), true);

    @Test
    void theNewestGlibcAndTheMappedPackagesOnDebianThenDepends() throws Exception {
        List<String> asked = new ArrayList<>();
        LibraryPackages dpkg = (arch, multiarch, libraries) -> {
            asked.add(arch + " " + multiarch + " " + libraries);
            return Map.of("libgcc_s.so.1", "libgcc-s1", "libz.so.1", "zlib1g");
        };
        BinaryNeeds second = needs(List.of("libz.so.1", "libc.so.6"), Map.of("libc.so.6", List.of("GLIBC_2.17")),
                false);
        PackageDependencies deps = PackageDependencies.of(List.of(new PackageDependencies.Needs(rustProgram, true),
                new PackageDependencies.Needs(second, true)), Set.of(), false, "amd64", "x86_64-linux-gnu", dpkg,
                List.of("ca-certificates"), List.of());
        assertThat(deps.debian()).containsExactly("libc6 (>= 2.34)", "libgcc-s1", "zlib1g", "ca-certificates");
        assertThat(deps.unmapped()).isEmpty();
        // the C library is libc6 whatever dpkg knows: only the other libraries are looked up
        assertThat(asked).containsExactly("amd64 x86_64-linux-gnu [libgcc_s.so.1, libz.so.1]");
    }

    @Test
    void rpmRequiresAsRpmsGeneratorWritesThem() throws Exception {
        PackageDependencies deps = PackageDependencies.of(List.of(new PackageDependencies.Needs(rustProgram, true)),
                Set.of(), false, "amd64", "x86_64-linux-gnu", LibraryPackages.NONE, List.of(),
                List.of("extra-capability"));
        assertThat(deps.rpm()).containsExactly("extra-capability", "ld-linux-x86-64.so.2()(64bit)",
                "ld-linux-x86-64.so.2(GLIBC_2.3)(64bit)", "libc.so.6()(64bit)", "libc.so.6(GLIBC_2.2.5)(64bit)",
                "libc.so.6(GLIBC_2.34)(64bit)", "libgcc_s.so.1()(64bit)", "libgcc_s.so.1(GCC_3.0)(64bit)",
                "rtld(GNU_HASH)");
        // no package of this machine holds libgcc_s for it: the .deb is told to declare it
        assertThat(deps.unmapped()).containsExactly("libgcc_s.so.1");
        assertThat(deps.debian()).containsExactly("libc6 (>= 2.34)");
    }

    @Test
    void thirtyTwoBitElfHasNoMarkerAndOddSonamesAreSkippedAsRpmSkipsThem() throws Exception {
        BinaryNeeds armhf = needs(List.of("libc.so.6", "weird", "notlib.so.1", "ld-linux-armhf.so.3"),
                Map.of("libc.so.6", List.of("GLIBC_2.4")), false);
        PackageDependencies deps = PackageDependencies.of(List.of(new PackageDependencies.Needs(armhf, false)),
                Set.of(), false, "armhf", "arm-linux-gnueabihf", LibraryPackages.NONE, List.of(), List.of());
        assertThat(deps.rpm()).containsExactly("ld-linux-armhf.so.3", "libc.so.6", "libc.so.6(GLIBC_2.4)");
        assertThat(deps.debian()).containsExactly("libc6 (>= 2.4)");
        assertThat(deps.unmapped()).containsExactly("weird", "notlib.so.1");
    }

    @Test
    void librariesThePackageBringsAreNoDependency() throws Exception {
        BinaryNeeds program = needs(List.of("libgreet.so", "libc.so.6"), Map.of("libgreet.so", List.of("V1"),
                "libc.so.6", List.of("GLIBC_2.17")), false);
        PackageDependencies deps = PackageDependencies.of(List.of(new PackageDependencies.Needs(program, true)),
                Set.of("libgreet.so"), false, "arm64", "aarch64-linux-gnu", LibraryPackages.NONE, List.of(),
                List.of());
        assertThat(deps.rpm()).containsExactly("libc.so.6()(64bit)", "libc.so.6(GLIBC_2.17)(64bit)");
        assertThat(deps.debian()).containsExactly("libc6 (>= 2.17)");
        assertThat(deps.unmapped()).isEmpty();
    }

    @Test
    void aStaticProgramDependsOnNothingAndMuslOnMusl() throws Exception {
        PackageDependencies none = PackageDependencies.of(List.of(new PackageDependencies.Needs(needs(List.of(),
                Map.of(), false), true)), Set.of(), false, "amd64", "x86_64-linux-gnu", LibraryPackages.NONE,
                List.of(), List.of());
        assertThat(none.debian()).isEmpty();
        assertThat(none.rpm()).isEmpty();
        PackageDependencies musl = PackageDependencies.of(List.of(new PackageDependencies.Needs(needs(
                List.of("libc.so"), Map.of(), false), true)), Set.of(), true, "amd64", null, LibraryPackages.NONE,
                List.of(), List.of());
        assertThat(musl.debian()).containsExactly("musl");
        assertThat(musl.rpm()).containsExactly("libc.so()(64bit)");
    }
}
