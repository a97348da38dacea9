package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import java.lang.reflect.Field;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code <linker>zig</linker>} and {@code <buildStd>} from the pom to the core, and the pom errors they bring. */
class ZigTargetMappingTest {

    @Test
    void zigAndBuildStdReachTheSpec() throws Exception {
        TargetSpec spec = target("id", "mac", "triple", "aarch64-apple-darwin", "linker", " zig ", "buildStd", true)
                .toSpec(1);
        assertThat(spec.zigLinker()).isTrue();
        assertThat(spec.buildStd()).isTrue();
        TargetSpec plain = target("id", "arm", "triple", "aarch64-unknown-linux-gnu", "linker", "aarch64-linux-gnu-gcc")
                .toSpec(2);
        assertThat(plain.zigLinker()).isFalse();
        assertThat(plain.buildStd()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cc", "cxx", "ar"})
    void zigIsTheCompilerSoACompilerBesideItIsAPomError(String element) throws Exception {
        Target target = target("id", "mac", "triple", "aarch64-apple-darwin", "linker", "zig", element, "clang");
        assertThatThrownBy(() -> target.toSpec(3)).isInstanceOf(ProjectException.class).hasMessage(
                "<targets><target> number 3 (`mac`): <" + element + "> and <linker>zig</linker> together; with zig"
                        + " the plugin's zig wrapper is the target's C compiler, C++ compiler and archiver: remove <"
                        + element + "> or name another <linker>");
    }

    private static Target target(Object... fieldsAndValues) throws Exception {
        Target target = new Target();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Field field = Target.class.getDeclaredField((String) fieldsAndValues[i]);
            field.setAccessible(true);
            field.set(target, fieldsAndValues[i + 1]);
        }
        return target;
    }
}
