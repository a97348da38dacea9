package dev.crossbuild.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotsTest {

    @Test
    void cmdSetOutputSplitsAtTheFirstEqualsAndSkipsHiddenDriveEntries() {
        String text = "=C:=C:\\work\r\n=ExitCode=00000000\r\nALLUSERSPROFILE=C:\\ProgramData\r\n"
                + "Path=C:\\VS\\bin;C:\\windows\r\nODD=a=b=c%d&e!f^g\r\nEMPTYLINE\r\n\r\nINCLUDE=\r\n";
        Map<String, String> env = Snapshots.parseCmdSet(text);
        assertThat(env).containsExactly(Map.entry("ALLUSERSPROFILE", "C:\\ProgramData"),
                Map.entry("Path", "C:\\VS\\bin;C:\\windows"), Map.entry("ODD", "a=b=c%d&e!f^g"),
                Map.entry("INCLUDE", ""));
    }

    @Test
    void nulSeparatedEntriesMayHoldNewlines() {
        Map<String, String> env = Snapshots.parseNulSeparated("A=1\0MULTI=line one\nline=two\0EMPTY=\0");
        assertThat(env).containsExactly(Map.entry("A", "1"), Map.entry("MULTI", "line one\nline=two"),
                Map.entry("EMPTY", ""));
    }

    @Test
    void cmdOutputInUtf16IsDecodedAndOtherTextIsNot() {
        String text = "NAME=Zürich ÄÖ €\r\n";
        assertThat(Snapshots.decodeCmdOutput(text.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(text);
        assertThat(Snapshots.decodeCmdOutput("plain ascii\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("plain ascii\r\n");
    }
}
