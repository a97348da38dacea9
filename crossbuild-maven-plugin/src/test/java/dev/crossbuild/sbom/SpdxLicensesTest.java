package dev.crossbuild.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxLicensesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "MIT                                          | MIT",
        "mit                                          | MIT",
        "MIT/Apache-2.0                               | MIT OR Apache-2.0",
        "Unlicense/MIT                                | Unlicense OR MIT",
        "MIT OR Apache-2.0                            | MIT OR Apache-2.0",
        "MIT or Apache-2.0                            | MIT OR Apache-2.0",
        "Apache-2.0 WITH LLVM-exception               | Apache-2.0 WITH LLVM-exception",
        "(MIT OR Apache-2.0) AND Unicode-DFS-2016     | (MIT OR Apache-2.0) AND Unicode-DFS-2016",
        "( MIT  OR Apache-2.0 )AND BSD-3-Clause       | (MIT OR Apache-2.0) AND BSD-3-Clause",
        "GPL-2.0+                                     | GPL-2.0+",
        "LicenseRef-Proprietary                       | LicenseRef-Proprietary",
        "DocumentRef-x:LicenseRef-y OR MIT            | DocumentRef-x:LicenseRef-y OR MIT",
        "GPL v2                                       | -",
        "GPL                                          | -",
        "MIT Apache-2.0                               | -",
        "MIT OR                                       | -",
        "OR MIT                                       | -",
        "(MIT OR Apache-2.0                           | -",
        "MIT OR Apache-2.0)                           | -",
        "MIT WITH                                     | -",
        "MIT WITH Not-An-Exception                    | -",
        "Proprietary                                  | -",
        "()                                           | -",
    })
    void expressionsAndNames(String license, String expression) {
        assertThat(SpdxLicenses.expression(license).orElse(null)).as(license).isEqualTo(expression);
    }
}
