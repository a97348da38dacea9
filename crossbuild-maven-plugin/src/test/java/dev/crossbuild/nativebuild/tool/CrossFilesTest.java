package dev.crossbuild.nativebuild.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.tools.TargetTools;
import dev.crossbuild.tools.ToolCommand;
import dev.crossbuild.tools.ToolResolver;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossFilesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "aarch64-unknown-linux-gnu,   linux,   aarch64, aarch64, little, Linux,   aarch64",
            "x86_64-pc-windows-gnu,       windows, x86_64,  x86_64,  little, Windows, AMD64",
            "aarch64-pc-windows-msvc,     windows, aarch64, aarch64, little, Windows, ARM64",
            "i686-pc-windows-msvc,        windows, x86,     i686,    little, Windows, X86",
            "armv7-unknown-linux-gnueabihf, linux, arm,     armv7,   little, Linux,   armv7",
            "aarch64-apple-darwin,        darwin,  aarch64, aarch64, little, Darwin,  arm64",
            "x86_64-apple-darwin,         darwin,  x86_64,  x86_64,  little, Darwin,  x86_64",
            "riscv64gc-unknown-linux-gnu, linux,   riscv64, riscv64gc, little, Linux, riscv64gc",
            "s390x-unknown-linux-gnu,     linux,   s390x,   s390x,   big,    Linux,   s390x",
            "powerpc64le-unknown-linux-gnu, linux, ppc64,   powerpc64le, little, Linux, powerpc64le",
            "aarch64-linux-android,       android, aarch64, aarch64, little, Android, aarch64",
    })
    void machineFacts(String triple, String system, String cpuFamily, String cpu, String endian, String cmakeSystem,
            String cmakeProcessor) {
        TargetTriple t = TargetTriple.parse(triple);
        assertThat(CrossFiles.mesonSystem(t)).isEqualTo(system);
        assertThat(CrossFiles.mesonCpuFamily(t)).isEqualTo(cpuFamily);
        assertThat(t.arch()).isEqualTo(cpu);
        assertThat(CrossFiles.endian(t)).isEqualTo(endian);
        assertThat(CrossFiles.cmakeSystemName(t)).isEqualTo(cmakeSystem);
        assertThat(CrossFiles.cmakeProcessor(t)).isEqualTo(cmakeProcessor);
    }

    @Test
    void mesonCrossFileForArm64Linux() {
        String text = CrossFiles.mesonCrossFile(TargetTriple.parse("aarch64-unknown-linux-gnu"), tools(
                "aarch64-linux-gnu-gcc", null, "aarch64-linux-gnu-ar", "aarch64-linux-gnu-strip",
                "qemu-aarch64 -cpu max"));
        assertThat(text).contains("""
                [binaries]
                c = ['aarch64-linux-gnu-gcc']
                ar = ['aarch64-linux-gnu-ar']
                strip = ['aarch64-linux-gnu-strip']
                exe_wrapper = ['qemu-aarch64', '-cpu', 'max']

                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'aarch64'
                endian = 'little'
                """).doesNotContain("cpp =");
    }

    @Test
    void mesonStringsAreEscaped() {
        String text = CrossFiles.mesonCrossFile(TargetTriple.parse("x86_64-pc-windows-msvc"), tools(
                "\"C:\\Program Files\\LLVM\\bin\\clang-cl.exe\" /nologo", "\"it's\"", null, null, null));
        assertThat(text).contains("c = ['C:\\\\Program Files\\\\LLVM\\\\bin\\\\clang-cl.exe', '/nologo']")
                .contains("cpp = ['it\\'s']");
    }

    @Test
    void cmakeToolchainFileForWindowsGnu() {
        String text = CrossFiles.cmakeToolchainFile(TargetTriple.parse("x86_64-pc-windows-gnu"), tools(
                "x86_64-w64-mingw32-gcc -static", "x86_64-w64-mingw32-g++", "x86_64-w64-mingw32-ar", null, "wine"));
        assertThat(text).contains("set(CMAKE_SYSTEM_NAME \"Windows\")")
                .contains("set(CMAKE_SYSTEM_PROCESSOR \"AMD64\")")
                .contains("set(CMAKE_C_COMPILER \"x86_64-w64-mingw32-gcc\")")
                .contains("set(CMAKE_C_FLAGS_INIT \"-static\")")
                .contains("set(CMAKE_CXX_COMPILER \"x86_64-w64-mingw32-g++\")")
                .contains("set(CMAKE_AR \"x86_64-w64-mingw32-ar\" CACHE FILEPATH \"archiver\")")
                .contains("set(CMAKE_CROSSCOMPILING_EMULATOR \"wine\")")
                .doesNotContain("CMAKE_STRIP");
    }

    @Test
    void cmakeEmulatorIsAList() {
        String text = CrossFiles.cmakeToolchainFile(TargetTriple.parse("aarch64-unknown-linux-gnu"),
                tools("gcc", null, null, null, "qemu-aarch64 -cpu max"));
        assertThat(text).contains("set(CMAKE_CROSSCOMPILING_EMULATOR \"qemu-aarch64;-cpu;max\")");
    }

    @ParameterizedTest
    @CsvSource({"aarch64-linux-gnu-gcc, aarch64-linux-gnu-", "/opt/x/bin/arm-none-eabi-gcc, /opt/x/bin/arm-none-eabi-",
            "x86_64-w64-mingw32-clang, x86_64-w64-mingw32-", "gcc, ''", "clang-cl, ''", "cc, ''"})
    void gccPrefix(String program, String prefix) {
        assertThat(ToolResolver.gccPrefix(program)).isEqualTo(prefix.isEmpty() ? Optional.empty()
                : Optional.of(prefix));
    }

    @Test
    void mesonNativeFileNamesTheHostCompilersAndKeepsSpacedFlagsOneElement() {
        String text = CrossFiles.mesonNativeFile(tools("cc", "c++", null, null, null),
                java.util.List.of("-ffile-prefix-map=/home/Jane Doe/app=/crossbuild/project"), java.util.List.of());
        assertThat(text).contains("[binaries]\nc = ['cc']\ncpp = ['c++']\n")
                .contains("c_args = ['-ffile-prefix-map=/home/Jane Doe/app=/crossbuild/project']")
                .doesNotContain("host_machine");
    }

    @Test
    void aQuotedCompilerPathWithSpacesStaysOneWord() {
        String text = CrossFiles.cmakeToolchainFile(TargetTriple.parse("aarch64-unknown-linux-gnu"),
                tools("\"/opt/cross tools/bin/aarch64-linux-gnu-gcc\" -O2", null, null, null, null));
        assertThat(text).contains("set(CMAKE_C_COMPILER \"/opt/cross tools/bin/aarch64-linux-gnu-gcc\")")
                .contains("set(CMAKE_C_FLAGS_INIT \"-O2\")");
    }

    static TargetTools tools(String cc, String cxx, String ar, String strip, String runner) {
        return new TargetTools(ToolCommand.parse(cc), ToolCommand.parse(cxx), ToolCommand.parse(ar),
                ToolCommand.parse(strip), Optional.empty(), ToolCommand.parse(runner));
    }
}
