package dev.crossbuild.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CargoSelectionTest {

    private static final CargoSelection BASE = new CargoSelection("release", List.of("a", "b"), false, false);

    /** sameAs agrees with the record's own equals on every field, and neither cares how features were written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "release | a,b   | false | false | true",
        "release | b a   | false | false | true",
        "        | a,b   | false | false | true",
        "dev     | a,b   | false | false | false",
        "release | a     | false | false | false",
        "release | a,b,c | false | false | false",
        "release | a,b   | true  | false | false",
        "release | a,b   | false | true  | false",
    })
    void sameAsComparesEveryField(String profile, String features, boolean all, boolean noDefault, boolean same) {
        CargoSelection other = new CargoSelection(profile, List.of(features), all, noDefault);
        assertThat(BASE.sameAs(other)).isEqualTo(same);
        assertThat(BASE.sameAs(other)).isEqualTo(BASE.equals(other));
    }

    @Test
    void nothingIsTheSameAsNull() {
        assertThat(BASE.sameAs(null)).isFalse();
    }
}
