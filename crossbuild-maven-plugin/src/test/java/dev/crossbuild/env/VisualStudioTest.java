package dev.crossbuild.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisualStudioTest {

    @ParameterizedTest(name = "host {0}, target {1} -> {2}")
    @CsvSource({
            "x86_64, x86_64, amd64",
            "x86_64, x86, amd64_x86",
            "x86_64, aarch64, amd64_arm64",
            "x86_64, arm, amd64_arm",
            "aarch64, aarch64, arm64",
            "aarch64, x86_64, arm64_amd64",
            "aarch64, x86, arm64_x86",
            "x86, x86, x86",
            "x86, x86_64, x86_amd64",
            "x86, aarch64, x86_arm64",
    })
    void vcvarsallArgumentFollowsHostAndTarget(String host, String target, String expected) {
        assertThat(VisualStudio.vcvarsallArgument(host, target)).contains(expected);
    }

    @ParameterizedTest(name = "host {0}, target {1} has no vcvarsall argument")
    @CsvSource({"riscv64gc, x86_64", "x86_64, riscv64gc", "arm, arm", "x86_64, wasm32"})
    void unknownArchitecturesHaveNoArgument(String host, String target) {
        assertThat(VisualStudio.vcvarsallArgument(host, target)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "x86_64, x64, Microsoft.VisualStudio.Component.VC.Tools.x86.x64",
            "x86, x86, Microsoft.VisualStudio.Component.VC.Tools.x86.x64",
            "aarch64, arm64, Microsoft.VisualStudio.Component.VC.Tools.ARM64",
            "arm, arm, Microsoft.VisualStudio.Component.VC.Tools.ARM",
    })
    void targetArchVariableAndComponent(String arch, String variable, String component) {
        assertThat(VisualStudio.targetArchVariable(arch)).contains(variable);
        assertThat(VisualStudio.component(arch)).contains(component);
    }

    @Test
    void vswhereIsAskedForJsonInUtf8IncludingBuildTools() {
        assertThat(VisualStudio.vswhereArguments("X")).containsExactly("-utf8", "-format", "json", "-products", "*",
                "-requires", "X");
    }

    @Test
    void buildToolsOnly() throws IOException {
        List<VisualStudio.Instance> instances = VisualStudio.parseInstances(recorded("build-tools-only.json"));
        assertThat(instances).hasSize(1);
        VisualStudio.Instance only = VisualStudio.newest(instances).orElseThrow();
        assertThat(only.productId()).isEqualTo("Microsoft.VisualStudio.Product.BuildTools");
        assertThat(only.scriptsFolder()).isEqualTo(
                "C:\\Program Files (x86)\\Microsoft Visual Studio\\2019\\BuildTools\\VC\\Auxiliary\\Build");
        assertThat(only.prerelease()).isFalse();
    }

    @Test
    void newestReleaseWinsOverOlderOnesAndOverPrereleases() throws IOException {
        List<VisualStudio.Instance> instances = VisualStudio.parseInstances(recorded("several-with-prerelease.json"));
        assertThat(instances).hasSize(4);
        // 17.9.34607.119 > 17.9.34607.9 numerically (not as text), and the 17.10 preview is a prerelease
        assertThat(VisualStudio.newest(instances)).map(VisualStudio.Instance::displayName)
                .contains("Visual Studio Community 2022");
    }

    @Test
    void aPrereleaseIsUsedWhenItIsTheOnlyOne() throws IOException {
        assertThat(VisualStudio.newest(VisualStudio.parseInstances(recorded("prerelease-only.json"))))
                .map(VisualStudio.Instance::installationVersion).contains("18.0.11010.1");
    }

    @Test
    void nonAsciiPathsSurvive() throws IOException {
        VisualStudio.Instance instance = VisualStudio.newest(VisualStudio.parseInstances(
                recorded("non-ascii-path.json"))).orElseThrow();
        assertThat(instance.scriptsFolder()).isEqualTo("C:\\Users\\Zoë Müller\\Entwicklung\\Microsoft Visual Studio"
                + "\\2022\\Gemeinschaft — Ünïcode\\VC\\Auxiliary\\Build");
    }

    @Test
    void noInstanceWithTheComponent() throws IOException {
        assertThat(VisualStudio.newest(VisualStudio.parseInstances(recorded("none.json")))).isEmpty();
        assertThat(VisualStudio.parseInstances("")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"vcvarsall.bat, true", "vcvarsamd64_arm64.bat, true", "VCVARS64.BAT, true",
            "env/vcvarsall.bat, false", "C:\\VS\\vcvars64.bat, false", "setup.sh, false", "auto, false"})
    void bareScriptNames(String value, boolean bare) {
        assertThat(VisualStudio.isBareScriptName(value)).isEqualTo(bare);
    }

    private static String recorded(String name) throws IOException {
        try (InputStream in = VisualStudioTest.class.getResourceAsStream("/vswhere/" + name)) {
            return new String(Optional.ofNullable(in).orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
