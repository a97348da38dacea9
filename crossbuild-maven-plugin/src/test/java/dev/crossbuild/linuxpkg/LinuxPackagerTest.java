package dev.crossbuild.linuxpkg;

import static dev.crossbuild.Toolchains.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.binary.BinaryHeader;
import dev.crossbuild.binary.BinaryHeaders;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.core.RecordingLog;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.packaging.ArchiveEntry;
import dev.crossbuild.packaging.ArchiveFormat;
import dev.crossbuild.packaging.PackagedTarget;
import dev.crossbuild.packaging.TargetContents;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages of programs gcc and aarch64-linux-gnu-gcc really built, read back with dpkg-deb and rpm: architecture,
 * files, modes, dependencies, times, and the same bytes from another work folder.
 */
class LinuxPackagerTest {

    private static final Instant TIME = Instant.parse("2024-03-01T12:00:00Z");
    private static final ProjectFacts FACTS = new ProjectFacts("tool", "1.0.0-SNAPSHOT", null,
            "Does one thing. And does it well.", "https://example.org/tool", "Example Org",
            List.of(new ProjectFacts.Developer("p", "Pat", "pat@example.org", null)),
            List.of(new ProjectFacts.License("MIT", "https://opensource.org/licenses/MIT")));

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();
    private Path hostProgram;
    private Path armProgram;
    private Path library;
    private Path linkedProgram;

    @BeforeEach
    void compile() throws Exception {
        require(onPath("gcc") && onPath("aarch64-linux-gnu-gcc"), "gcc and aarch64-linux-gnu-gcc are needed");
        Files.writeString(dir.resolve("hello.c"), "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n");
        Files.writeString(dir.resolve("greet.c"), "int greet(void) { return 42; }\n");
        Files.writeString(dir.resolve("main.c"), "#include <stdio.h>\nint greet(void);\n"
                + "int main(void) { printf(\"%d\\n\", greet()); return 0; }\n");
        hostProgram = cc("gcc", "host/tool", "hello.c", "-s");
        armProgram = cc("aarch64-linux-gnu-gcc", "arm/tool", "hello.c", "-s");
        library = cc("gcc", "lib/libgreet.so", "greet.c", "-shared", "-fPIC", "-s", "-Wl,-soname,libgreet.so");
        linkedProgram = cc("gcc", "linked/tool", "main.c", "-s", "-L" + dir.resolve("lib"), "-lgreet",
                "-Wl,-rpath,$ORIGIN/../lib/tool");
    }

