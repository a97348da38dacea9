package dev.crossbuild.packaging;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.binary.HandMadeNeeds;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closure of packaged binaries: system libraries, packaged ones where the loader looks, bundling, floors. */
class LibraryAuditTest {

    @TempDir
    Path dir;

    @Test
    void msvcCrtStaticMustKeepTheDynamicRuntimeOut() throws Exception {
        Path exe = write("app.exe", HandMadeNeeds.pe(List.of("KERNEL32.dll", "VCRUNTIME140.dll",
                "api-ms-win-crt-runtime-l1-1-0.dll"), List.of(), 3));
        TargetSpec msvc = target("aarch64-pc-windows-msvc", "-C target-feature=+crt-static", List.of(), null);
        List<String> problems = audit(msvc, Map.of("app.exe", exe), false, LibraryLocator.NONE);
        assertThat(problems).anyMatch(p -> p.contains("app.exe imports VCRUNTIME140.dll although <rustflags> has"
                + " -C target-feature=+crt-static: the static C runtime did not take effect"));
        assertThat(problems).anyMatch(p -> p.contains("app.exe needs VCRUNTIME140.dll, which is not in the archive"));
        // the UCRT is part of Windows; only the static CRT check names it
        assertThat(problems).noneMatch(p -> p.contains("needs api-ms-win-crt"));

        Path clean = write("clean.exe", HandMadeNeeds.pe(List.of("KERNEL32.dll", "bcrypt.dll"), List.of(), 3));
        assertThat(audit(msvc, Map.of("clean.exe", clean), false, LibraryLocator.NONE)).isEmpty();
    }

    @Test
    void aMingwRuntimeDllIsMissingBesideAllowedOrBundledWithItsOwnNeeds() throws Exception {
        Path exe = write("app.exe", HandMadeNeeds.pe(List.of("KERNEL32.dll", "libstdc++-6.dll"), List.of(), 3));
        Path stdcxx = write("toolchain/libstdc++-6.dll", HandMadeNeeds.pe(List.of("libgcc_s_seh-1.dll",
                "KERNEL32.dll"), List.of(), 3));
        Path gcc = write("toolchain/libgcc_s_seh-1.dll", HandMadeNeeds.pe(List.of("KERNEL32.dll"), List.of(), 3));
        TargetSpec gnu = target("x86_64-pc-windows-gnu", null, List.of(), null);

        List<String> missing = audit(gnu, Map.of("app.exe", exe), false, LibraryLocator.NONE);
        assertThat(missing).singleElement().asString().contains("app.exe needs libstdc++-6.dll")
                .contains("-Dcrossbuild.bundleLibraries=true").contains("-static-libstdc++")
                .contains("<allowedLibraries><library>libstdc++-6.dll</library></allowedLibraries>");
        assertThat(audit(target("x86_64-pc-windows-gnu", null, List.of("LIBSTDC++-6.DLL"), null),
                Map.of("app.exe", exe), false, LibraryLocator.NONE)).isEmpty();
        assertThat(audit(gnu, Map.of("app.exe", exe, "libstdc++-6.dll", stdcxx, "libgcc_s_seh-1.dll", gcc), false,
                LibraryLocator.NONE)).isEmpty();

        Map<String, ArchiveEntry> entries = entries(Map.of("app.exe", exe));
        List<String> problems = new ArrayList<>();
        Map<String, LibraryAudit.Finding> findings = new LibraryAudit(gnu, true, (t, name) -> Optional.of(
                dir.resolve("toolchain").resolve(name)).filter(Files::exists)).audit(entries, problems);
        assertThat(problems).isEmpty();
        assertThat(entries).containsKeys("libstdc++-6.dll", "libgcc_s_seh-1.dll");
        assertThat(findings.get("app.exe").bundled()).containsExactly("libstdc++-6.dll");
        assertThat(findings.get("libstdc++-6.dll").bundled()).containsExactly("libgcc_s_seh-1.dll");
    }

