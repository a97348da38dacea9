package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.TargetTriple;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.tool.NativeTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CargoGroupTest {

    private static final WorkLayout LAYOUT = new WorkLayout(Path.of("/p/target"));

    private static TargetSpec target(String id, String triple, String toolchain) {
        return new TargetSpec(id, TargetTriple.parse(triple), toolchain, null, null, null, null, null, null, Map.of(),
                null, List.of(), Map.of());
    }

    private static TargetSpec withEnv(TargetSpec t, Map<String, String> env) {
        return new TargetSpec(t.id(), t.triple(), t.toolchain(), t.rustflags(), null, null, null, null, null, env,
                t.vcvars(), t.vcvarsArgs(), Map.of());
    }

    private static TargetSpec withVcvars(TargetSpec t, String vcvars, List<String> args) {
        return new TargetSpec(t.id(), t.triple(), t.toolchain(), t.rustflags(), null, null, null, null, null, t.env(),
                vcvars, args, Map.of());
    }

    private static final TargetSpec HOST = target("linux-x64", "x86_64-unknown-linux-gnu", "stable");
    private static final TargetSpec ARM = target("linux-arm64", "aarch64-unknown-linux-gnu", "debian");
    private static final TargetSpec WIN = target("windows-x64-gnu", "x86_64-pc-windows-gnu", "debian");
    private static final TargetSpec ARM2 = target("linux-arm64-b", "aarch64-unknown-linux-gnu", "debian");
    private static final TargetSpec X64 = target("vs-x64", "x86_64-pc-windows-msvc", null);
    private static final TargetSpec ARM64 = target("vs-arm64", "aarch64-pc-windows-msvc", null);

    static Stream<Arguments> plans() {
        NativeBuildSpec forArm = new NativeBuildSpec("tray", NativeTool.COMMAND, null, List.of("true"), Map.of(),
                List.of("linux-arm64"));
        NativeBuildSpec forAll = new NativeBuildSpec("all", NativeTool.COMMAND, null, List.of("true"), Map.of(),
                List.of());
        return Stream.of(
                Arguments.of("one toolchain shared by two", List.of(HOST, ARM, WIN), List.of(), true,
                        List.of("linux-x64", "linux-arm64+windows-x64-gnu")),
                Arguments.of("grouping off", List.of(HOST, ARM, WIN), List.of(), false,
                        List.of("linux-x64", "linux-arm64", "windows-x64-gnu")),
                Arguments.of("a native build keeps its target alone", List.of(ARM, WIN), List.of(forArm), true,
                        List.of("linux-arm64", "windows-x64-gnu")),
                Arguments.of("native builds for every target", List.of(ARM, WIN), List.of(forAll), true,
                        List.of("linux-arm64", "windows-x64-gnu")),
                Arguments.of("the same triple twice opens a second group", List.of(ARM, WIN, ARM2), List.of(), true,
                        List.of("linux-arm64+windows-x64-gnu", "linux-arm64-b")),
                Arguments.of("different <env>", List.of(ARM, withEnv(WIN, Map.of("A", "1"))), List.of(), true,
                        List.of("linux-arm64", "windows-x64-gnu")),
                Arguments.of("the same <env>", List.of(withEnv(ARM, Map.of("A", "1")), withEnv(WIN, Map.of("A", "1"))),
                        List.of(), true, List.of("linux-arm64+windows-x64-gnu")),
                Arguments.of("different vcvars scripts", List.of(withVcvars(X64, "x64.bat", List.of()),
                        withVcvars(ARM64, "arm64.bat", List.of())), List.of(), true, List.of("vs-x64", "vs-arm64")),
                Arguments.of("one vcvars script, different arguments", List.of(withVcvars(X64, "vcvarsall.bat",
                        List.of("x64")), withVcvars(ARM64, "vcvarsall.bat", List.of("x64_arm64"))), List.of(), true,
                        List.of("vs-x64", "vs-arm64")),
                Arguments.of("one vcvars script and arguments", List.of(withVcvars(X64, "vcvarsall.bat",
                        List.of("x64")), withVcvars(ARM64, "vcvarsall.bat", List.of("x64"))), List.of(), true,
                        List.of("vs-x64+vs-arm64")),
                Arguments.of("order follows the first member", List.of(ARM, HOST, WIN), List.of(), true,
                        List.of("linux-arm64+windows-x64-gnu", "linux-x64")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void groupsTargetsThatCanShareACargoRun(String name, List<TargetSpec> targets, List<NativeBuildSpec> natives,
            boolean group, List<String> expected) {
        List<CargoGroup> plan = CargoGroup.plan(targets, natives, LAYOUT, group);
        assertThat(plan).extracting(CargoGroup::label).containsExactlyElementsOf(expected);
        for (CargoGroup g : plan) {
            assertThat(g.targetDir()).isEqualTo(g.grouped()
                    ? Path.of("/p/target/crossbuild/groups/" + g.label() + "/cargo")
                    : Path.of("/p/target/crossbuild/targets/" + g.label() + "/cargo"));
        }
    }

    @org.junit.jupiter.api.Test
    void artifactsBelongToTheTargetWhoseTripleFolderHoldsThem() {
        CargoGroup group = CargoGroup.plan(List.of(ARM, WIN), List.of(), LAYOUT, true).get(0);
        String dir = "/p/target/crossbuild/groups/linux-arm64+windows-x64-gnu/cargo/";
        assertThat(group.ownerOf(dir + "aarch64-unknown-linux-gnu/release/hello")).isEqualTo(ARM);
        assertThat(group.ownerOf(dir + "x86_64-pc-windows-gnu/release/hello.exe")).isEqualTo(WIN);
        assertThat(group.ownerOf(dir + "release/deps/libserde_derive-1.so")).isNull();
        assertThat(CargoGroup.of(WIN, List.of(group))).isSameAs(group);
    }
}