    @Test
    void aDebAndAnRpmPerLinuxTargetAndNoneForWindows() throws Exception {
        require(onPath("dpkg-deb") && onPath("rpm"), "dpkg-deb and rpm are needed");
        List<LinuxPackager.Input> inputs = List.of(input("linux-x64", "x86_64-unknown-linux-gnu", hostProgram),
                input("linux-arm64", "aarch64-unknown-linux-gnu", armProgram),
                new LinuxPackager.Input(spec("windows-x64", "x86_64-pc-windows-gnu"), null, null));
        List<LinuxPackager.Written> written = packager(dir.resolve("out"), dir.resolve("work"),
                PackageSettings.NONE).write(inputs);

        assertThat(written).extracting(w -> w.file().getFileName().toString()).containsExactly(
                "tool-1.0.0-SNAPSHOT-linux-x64.deb", "tool-1.0.0-SNAPSHOT-linux-x64.rpm",
                "tool-1.0.0-SNAPSHOT-linux-arm64.deb", "tool-1.0.0-SNAPSHOT-linux-arm64.rpm");
        assertThat(lines).contains("[windows-x64] no Linux package for x86_64-pc-windows-gnu: .deb and .rpm"
                + " packages are made for Linux targets only");
        Path deb = written.get(2).file();
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Package", "Version", "Architecture", "Maintainer",
                "Depends", "Section", "Priority", "Homepage")).isEqualTo("Package: tool\nVersion: 1.0.0~snapshot\n"
                + "Architecture: arm64\nMaintainer: Pat <pat@example.org>\nDepends: libc6 (>= 2.34)\n"
                + "Section: misc\nPriority: optional\nHomepage: https://example.org/tool\n");
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Description")).isEqualTo("Does one thing\n"
                + " Does one thing. And does it well.\n");
        assertThat(run("dpkg-deb", "-c", deb.toString()).lines().map(l -> l.replaceAll(" +", " ")).toList())
                .contains("-rwxr-xr-x root/root " + Files.size(armProgram) + " 2024-03-01 12:00 ./usr/bin/tool")
                .anyMatch(l -> l.endsWith("./usr/share/doc/tool/copyright") && l.startsWith("-rw-r--r-- root/root"))
                .anyMatch(l -> l.endsWith("./usr/share/doc/tool/changelog.gz"));
        Path rpm = written.get(3).file();
        assertThat(run("rpm", "-qp", "--qf", "%{NAME} %{VERSION} %{RELEASE} %{ARCH} %{BUILDTIME} %{LICENSE}"
                + " %{URL} %{VENDOR}", rpm.toString())).isEqualTo("tool 1.0.0~snapshot 1 aarch64 1709294400 MIT"
                        + " https://example.org/tool Example Org");
        assertThat(run("rpm", "-qpl", rpm.toString()).lines().toList()).containsExactly("/usr/bin/tool",
                "/usr/share/doc/tool", "/usr/share/doc/tool/changelog.gz", "/usr/share/doc/tool/copyright");
        assertThat(run("rpm", "-qpR", rpm.toString()).lines().map(String::trim).toList())
                .contains("libc.so.6()(64bit)", "libc.so.6(GLIBC_2.17)(64bit)", "libc.so.6(GLIBC_2.34)(64bit)");
        // each package has its checksum beside it and in SHA256SUMS
        String sums = Files.readString(dir.resolve("out/SHA256SUMS"));
        for (LinuxPackager.Written w : written) {
            assertThat(Files.readString(w.checksum())).endsWith("  " + w.file().getFileName() + "\n");
            assertThat(sums).contains(Files.readString(w.checksum()));
        }
    }

    @Test
    void pomTextIsDataInEachFormatReadBackByDpkgDebAndRpm() throws Exception {
        require(onPath("dpkg-deb") && onPath("rpm"), "dpkg-deb and rpm are needed");
        // text that looks like fields, templates and macros, and a paragraph break: each stays text
        String description = "Does one thing.\nEssential: yes\n\n  Provides: libc6 {{projectName}} [[DEBEMAIL]]"
                + " ${HOME} %{_bindir} \\n " + "word ".repeat(10) + ".NET .\n\n"
                + " .\n\n.NET first\n\nReplaces: coreutils";
        ProjectFacts facts = new ProjectFacts("tool", "1.0-rc1-SNAPSHOT", null, description,
                "https://example.org/tool?a={{b}}", "Example {{Org}}",
                List.of(new ProjectFacts.Developer("p", "Pat [[DEBFULLNAME]]", "pat@example.org", null)),
                List.of(new ProjectFacts.License("MIT", null)));
        PackageMetadata meta = PackageMetadata.resolve(facts, PackageSettings.NONE);
        List<LinuxPackager.Written> written = new LinuxPackager(new LinuxPackager.Options(dir.resolve("out"),
                dir.resolve("work"), "tool", TIME, meta), new RecordingLog(lines), LibraryPackages.NONE)
                .write(List.of(input("linux-x64", "x86_64-unknown-linux-gnu", hostProgram)));
        Path deb = written.get(0).file();
        String control = run("dpkg-deb", "-f", deb.toString());
        assertThat(control.lines().filter(l -> !l.startsWith(" ")).map(l -> l.substring(0, l.indexOf(':'))).toList())
                .containsExactlyInAnyOrder("Package", "Version", "Section", "Priority", "Architecture",
                        "Maintainer", "Installed-Size", "Depends", "Homepage", "Description");
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Maintainer", "Homepage", "Version")).isEqualTo(
                "Maintainer: Pat [[DEBFULLNAME]] <pat@example.org>\nHomepage: https://example.org/tool?a={{b}}\n"
                + "Version: 1.0~rc1~snapshot\n");
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Description")).isEqualTo("Does one thing\n"
                + " Does one thing. Essential: yes\n"
                + " .\n"
                + " Provides: libc6 {{projectName}} [[DEBEMAIL]] ${HOME} %{_bindir} \\n word word\n"
                + " word word word word word word word word .NET .\n"
                + " .\n"
                + "  .NET first\n"
                + " .\n"
                + " Replaces: coreutils\n");
        Path rpm = written.get(1).file();
        assertThat(run("rpm", "-qp", "--qf", "%{SUMMARY}|%{URL}|%{PACKAGER}|%{VENDOR}|%{LICENSE}|%{VERSION}-%{RELEASE}",
                rpm.toString())).isEqualTo("Does one thing|https://example.org/tool?a={{b}}|Pat [[DEBFULLNAME]]"
                        + " <pat@example.org>|Example {{Org}}|MIT|1.0~rc1~snapshot-1");
        assertThat(run("rpm", "-qp", "--qf", "%{DESCRIPTION}", rpm.toString())).isEqualTo("Does one thing."
                + " Essential: yes\n\nProvides: libc6 {{projectName}} [[DEBEMAIL]] ${HOME} %{_bindir} \\n word word\n"
                + "word word word word word word word word .NET .\n\n.NET first\n\nReplaces: coreutils");
        // lintian reads the same control file: the text is a description, not fields
        if (onPath("lintian")) {
            String tags = run("lintian", "--no-cfg", "--fail-on", "none", "--tag-display-limit", "0", deb.toString());
            assertThat(tags).doesNotContain(" E: ").doesNotContain("description-contains-invalid-control-statement");
        }
    }

    @Test
    void theBinariesAreStrippedForThePackagesWithTheTargetsOwnStripAndLintianFindsNoError() throws Exception {
        require(onPath("dpkg-deb") && onPath("rpm") && onPath("aarch64-linux-gnu-strip") && onPath("readelf"),
                "dpkg-deb, rpm, readelf and aarch64-linux-gnu-strip (binutils-aarch64-linux-gnu) are needed");
        // built as cargo's default release profile leaves them: with a symbol table
        Path hostFull = cc("gcc", "full-host/tool", "hello.c", "-g");
        Path armFull = cc("aarch64-linux-gnu-gcc", "full-arm/tool", "hello.c", "-g");
        Path libFull = cc("gcc", "full-lib/libgreet.so", "greet.c", "-g", "-shared", "-fPIC", "-Wl,-soname,libgreet.so");
        assertThat(run("readelf", "-S", hostFull.toString())).contains(".symtab").contains(".debug_info");
        TargetSpec arm = new TargetSpec("linux-arm64", TargetTriple.parse("aarch64-unknown-linux-gnu"), null,
                null, "aarch64-linux-gnu-gcc", null, null, null, null, Map.of(), null, List.of(), Map.of());
        Map<String, Path> withLibrary = new LinkedHashMap<>();
        withLibrary.put("tool", hostFull);
        withLibrary.put("libgreet.so", libFull);
        BinaryStrip strip = new BinaryStrip(new dev.crossbuild.process.ProcessRunner(),
                dev.crossbuild.env.TargetEnvironments.inherited(System.getenv()),
                dev.crossbuild.tools.ToolResolver.forHost(TargetTriple.parse("x86_64-unknown-linux-gnu")));
        List<LinuxPackager.Written> written = new LinuxPackager(new LinuxPackager.Options(dir.resolve("out"),
                dir.resolve("work"), "tool", TIME, PackageMetadata.resolve(FACTS, PackageSettings.NONE)),
                new RecordingLog(lines), LibraryPackages.NONE, strip).write(List.of(
                        input("linux-x64", "x86_64-unknown-linux-gnu", withLibrary),
                        new LinuxPackager.Input(arm, input("linux-arm64", "aarch64-unknown-linux-gnu", armFull)
                                .packaged(), null)));
        // Debian's binutils name the host's own strip x86_64-linux-gnu-strip too
        assertThat(lines).contains("[linux-x64] stripped the binaries for the packages with x86_64-linux-gnu-strip"
                + " (the archives keep them as built)", "[linux-arm64] stripped the binaries for the packages with"
                        + " aarch64-linux-gnu-strip (the archives keep them as built)");
        for (LinuxPackager.Written w : written.stream().filter(w -> w.type().equals("deb")).toList()) {
            Path root = Files.createDirectories(dir.resolve("unpacked/" + w.file().getFileName()));
            run("dpkg-deb", "-x", w.file().toString(), root.toString());
            Path program = root.resolve("usr/bin/tool");
            String sections = run("readelf", "-S", program.toString());
            assertThat(sections).as(w.file().toString()).doesNotContain(".symtab").doesNotContain(".debug_");
            // the program's dynamic symbols stay: it still runs, and rpm's requires are read from them
            assertThat(sections).contains(".dynsym");
            // the .rpm holds the same stripped bytes
            Path rpm = Path.of(w.file().toString().replaceAll("\\.deb$", ".rpm"));
            assertThat(run("rpm", "-qp", "--qf", "[%{FILENAMES} %{FILEDIGESTS}\\n]", rpm.toString()))
                    .contains("/usr/bin/tool " + dev.crossbuild.packaging.Checksums.sha256(program) + "\n");
        }
        Path hostRoot = dir.resolve("unpacked/" + written.get(0).file().getFileName());
        assertThat(run(hostRoot.resolve("usr/bin/tool").toString())).isEqualTo("hi\n");
        assertThat(run("readelf", "-S", hostRoot.resolve("usr/lib/tool/libgreet.so").toString()))
                .doesNotContain(".debug_").contains(".dynsym");
        // the archives' files are not touched
        assertThat(run("readelf", "-S", hostFull.toString())).contains(".symtab");
        if (onPath("lintian")) {
            for (LinuxPackager.Written w : written.stream().filter(w -> w.type().equals("deb")).toList()) {
                String tags = run("lintian", "--no-cfg", "--fail-on", "none", w.file().toString());
                assertThat(tags).doesNotContain("unstripped-binary-or-object")
                        .doesNotContain("extended-description-is-empty");
            }
        }
    }

    @Test
    void withoutAStripProgramTheMessageNamesWhatWasTriedAndTheFix() throws Exception {
        BinaryStrip strip = new BinaryStrip(new dev.crossbuild.process.ProcessRunner(),
                target -> Map.of("PATH", dir.resolve("empty").toString()),
                dev.crossbuild.tools.ToolResolver.forHost(TargetTriple.parse("x86_64-unknown-linux-gnu")));
        TargetSpec arm = new TargetSpec("linux-arm64", TargetTriple.parse("aarch64-unknown-linux-gnu"), null,
                null, "aarch64-linux-gnu-gcc", null, null, null, null, Map.of(), null, List.of(), Map.of());
        assertThatThrownBy(() -> new LinuxPackager(new LinuxPackager.Options(dir.resolve("out"), dir.resolve("work"),
                "tool", TIME, PackageMetadata.resolve(FACTS, PackageSettings.NONE)), new RecordingLog(lines),
                LibraryPackages.NONE, strip).write(List.of(new LinuxPackager.Input(arm,
                        input("linux-arm64", "aarch64-unknown-linux-gnu", armProgram).packaged(), null))))
                .isInstanceOf(dev.crossbuild.core.MachineException.class)
                .hasMessage("target `linux-arm64` (aarch64-unknown-linux-gnu): no strip program for its Linux"
                        + " packages: none of aarch64-linux-gnu-strip, llvm-strip (or another llvm-strip) is on the"
                        + " PATH; install the target's binutils (binutils-aarch64-linux-gnu on Debian) or llvm, or"
                        + " keep the binaries as built with <linuxPackage><strip>false</strip>");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theSameBytesFromAnotherWorkFolderAndTheSameFilesCopiedElsewhere() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("elsewhere/host"));
        Files.copy(hostProgram, copy.resolve("tool"));
        List<LinuxPackager.Written> first = packager(dir.resolve("a"), dir.resolve("a-work"), PackageSettings.NONE)
                .write(List.of(input("linux-x64", "x86_64-unknown-linux-gnu", hostProgram)));
        List<LinuxPackager.Written> second = packager(dir.resolve("b"), dir.resolve("other/b-work"),
                PackageSettings.NONE).write(List.of(input("linux-x64", "x86_64-unknown-linux-gnu",
                        copy.resolve("tool"))));
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.mismatch(first.get(i).file(), second.get(i).file())).as(first.get(i).file().toString())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void aBundledLibraryGoesWhereTheRunpathFindsItAndIsNoDependency() throws Exception {
        require(onPath("dpkg-deb") && onPath("rpm"), "dpkg-deb and rpm are needed");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("tool", linkedProgram);
        files.put("lib/tool/libgreet.so", library);
        List<LinuxPackager.Written> written = packager(dir.resolve("out"), dir.resolve("work"), PackageSettings.NONE)
                .write(List.of(input("linux-x64", "x86_64-unknown-linux-gnu", files)));
        Path deb = written.get(0).file();
        assertThat(run("dpkg-deb", "-c", deb.toString())).contains("-rwxr-xr-x root/root").contains("./usr/bin/tool")
                .contains("-rw-r--r-- root/root").contains("./usr/lib/tool/libgreet.so");
        assertThat(run("dpkg-deb", "-f", deb.toString(), "Depends")).doesNotContain("greet");
        assertThat(run("rpm", "-qpR", written.get(1).file().toString())).doesNotContain("libgreet");
        assertThat(run("rpm", "-qpl", written.get(1).file().toString()).lines().toList()).contains("/usr/lib/tool",
                "/usr/lib/tool/libgreet.so");
        // unpacked, the program finds its library through its own runpath
        Path root = dir.resolve("root");
        run("dpkg-deb", "-x", deb.toString(), root.toString());
        assertThat(run(root.resolve("usr/bin/tool").toString())).isEqualTo("42\n");
    }

    @Test
    void extraFilesWithModesAndConffiles() throws Exception {
        require(onPath("dpkg-deb") && onPath("rpm"), "dpkg-deb and rpm are needed");
        Path conf = Files.writeString(dir.resolve("tool.conf"), "a = 1\n");
        Path unit = Files.writeString(dir.resolve("tool.service"), "[Service]\n");
        PackageSettings settings = new PackageSettings(null, null, null, null, null, null, null, null, null, null,
                null, List.of(new ExtraFile(conf, "/etc/tool/tool.conf", 0640),
                        new ExtraFile(unit, "/usr/lib/systemd/system/tool.service", 0644)));
        List<LinuxPackager.Written> written = packager(dir.resolve("out"), dir.resolve("work"), settings)
                .write(List.of(input("linux-x64", "x86_64-unknown-linux-gnu", hostProgram)));
        Path deb = written.get(0).file();
        assertThat(run("dpkg-deb", "-I", deb.toString(), "conffiles")).isEqualTo("/etc/tool/tool.conf\n");
        assertThat(run("dpkg-deb", "-c", deb.toString())).contains("-rw-r----- root/root").contains(
                "./usr/lib/systemd/system/tool.service");
        assertThat(run("rpm", "-qpc", written.get(1).file().toString())).isEqualTo("/etc/tool/tool.conf\n");
        assertThat(run("rpm", "-qpl", written.get(1).file().toString())).contains("/etc/tool\n");
    }

    @Test
    void everyProblemOfEveryTargetBeforeAnythingIsWritten() throws Exception {
        Path conf = Files.writeString(dir.resolve("x.conf"), "\n");
        PackageSettings settings = new PackageSettings(null, null, null, null, null, null, null, null, null, null,
                null, List.of(new ExtraFile(conf, "etc/x.conf", 0644), new ExtraFile(conf,
                        "/usr/share/doc/tool/copyright", 0644)));
        assertThatThrownBy(() -> packager(dir.resolve("out"), dir.resolve("work"), settings).write(List.of(
                input("linux-x64", "x86_64-unknown-linux-gnu", hostProgram),
                new LinuxPackager.Input(spec("sparc", "sparc64-unknown-linux-gnu"), null, null))))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("package-linux found 3 problems")
                .hasMessageContaining("<linuxPackage><files><file><destination>etc/x.conf</destination> must be an"
                        + " absolute path")
                .hasMessageContaining("<destination>/usr/share/doc/tool/copyright</destination> is given twice, or"
                        + " is a file the package writes itself")
                .hasMessageContaining("target `sparc` (sparc64-unknown-linux-gnu): no Debian package architecture is"
                        + " known for sparc64-unknown-linux-gnu");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aTargetWithoutAProgramIsRefused() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("libgreet.so", library);
        assertThatThrownBy(() -> packager(dir.resolve("out"), dir.resolve("work"), PackageSettings.NONE).write(
                List.of(input("linux-x64", "x86_64-unknown-linux-gnu", files))))
                .hasMessageContaining("target `linux-x64` (x86_64-unknown-linux-gnu): there is no program to"
                        + " package for Linux");
    }

    private LinuxPackager packager(Path out, Path work, PackageSettings settings) throws ProjectException {
        PackageMetadata meta = PackageMetadata.resolve(FACTS, settings);
        return new LinuxPackager(new LinuxPackager.Options(out, work, "tool-1.0.0-SNAPSHOT", TIME, meta),
                new RecordingLog(lines), LibraryPackages.NONE);
    }

    private LinuxPackager.Input input(String id, String triple, Path program) throws Exception {
        return input(id, triple, Map.of("tool", program));
    }

    private LinuxPackager.Input input(String id, String triple, Map<String, Path> files) throws Exception {
        List<ArchiveEntry> entries = new ArrayList<>();
        Map<String, BinaryHeader> headers = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            boolean lib = file.getKey().contains(".so");
            entries.add(new ArchiveEntry(file.getKey(), file.getValue(), true, lib ? "bundled" : "bin"));
            headers.put(file.getKey(), BinaryHeaders.read(file.getValue()).orElseThrow());
        }
        // the record package-arch writes after its audit (the needs are read by the packager where it has none)
        Path archive = Files.writeString(Files.createDirectories(dir.resolve("archives")).resolve(id + ".tar.gz"), id);
        TargetSpec target = spec(id, triple);
        return new LinuxPackager.Input(target, PackagedTarget.of(target, archive, ArchiveFormat.TAR_GZ, "0".repeat(64),
                "tool-" + id, new TargetContents(entries, headers, List.of(), 0, Map.of()), Map.of()), null);
    }

    private static TargetSpec spec(String id, String triple) {
        return new TargetSpec(id, TargetTriple.parse(triple), null, null, null, null, null, null, null, Map.of(), null,
                List.of(), Map.of());
    }

    private Path cc(String compiler, String output, String... args) throws Exception {
        Path out = dir.resolve(output);
        Files.createDirectories(out.getParent());
        List<String> command = new ArrayList<>(List.of(compiler, "-o", out.toString()));
        command.addAll(List.of(args));
        run(dir, command.toArray(String[]::new));
        return out;
    }

    private String run(String... command) throws Exception {
        return run(dir, command);
    }

    private static String run(Path in, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, tool))) {
                return true;
            }
        }
        return false;
    }
}
