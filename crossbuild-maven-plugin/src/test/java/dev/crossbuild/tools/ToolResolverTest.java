package dev.crossbuild.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which compilers a target uses, for every source of the answer; the host and PATH are arguments. */
class ToolResolverTest {

    private static final TargetTriple HOST = TargetTriple.parse("x86_64-unknown-linux-gnu");
    private static final Set<String> ON_PATH = Set.of("aarch64-linux-gnu-ar", "aarch64-linux-gnu-strip");
    private final ToolResolver resolver = new ToolResolver(HOST, (program, env) -> ON_PATH.contains(program));

    @Test
    void theTargetsOwnElementsComeFirst() {
        TargetSpec target = target("aarch64-unknown-linux-gnu", "\"/opt/x y/aarch64-linux-gnu-gcc\" -O2", null,
                "llvm-ar", null);
        TargetTools tools = resolver.resolve(target, Map.of("CC_aarch64_unknown_linux_gnu", "ignored-gcc"));
        assertThat(tools.cc()).contains(new ToolCommand("/opt/x y/aarch64-linux-gnu-gcc", List.of("-O2")));
        assertThat(tools.ar()).contains(ToolCommand.of("llvm-ar"));
        assertThat(tools.strip()).isEmpty(); // the prefix has a directory: /opt/x y/aarch64-linux-gnu-strip is not on PATH
    }

    @Test
    void aScriptsCompilerAndTheGccPrefixTools() {
        TargetSpec target = target("aarch64-unknown-linux-gnu", null, null, null, null);
        TargetTools tools = resolver.resolve(target, Map.of("CC_aarch64_unknown_linux_gnu", "aarch64-linux-gnu-gcc"));
        assertThat(tools.cc()).contains(ToolCommand.of("aarch64-linux-gnu-gcc"));
        assertThat(tools.ar()).contains(ToolCommand.of("aarch64-linux-gnu-ar"));
        assertThat(tools.strip()).contains(ToolCommand.of("aarch64-linux-gnu-strip"));
        assertThat(tools.cxx()).isEmpty();
    }

    @Test
    void msvcTargetsUseVisualStudiosTools() {
        TargetTools tools = resolver.resolve(target("aarch64-pc-windows-msvc", null, null, null, null), Map.of());
        assertThat(tools.cc()).contains(ToolCommand.of("cl"));
        assertThat(tools.cxx()).contains(ToolCommand.of("cl"));
        assertThat(tools.ar()).contains(ToolCommand.of("lib"));
    }

    @Test
    void onlyTheHostFallsBackToTheEnvironmentOrCc() {
        TargetSpec host = target(HOST.value(), null, null, null, null);
        assertThat(resolver.resolve(host, Map.of()).cc()).isEmpty();
        assertThat(resolver.resolveWithDefaults(host, Map.of()).cc()).contains(ToolCommand.of("cc"));
        assertThat(resolver.resolveWithDefaults(host, Map.of("CC", "ccache gcc")).cc())
                .contains(new ToolCommand("ccache", List.of("gcc")));
        TargetSpec cross = target("aarch64-unknown-linux-gnu", null, null, null, null);
        assertThat(resolver.resolveWithDefaults(cross, Map.of("CC", "gcc")).cc()).isEmpty();
    }

    @Test
    void theLinkerFromTheElementOrTheCapturedVariable() {
        TargetSpec cross = target("aarch64-unknown-linux-gnu", null, null, null, null);
        assertThat(resolver.resolve(cross, Map.of("CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER", "sdk-gcc"))
                .linker()).contains(ToolCommand.of("sdk-gcc"));
        TargetSpec own = target("aarch64-unknown-linux-gnu", null, null, null, "aarch64-linux-gnu-gcc");
        assertThat(resolver.resolve(own, Map.of()).linker()).contains(ToolCommand.of("aarch64-linux-gnu-gcc"));
    }

    @Test
    void aScriptsCcBecomesTheTargetsCompilerAndCrossLinker() {
        TargetSpec cross = target("aarch64-unknown-linux-gnu", null, null, null, null);
        assertThat(resolver.scriptVariables(cross, Map.of("CC", "aarch64-poky-linux-gcc --sysroot=/sdk",
                "AR", "aarch64-poky-linux-ar"))).isEqualTo(Map.of(
                        "CC_aarch64_unknown_linux_gnu", "aarch64-poky-linux-gcc --sysroot=/sdk",
                        "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER", "aarch64-poky-linux-gcc",
                        "AR_aarch64_unknown_linux_gnu", "aarch64-poky-linux-ar"));
        TargetSpec host = target(HOST.value(), null, null, null, null);
        assertThat(resolver.scriptVariables(host, Map.of("CC", "gcc"))).isEqualTo(Map.of(
                "CC_x86_64_unknown_linux_gnu", "gcc"));
        TargetSpec own = target("aarch64-unknown-linux-gnu", "clang", null, null, "lld");
        assertThat(resolver.scriptVariables(own, Map.of("CC", "gcc"))).isEmpty();
    }

    @Test
    void configuredVariablesUseCargosPerTargetNames() {
        TargetSpec target = new TargetSpec("a", TargetTriple.parse("aarch64-unknown-linux-gnu"), null, null,
                "\"/opt/x y/ld\"", "\"/opt/x y/gcc\" -O2", null, null, "qemu-aarch64 -cpu max",
                Map.of(), null, List.of(), Map.of());
        assertThat(ToolResolver.configuredVariables(target)).isEqualTo(Map.of(
                "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER", "/opt/x y/ld",
                "CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER", "qemu-aarch64 -cpu max",
                "CC_aarch64_unknown_linux_gnu", "\"/opt/x y/gcc\" -O2"));
    }

    @Test
    void gccPrefixKeepsTheDirectory() {
        assertThat(ToolResolver.gccPrefix("/opt/x/bin/arm-none-eabi-gcc")).contains("/opt/x/bin/arm-none-eabi-");
        assertThat(ToolResolver.gccPrefix("clang-cl")).isEqualTo(Optional.empty());
    }

    private static TargetSpec target(String triple, String cc, String cxx, String ar, String linker) {
        return new TargetSpec("t", TargetTriple.parse(triple), null, null, linker, cc, cxx, ar, null, Map.of(), null,
                List.of(), Map.of());
    }
}
