package dev.crossbuild.cargotest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Every report is well-formed XML 1.0, whatever a test printed or panicked with. */
class SurefireReportsTest {

    @TempDir
    Path dir;

    @Test
    void everyCharacterXmlForbidsIsReplacedAndTheFileParses() throws Exception {
        List<Character> forbidden = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                forbidden.add(c);
            }
        }
        forbidden.addAll(List.of('\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'));
        for (char c : forbidden) {
            String bad = "before" + c + "after";
            String shown = "before\\u{" + Integer.toHexString(c) + "}after";
            Element failure = failureOf(write("c" + (int) c, bad, "panicked: " + bad, "output ]]> " + bad));
            assertThat(failure.getAttribute("message")).as("U+%04X", (int) c).isEqualTo("panicked: " + shown);
            assertThat(failure.getTextContent()).as("U+%04X", (int) c).isEqualTo("output ]]> " + shown);
            assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo(shown);
        }
    }

    @Test
    void aSurrogateCutFromItsPairIsReplacedAtEitherEnd() throws Exception {
        Element failure = failureOf(write("ends", "t", "\uDC00 low first, high last \uD83D", "\uD83D"));
        assertThat(failure.getAttribute("message")).isEqualTo("\\u{dc00} low first, high last \\u{d83d}");
        assertThat(failure.getTextContent()).isEqualTo("\\u{d83d}");
    }

    @Test
    void whatXmlAllowsSurvives() throws Exception {
        String emoji = "smile \uD83D\uDE00 <&\"'>";
        Element failure = failureOf(write("ok", "tests::" + emoji, emoji, "line one\nline two\r\n\t<b>&amp;</b> ]]>"
                + " \u007F\u0085\uFFFD"));
        assertThat(failure.getAttribute("message")).isEqualTo(emoji);
        // an XML parser reads a carriage return and line feed as one line feed, as it must
        assertThat(failure.getTextContent()).isEqualTo("line one\nline two\n\t<b>&amp;</b> ]]> \u007F\u0085\uFFFD");
        assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("tests::" + emoji);
    }

    @Test
    void theSuiteAndItsPropertiesAreReplacedToo() throws Exception {
        TestSuite suite = new TestSuite("bin\u0007", "unittests \u001b[1msrc/lib.rs", List.of(), true);
        Document document = parse(SurefireReports.write(dir, "linux-x64", "x86_64-unknown-linux-gnu", suite));
        assertThat(document.getDocumentElement().getAttribute("name")).isEqualTo("linux-x64.bin\\u{7}");
        assertThat(document.getElementsByTagName("property").item(2).getAttributes().getNamedItem("value")
                .getNodeValue()).isEqualTo("unittests \\u{1b}[1msrc/lib.rs");
    }

    private Path write(String binary, String name, String message, String output) throws Exception {
        TestCase test = new TestCase(name, TestCase.Status.FAILED, 0.5, message, output);
        return SurefireReports.write(dir, "linux-x64", "x86_64-unknown-linux-gnu",
                new TestSuite(binary, "unittests src/lib.rs", List.of(test), true));
    }

    private static Element failureOf(Path report) throws Exception {
        return (Element) parse(report).getElementsByTagName("failure").item(0);
    }

    /** Parses as CI servers do: a file that is not well-formed fails here. */
    private static Document parse(Path report) throws Exception {
        DocumentBuilder builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(report.toFile());
    }
}
