package dev.crossbuild.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JNI's names, table by table; {@code JniLinkCheckTest} also holds them against the headers javac writes. */
class JniSymbolsTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("com.example.Hello", "greet", "(Ljava/lang/String;)V", "Java_com_example_Hello_greet",
                        "Java_com_example_Hello_greet__Ljava_lang_String_2"),
                Arguments.of("com/example/Hello", "greet", "(Ljava/lang/String;)V", "Java_com_example_Hello_greet",
                        "Java_com_example_Hello_greet__Ljava_lang_String_2"),
                Arguments.of("Top", "run", "()V", "Java_Top_run", "Java_Top_run__"),
                Arguments.of("a.b.Outer$Inner", "answer", "()I", "Java_a_b_Outer_00024Inner_answer",
                        "Java_a_b_Outer_00024Inner_answer__"),
                Arguments.of("my_pkg.My_Class", "do_it", "(I[J)V", "Java_my_1pkg_My_1Class_do_1it",
                        "Java_my_1pkg_My_1Class_do_1it__I_3J"),
                Arguments.of("p.Q", "m", "([Ljava/lang/String;[[I)V", "Java_p_Q_m",
                        "Java_p_Q_m___3Ljava_lang_String_2_3_3I"),
                Arguments.of("p.Q", "m", "(ZBCSIJFD)V", "Java_p_Q_m", "Java_p_Q_m__ZBCSIJFD"),
                Arguments.of("p.Q", "m", "(Ljava/util/Map$Entry;)V", "Java_p_Q_m",
                        "Java_p_Q_m__Ljava_util_Map_00024Entry_2"),
                // non-ASCII: each UTF-16 code unit as _0 and four lowercase hex digits
                Arguments.of("p.Grüße", "größe", "()I", "Java_p_Gr_000fc_000dfe_gr_000f6_000dfe",
                        "Java_p_Gr_000fc_000dfe_gr_000f6_000dfe__"),
                Arguments.of("p.Ω", "ÉTÉ", "()V", "Java_p__003a9__000c9T_000c9", "Java_p__003a9__000c9T_000c9__"),
                // a character beyond the BMP is two surrogates
                Arguments.of("p.Q", "\uD835\uDD18", "()V", "Java_p_Q__0d835_0dd18", "Java_p_Q__0d835_0dd18__"),
                Arguments.of("p.Q", "lambda$main$0", "()V", "Java_p_Q_lambda_00024main_000240",
                        "Java_p_Q_lambda_00024main_000240__"),
                Arguments.of("p.Q", "m", "(Lp/Ü;)V", "Java_p_Q_m", "Java_p_Q_m__Lp__000dc_2"));
    }

    @ParameterizedTest(name = "{0}.{1}{2}")
    @MethodSource("names")
    void shortAndLongNames(String className, String method, String descriptor, String shortName, String longName) {
        assertThat(JniSymbols.shortName(className, method)).isEqualTo(shortName);
        assertThat(JniSymbols.longName(className, method, descriptor)).isEqualTo(longName);
    }

    static Stream<Arguments> stdcall() {
        return Stream.of(
                Arguments.of("()V", 8),
                Arguments.of("(I)I", 12),
                Arguments.of("(Ljava/lang/String;)V", 12),
                Arguments.of("(JJ)J", 24),
                Arguments.of("(IJD[J)V", 32),
                Arguments.of("([[Ljava/lang/Object;F)V", 16));
    }

    @ParameterizedTest(name = "{0} takes {1} bytes")
    @MethodSource("stdcall")
    void stdcallDecorations(String descriptor, int bytes) {
        assertThat(JniSymbols.stdcallBytes(descriptor)).isEqualTo(bytes);
        assertThat(JniSymbols.stdcall("Java_p_Q_m", descriptor)).isEqualTo("_Java_p_Q_m@" + bytes);
    }

    static Stream<Arguments> signatures() {
        return Stream.of(
                Arguments.of("com.example.Hello", "greet", "(Ljava/lang/String;)V", "com.example.Hello.greet(String)"),
                Arguments.of("a.b.Outer$Inner", "run", "()V", "a.b.Outer$Inner.run()"),
                Arguments.of("p.Q", "m", "(I[J[[Ljava/util/Map$Entry;Z)J",
                        "p.Q.m(int, long[], Map.Entry[][], boolean)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("signatures")
    void javaSignatures(String className, String method, String descriptor, String java) {
        assertThat(JniSymbols.javaSignature(className, method, descriptor)).isEqualTo(java);
    }

    @Test
    void refusesWhatIsNoMethodDescriptor() {
        assertThatThrownBy(() -> JniSymbols.longName("p.Q", "m", "I")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a method descriptor: I");
        assertThatThrownBy(() -> JniSymbols.stdcallBytes("(Ljava/lang/String)V"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
