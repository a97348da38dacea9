package dev.crossbuild.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetCfgTest {

    private static final TargetCfg LINUX_ARM = TargetCfg.parse("aarch64-unknown-linux-gnu", """
            panic="unwind"
            target_arch="aarch64"
            target_env="gnu"
            target_family="unix"
            target_os="linux"
            target_pointer_width="64"
            unix
            """);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cfg(unix)                                            | true",
        "cfg(windows)                                         | false",
        "cfg(not(windows))                                    | true",
        "cfg(target_os = \"linux\")                           | true",
        "cfg(target_os=\"macos\")                             | false",
        "cfg(all(unix, target_arch = \"aarch64\"))            | true",
        "cfg(all(unix, target_arch = \"x86_64\"))             | false",
        "cfg(any(windows, target_env = \"gnu\"))              | true",
        "cfg(any())                                           | false",
        "cfg(all())                                           | true",
        "aarch64-unknown-linux-gnu                            | true",
        "x86_64-pc-windows-gnu                                | false",
    })
    void platformsOfDependencyKinds(String platform, boolean applies) {
        assertThat(LINUX_ARM.matches(platform)).as(platform).isEqualTo(applies);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"cfg(unix", "cfg(foo(unix))", "cfg(target_os = linux)"})
    void unreadableExpressionsAreRefused(String platform) {
        assertThatThrownBy(() -> LINUX_ARM.matches(platform)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void everyPlatformWithoutTarget() {
        assertThat(LINUX_ARM.matches(null)).isTrue();
    }
}
