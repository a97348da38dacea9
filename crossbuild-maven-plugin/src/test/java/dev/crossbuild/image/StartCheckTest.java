package dev.crossbuild.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.crossbuild.binary.BinaryNeeds;
import dev.crossbuild.binary.ObjectFormat;
import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StartCheckTest {

    private static final TargetTriple GNU = TargetTriple.parse("x86_64-unknown-linux-gnu");
    private static final TargetTriple ARM = TargetTriple.parse("aarch64-unknown-linux-gnu");
    private static final TargetTriple MUSL = TargetTriple.parse("x86_64-unknown-linux-musl");

    private static BinaryNeeds needs(List<String> libraries, List<String> runpath) {
        return new BinaryNeeds(ObjectFormat.ELF, libraries, runpath, Map.of(), null, null);
    }

    private static BaseImage base(String... files) {
        return new BaseImage("test-base", List.of(), List.of(), new JsonObject(), Set.of(files));
    }

    @Test
    void aStaticProgramStartsOnScratch() {
        assertThat(StartCheck.problems("t", GNU, BaseImage.scratch(), Map.of("app/hello", needs(List.of(), List.of())),
                Set.of("app/hello"))).isEmpty();
    }

    @Test
    void aDynamicProgramOnScratchNamesEachLibraryAndTheLoader() {
        List<String> problems = StartCheck.problems("target `x`", GNU, BaseImage.scratch(),
                Map.of("app/hello", needs(List.of("libc.so.6", "libgcc_s.so.1"), List.of())), Set.of("app/hello"));
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith("target `x`: /app/hello needs ld-linux-x86-64.so.2, which the base"
                + " image `scratch` does not have");
        assertThat(problems.get(1)).contains("needs libc.so.6").contains("+crt-static").contains("distroless/cc");
        assertThat(problems.get(2)).contains("needs libgcc_s.so.1");
    }

    @Test
    void libraryFoldersOfTheBaseCountWithOrWithoutMultiarch() {
        BaseImage debian = base("lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6",
                "usr/lib/x86_64-linux-gnu/libgcc_s.so.1");
        assertThat(StartCheck.problems("t", GNU, debian, Map.of("app/hello",
                needs(List.of("libc.so.6", "libgcc_s.so.1"), List.of())), Set.of("app/hello"))).isEmpty();
        BaseImage arm = base("lib/ld-linux-aarch64.so.1", "lib/aarch64-linux-gnu/libc.so.6");
        assertThat(StartCheck.problems("t", ARM, arm, Map.of("app/hello", needs(List.of("libc.so.6"), List.of())),
                Set.of("app/hello"))).isEmpty();
    }

    @Test
    void aLibraryOutsideTheLoadersFoldersDoesNotCount() {
        BaseImage stray = base("lib64/ld-linux-x86-64.so.2", "opt/vendor/libc.so.6");
        assertThat(StartCheck.problems("t", GNU, stray, Map.of("app/hello", needs(List.of("libc.so.6"), List.of())),
                Set.of("app/hello"))).singleElement().asString().contains("needs libc.so.6");
        // unless the binary's runpath names that folder
        assertThat(StartCheck.problems("t", GNU, stray, Map.of("app/hello", needs(List.of("libc.so.6"),
                List.of("/opt/vendor"))), Set.of("app/hello"))).isEmpty();
    }

    @Test
    void aBundledLibraryInTheProgramLayerCounts() {
        BaseImage glibc = base("lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6");
        assertThat(StartCheck.problems("t", GNU, glibc, Map.of("app/hello", needs(List.of("libc.so.6", "libzt.so"),
                List.of("$ORIGIN/lib"))), Set.of("app/hello", "app/lib/libzt.so"))).isEmpty();
    }

    @Test
    void muslNeedsItsOwnLoader() {
        assertThat(StartCheck.loader(MUSL)).contains("ld-musl-x86_64.so.1");
        assertThat(StartCheck.problems("t", MUSL, base("lib/ld-musl-x86_64.so.1"), Map.of("app/hello",
                needs(List.of("libc.so"), List.of())), Set.of("app/hello"))).singleElement().asString()
                .contains("needs libc.so,");
    }
}
