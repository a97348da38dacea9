package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.maven.pom.NativeBuild;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.tool.NativeTool;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pom-to-core mapping without Maven: fields are set as Maven sets them (by reflection, an empty element
 * as null), and every empty element ends in a configuration error naming it, never a NullPointerException.
 */
class EdgeMappingTest {

    @TempDir
    Path project;

    @Test
    void aFullTargetMapsEveryElement() throws Exception {
        Target target = target("id", "linux-arm64", "triple", " aarch64-unknown-linux-gnu ", "toolchain", "debian",
                "rustflags", "-C target-cpu=cortex-a72", "linker", "aarch64-linux-gnu-gcc", "cc", "aarch64-linux-gnu-gcc",
                "cxx", "aarch64-linux-gnu-g++", "ar", "aarch64-linux-gnu-ar", "runner", "qemu-aarch64",
                "vcvars", "sdk/env.sh", "vcvarsArgs", List.of("x64_arm64"), "env", Map.of("A", "1"),
                "properties", Map.of("flags", "-O2"), "testArgs", List.of("--test-threads=1"),
                "allowedLibraries", List.of("libGL.so.1"), "glibc", "2.17", "macosMin", " 11.0 ");
        TargetSpec spec = target.toSpec(1);
        assertThat(spec).isEqualTo(new TargetSpec("linux-arm64",
                dev.crossbuild.model.TargetTriple.parse("aarch64-unknown-linux-gnu"), "debian",
                "-C target-cpu=cortex-a72", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-g++",
                "aarch64-linux-gnu-ar", "qemu-aarch64", Map.of("A", "1"), "sdk/env.sh", List.of("x64_arm64"),
                Map.of("flags", "-O2"), List.of("--test-threads=1"), List.of("libGL.so.1"), "2.17", "11.0"));
    }

    @Test
    void defaultsOfAMinimalTarget() throws Exception {
        TargetSpec spec = target("id", "a", "triple", "x86_64-unknown-linux-gnu", "toolchain", "  ").toSpec(1);
        assertThat(spec.toolchain()).isNull();
        assertThat(spec.env()).isEmpty();
        assertThat(spec.vcvarsArgs()).isEmpty();
        assertThat(spec.properties()).isEmpty();
    }

    @Test
    void emptyTargetElementsAreNamed() throws Exception {
        assertError(target("id", "a"), "<targets><target> number 1 (`a`) has no <triple>");
        assertError(target("id", "a", "triple", "   "), "<targets><target> number 1 (`a`) has no <triple>");
        assertError(target("id", "a", "triple", "x86_64"), "<targets><target> number 1 (`a`): <triple>:");
        assertError(target("id", "a", "triple", "x86_64-pc-windows-msvc", "vcvarsArgs", listWithNull("x64", null)),
                "<targets><target> number 1 (`a`): <vcvarsArgs> entry number 2 is empty");
        assertError(target("id", "a", "triple", "x86_64-pc-windows-msvc", "env", mapWithNull("FOO")),
                "<targets><target> number 1 (`a`): <env><FOO/> is empty");
        assertError(target("id", "a", "triple", "x86_64-pc-windows-msvc", "properties", mapWithNull("flags")),
                "<properties><flags/> is empty");
        assertError(target("id", "a", "triple", "x86_64-pc-windows-msvc", "testArgs", listWithNull((String) null)),
                "<testArgs> entry number 1 is empty");
        assertError(target("id", "a", "triple", "x86_64-unknown-linux-gnu", "glibc", "latest"),
                "<glibc>latest</glibc> is not a version such as 2.17");
        // an empty <glibc></glibc> (an unset property) means no limit
        assertThat(target("id", "a", "triple", "x86_64-unknown-linux-gnu", "glibc", "").toSpec(1).glibc()).isNull();
        // an empty <id/> is caught by the matrix, which names the triple
        assertThat(target("triple", "x86_64-unknown-linux-gnu").toSpec(3).id()).isNull();
    }

    @Test
    void aFullNativeBuildMapsEveryElement() throws Exception {
        Files.createDirectories(project.resolve("tray"));
        NativeBuildSpec spec = nativeBuild("id", "tray", "tool", "MAKE", "directory", new File("tray"),
                "args", List.of("zt_lib"), "env", Map.of("A", "@{triple}"), "targets", List.of("linux-x64"))
                .toSpec(1, project);
        assertThat(spec).isEqualTo(new NativeBuildSpec("tray", NativeTool.MAKE, project.resolve("tray"),
                List.of("zt_lib"), Map.of("A", "@{triple}"), List.of("linux-x64")));
        NativeBuildSpec command = nativeBuild("id", "gen", "tool", "command", "args", List.of("sh", "gen.sh"))
                .toSpec(1, project);
        assertThat(command.directory()).isNull();
        assertThat(nativeBuild("id", "whole", "tool", "make").toSpec(1, project).directory()).isEqualTo(project);
    }

