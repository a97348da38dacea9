package dev.crossbuild.zig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code <zig>}: unset is zig on PATH; a file or a folder holding zig is taken by its absolute path; else refused. */
class ZigProgramTest {

    @TempDir
    static Path dir;

    private static final String FIX = "; point <zig> (-Dcrossbuild.zig) at the zig executable or the folder holding"
            + " it, or leave it empty to use zig from PATH";

    private static void executable(Path file, boolean runnable) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\necho 0.11.0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(runnable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    static Stream<Arguments> values() throws Exception {
        executable(dir.resolve("zig-linux-x86_64-0.11.0/zig"), true);
        executable(dir.resolve("bin/zig-0.11"), true);
        executable(dir.resolve("plain/zig"), false);
        Files.createDirectories(dir.resolve("empty"));
        return Stream.of(
                Arguments.of(null, "zig", false, null),
                Arguments.of("  ", "zig", false, null),
                Arguments.of("zig-linux-x86_64-0.11.0", dir.resolve("zig-linux-x86_64-0.11.0/zig").toString(), true,
                        null),
                Arguments.of(dir.resolve("zig-linux-x86_64-0.11.0/zig").toString(),
                        dir.resolve("zig-linux-x86_64-0.11.0/zig").toString(), true, null),
                Arguments.of("bin/../bin/zig-0.11", dir.resolve("bin/zig-0.11").toString(), true, null),
                Arguments.of("missing/zig", null, false, "<zig> (-Dcrossbuild.zig) " + dir.resolve("missing/zig")
                        + " does not exist" + FIX),
                Arguments.of("empty", null, false, "<zig> (-Dcrossbuild.zig) " + dir.resolve("empty")
                        + " is a folder without zig" + FIX),
                Arguments.of("plain/zig", null, false, "<zig> (-Dcrossbuild.zig) " + dir.resolve("plain/zig")
                        + " is not an executable file" + FIX));
    }

    @ParameterizedTest(name = "<zig>{0}</zig>")
    @MethodSource("values")
    void configuredZig(String value, String command, boolean configured, String problem) throws Exception {
        if (problem != null) {
            assertThatThrownBy(() -> ZigProgram.of(value, dir)).isInstanceOf(ProjectException.class)
                    .hasMessage(problem);
            return;
        }
        ZigProgram zig = ZigProgram.of(value, dir);
        assertThat(zig.command()).isEqualTo(command);
        assertThat(zig.configured()).isEqualTo(configured);
    }

    @Test
    void messagesNameWhichZig() {
        assertThat(ZigProgram.ON_PATH.describe()).isEqualTo("zig on PATH");
        assertThat(new ZigProgram("/opt/zig/zig", true).describe()).isEqualTo("<zig> (-Dcrossbuild.zig) /opt/zig/zig");
    }
}
