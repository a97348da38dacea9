package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CargoVariablesTest {

    @Test
    void usesPerTargetNamesSoHostBuildScriptsNeverSeeThem() {
        TargetSpec target = new TargetSpec("windows-arm64", TargetTriple.parse("aarch64-pc-windows-msvc"), null,
                "-C target-feature=+crt-static", "lld-link", "clang", "clang++", "llvm-lib", null, Map.of(), null,
                List.of(), Map.of());
        assertThat(CargoVariables.forTarget(target)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CARGO_TARGET_AARCH64_PC_WINDOWS_MSVC_LINKER", "lld-link",
                "CC_aarch64_pc_windows_msvc", "clang",
                "CXX_aarch64_pc_windows_msvc", "clang++",
                "AR_aarch64_pc_windows_msvc", "llvm-lib"));
    }

    @Test
    void setsNothingForAnUnconfiguredTarget() {
        assertThat(CargoVariables.forTarget(TargetSpec.host(TargetTriple.parse("x86_64-unknown-linux-gnu"))))
                .isEmpty();
    }
}