    @Test
    void emptyNativeBuildElementsAreNamed() throws Exception {
        Files.createDirectories(project.resolve("tray"));
        assertError(nativeBuild("tool", "make"), "<nativeBuilds><nativeBuild> number 1 needs an <id>");
        assertError(nativeBuild("id", " ", "tool", "make"), "<nativeBuilds><nativeBuild> number 1 needs an <id>");
        assertError(nativeBuild("id", "tray"), "<nativeBuild> number 1 (`tray`): <tool></tool> is not one of make,"
                + " meson, cmake, command");
        assertError(nativeBuild("id", "tray", "tool", "make", "directory", new File("tray"),
                "args", listWithNull("all", null)), "(`tray`): <args> entry number 2 is empty");
        assertError(nativeBuild("id", "tray", "tool", "make", "directory", new File("tray"),
                "args", listWithNull("")), "(`tray`): <args> entry number 1 is empty");
        assertError(nativeBuild("id", "tray", "tool", "make", "directory", new File("tray"),
                "env", mapWithNull("TOKEN")), "(`tray`): <env><TOKEN/> is empty");
        assertError(nativeBuild("id", "tray", "tool", "make", "directory", new File("tray"),
                "targets", listWithNull((String) null)), "(`tray`): <targets> entry number 1 is empty");
        assertError(nativeBuild("id", "gen", "tool", "command"), "(`gen`): <tool>command</tool> has no <args>");
        assertError(nativeBuild("id", "tray", "tool", "meson", "directory", new File("missing")),
                "(`tray`): <directory>" + project.resolve("missing") + "</directory> is not a directory");
    }

    private void assertError(Object element, String message) {
        assertThatThrownBy(() -> {
            if (element instanceof Target t) {
                t.toSpec(1);
            } else {
                ((NativeBuild) element).toSpec(1, project);
            }
        }).isInstanceOf(ProjectException.class).hasMessageContaining(message);
    }

    @Test
    void aLinuxPackageMapsEveryElementAndResolvesFilesAgainstTheProject() throws Exception {
        LinuxPackageFile conf = fill(new LinuxPackageFile(), "source", " conf/tool.toml ", "destination",
                "/etc/tool/tool.toml", "mode", "0640");
        LinuxPackageFile plain = fill(new LinuxPackageFile(), "source", "README", "destination", "/usr/share/doc/x");
        LinuxPackage config = fill(new LinuxPackage(), "name", "tool", "version", "2.0", "release", "3", "maintainer",
                "A <a@example.org>", "summary", "s", "description", "d", "license", "MIT", "homepage", "h",
                "section", "utils", "depends", List.of("libssl3"), "requires", List.of("libssl.so.3()(64bit)"),
                "files", List.of(conf, plain));
        dev.crossbuild.linuxpkg.PackageSettings settings = LinuxPackage.toSettings(config, project);
        assertThat(settings).isEqualTo(new dev.crossbuild.linuxpkg.PackageSettings("tool", "2.0", "3",
                "A <a@example.org>", "s", "d", "MIT", "h", "utils", List.of("libssl3"), List.of("libssl.so.3()(64bit)"),
                List.of(new dev.crossbuild.linuxpkg.ExtraFile(project.resolve("conf/tool.toml"), "/etc/tool/tool.toml",
                        0640), new dev.crossbuild.linuxpkg.ExtraFile(project.resolve("README"), "/usr/share/doc/x",
                        0644))));
        assertThat(LinuxPackage.toSettings(null, project)).isEqualTo(dev.crossbuild.linuxpkg.PackageSettings.NONE);
    }

    @Test
    void emptyLinuxPackageElementsAreNamed() throws Exception {
        assertThatThrownBy(() -> LinuxPackage.toSettings(fill(new LinuxPackage(), "depends", listWithNull("a", null)),
                project)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("<linuxPackage>: <depends> entry number 2 is empty");
        List<LinuxPackageFile> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> LinuxPackage.toSettings(fill(new LinuxPackage(), "files", withNull), project))
                .hasMessageContaining("<linuxPackage><files> entry number 1 is empty");
        assertThatThrownBy(() -> LinuxPackage.toSettings(fill(new LinuxPackage(), "files", List.of(fill(
                new LinuxPackageFile(), "destination", "/etc/x"))), project))
                .hasMessageContaining("<linuxPackage><files><file> number 1 has no <source>");
        assertThatThrownBy(() -> LinuxPackage.toSettings(fill(new LinuxPackage(), "files", List.of(fill(
                new LinuxPackageFile(), "source", "x.conf"))), project))
                .hasMessageContaining("<linuxPackage><files><file> number 1 (x.conf) has no <destination>");
        assertThatThrownBy(() -> LinuxPackage.toSettings(fill(new LinuxPackage(), "files", List.of(fill(
                new LinuxPackageFile(), "source", "x.conf", "destination", "/etc/x.conf", "mode", "rw-r--r--"))),
                project)).hasMessageContaining("<mode>rw-r--r--</mode> is not an octal mode such as 0644 or 0755");
    }

    private static List<String> listWithNull(String... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static Map<String, String> mapWithNull(String key) {
        Map<String, String> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    private static Target target(Object... fieldsAndValues) throws Exception {
        return fill(new Target(), fieldsAndValues);
    }

    private static NativeBuild nativeBuild(Object... fieldsAndValues) throws Exception {
        return fill(new NativeBuild(), fieldsAndValues);
    }

    /** As Maven does: straight into the fields. */
    private static <T> T fill(T object, Object... fieldsAndValues) throws Exception {
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Field field = object.getClass().getDeclaredField((String) fieldsAndValues[i]);
            field.setAccessible(true);
            field.set(object, fieldsAndValues[i + 1]);
        }
        return object;
    }
}