    @Test
    void linuxLibrariesAreFoundThroughOriginRunpathsOnly() throws Exception {
        require(dev.crossbuild.Toolchains.linux() && dev.crossbuild.Toolchains.onPath("gcc"), "gcc on Linux is needed");
        Files.writeString(dir.resolve("greet.c"), "int greet(void) { return 7; }\n");
        Files.writeString(dir.resolve("main.c"), "int greet(void);\nint main(void) { return greet() - 7; }\n");
        run("gcc", "-shared", "-fPIC", "-o", "libgreet.so", "greet.c");
        run("gcc", "-o", "with-origin", "main.c", "-L.", "-lgreet", "-Wl,-rpath,$ORIGIN/lib");
        run("gcc", "-o", "without", "main.c", "-L.", "-lgreet");
        TargetSpec host = target("x86_64-unknown-linux-gnu", null, List.of(), null);
        Path lib = dir.resolve("libgreet.so");

        assertThat(audit(host, Map.of("with-origin", dir.resolve("with-origin"), "lib/libgreet.so", lib), false,
                LibraryLocator.NONE)).isEmpty();
        assertThat(audit(host, Map.of("without", dir.resolve("without"), "lib/libgreet.so", lib), false,
                LibraryLocator.NONE)).singleElement().asString().contains("without needs libgreet.so");
        assertThat(audit(host, Map.of("without", dir.resolve("without")), true, (t, name) -> Optional.of(lib)))
                .singleElement().asString().contains("cannot be bundled: without has no $ORIGIN runpath")
                .contains("-C link-arg=-Wl,-rpath,$ORIGIN/lib");
        Map<String, ArchiveEntry> entries = entries(Map.of("with-origin", dir.resolve("with-origin")));
        List<String> problems = new ArrayList<>();
        new LibraryAudit(host, true, (t, name) -> Optional.of(lib)).audit(entries, problems);
        assertThat(problems).isEmpty();
        assertThat(entries).containsKey("lib/libgreet.so");

        // $ORIGIN/../lib: from a program folder it stays in the archive; from the top it leads out of it, where the
        // unpacked program would look beside the archive's folder (it used to be read as the top's own lib/)
        run("gcc", "-o", "climbs", "main.c", "-L.", "-lgreet", "-Wl,-rpath,$ORIGIN/../lib");
        Path climbs = dir.resolve("climbs");
        assertThat(audit(host, Map.of("bin/climbs", climbs, "lib/libgreet.so", lib), false, LibraryLocator.NONE))
                .isEmpty();
        assertThat(audit(host, Map.of("climbs", climbs, "lib/libgreet.so", lib), false, LibraryLocator.NONE))
                .singleElement().asString().contains("climbs needs libgreet.so, which is not in the archive where"
                        + " the loader looks");
        assertThat(audit(host, Map.of("climbs", climbs), true, (t, name) -> Optional.of(lib)))
                .singleElement().asString().contains("cannot be bundled: climbs has no $ORIGIN runpath the loader"
                        + " would look in inside the archive's folder").contains("-Dcrossbuild.programFolder=bin");
        Map<String, ArchiveEntry> inFolder = entries(Map.of("bin/climbs", climbs));
        problems.clear();
        new LibraryAudit(host, true, (t, name) -> Optional.of(lib)).audit(inFolder, problems);
        assertThat(problems).isEmpty();
        assertThat(inFolder).containsKey("lib/libgreet.so");

        // a glibc floor older than what the binary needs
        TargetSpec old = target("x86_64-unknown-linux-gnu", null, List.of(), "2.17");
        assertThat(audit(old, Map.of("with-origin", dir.resolve("with-origin"), "lib/libgreet.so", lib), false,
                LibraryLocator.NONE)).anyMatch(p -> p.matches("(?s).*with-origin needs GLIBC_2\\.\\d+, newer than"
                        + " <glibc>2\\.17</glibc>.*"));
    }

    @Test
    void dotDotNeverClimbsAboveTheArchivesFolder() {
        assertThat(LibraryAudit.normalize("bin/../lib/./x.so")).contains("lib/x.so");
        assertThat(LibraryAudit.normalize("a/b/../../c")).contains("c");
        assertThat(LibraryAudit.normalize("../lib/x.so")).isEmpty();
        assertThat(LibraryAudit.normalize("bin/../../lib")).isEmpty();
        assertThat(LibraryAudit.normalize("")).contains("");
    }

    private List<String> audit(TargetSpec target, Map<String, Path> files, boolean bundle, LibraryLocator locator)
            throws Exception {
        List<String> problems = new ArrayList<>();
        new LibraryAudit(target, bundle, locator).audit(entries(files), problems);
        return problems;
    }

    private static Map<String, ArchiveEntry> entries(Map<String, Path> files) {
        Map<String, ArchiveEntry> entries = new LinkedHashMap<>();
        files.forEach((name, file) -> entries.put(name, new ArchiveEntry(name, file, true, "bin")));
        return entries;
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static TargetSpec target(String triple, String rustflags, List<String> allowed, String glibc) {
        return new TargetSpec("t", TargetTriple.parse(triple), null, rustflags, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of(), List.of(), allowed, glibc, null);
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

}
