package dev.crossbuild.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aarch64-linux-gnu-gcc|aarch64-linux-gnu-gcc|",
            "  ccache  clang --target=aarch64-linux-gnu |ccache|clang;--target=aarch64-linux-gnu",
            "\"/opt/cross tools/bin/gcc\" -O2|/opt/cross tools/bin/gcc|-O2",
            "'C:\\Program Files\\LLVM\\bin\\clang-cl.exe' /nologo|C:\\Program Files\\LLVM\\bin\\clang-cl.exe|/nologo",
            "qemu-aarch64 -cpu max|qemu-aarch64|-cpu;max",
            "gcc \"-DNAME=a b\"|gcc|-DNAME=a b"})
    void parsesProgramAndArguments(String text, String program, String args) {
        ToolCommand tool = ToolCommand.parse(text).orElseThrow();
        assertThat(tool.program()).isEqualTo(program);
        assertThat(tool.args()).isEqualTo(args == null ? List.of() : List.of(args.split(";")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '"})
    void blankIsNoTool(String text) {
        assertThat(ToolCommand.parse(text)).isEmpty();
        assertThat(ToolCommand.parse(null)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ccache gcc|ccache gcc|ccache",
            "\"/opt/cross tools/bin/gcc\" -O2|\"/opt/cross tools/bin/gcc\" -O2|gcc",
            "C:\\LLVM\\bin\\clang-cl.exe|C:\\LLVM\\bin\\clang-cl.exe|clang-cl.exe"})
    void commandLineQuotesOnlyWordsWithSpaces(String text, String line, String name) {
        ToolCommand tool = ToolCommand.parse(text).orElseThrow();
        assertThat(tool.commandLine()).isEqualTo(line);
        assertThat(ToolCommand.parse(tool.commandLine())).contains(tool);
        assertThat(tool.programName()).isEqualTo(name);
    }
}
