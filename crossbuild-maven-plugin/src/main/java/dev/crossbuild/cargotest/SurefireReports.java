package dev.crossbuild.cargotest;

import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ReadableFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one Surefire-format XML file per target and test binary,
 * {@code surefire-reports/TEST-<target id>.<binary>.xml}, the format Jenkins' junit step, GitLab's junit
 * reports and GitHub's test-report actions read.
 */
public final class SurefireReports {

    private SurefireReports() {
    }

    public static Path write(Path directory, String targetId, String triple, TestSuite suite) throws MachineException {
        String suiteName = targetId + "." + suite.binary();
        Path file = directory.resolve("TEST-" + suiteName + ".xml");
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                // the JDK's own writer, not whichever StAX implementation the plugin's class path brings
                // (woodstox, through CycloneDX's Jackson): the reports are the same bytes wherever they are written
                XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", xmlText(suiteName));
                xml.writeAttribute("tests", Integer.toString(suite.cases().size()));
                xml.writeAttribute("failures", Long.toString(suite.count(TestCase.Status.FAILED)));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", Long.toString(suite.count(TestCase.Status.IGNORED)
                        + suite.count(TestCase.Status.NOT_RUN)));
                xml.writeAttribute("time", seconds(suite.seconds()));
                xml.writeCharacters("\n  ");
                xml.writeStartElement("properties");
                property(xml, "crossbuild.target", targetId);
                property(xml, "crossbuild.triple", triple);
                property(xml, "crossbuild.binary", suite.description());
                xml.writeEndElement();
                for (TestCase test : suite.cases()) {
                    xml.writeCharacters("\n  ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute("name", xmlText(test.name()));
                    xml.writeAttribute("classname", xmlText(suiteName));
                    xml.writeAttribute("time", seconds(test.seconds()));
                    if (test.status() == TestCase.Status.FAILED) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", test.message() == null ? "failed" : xmlText(test.message()));
                        xml.writeAttribute("type", "panic");
                        xml.writeCharacters(test.output() == null ? "" : xmlText(test.output()));
                        xml.writeEndElement();
                    } else if (test.status() == TestCase.Status.IGNORED) {
                        xml.writeEmptyElement("skipped");
                    } else if (test.status() == TestCase.Status.NOT_RUN) {
                        xml.writeEmptyElement("skipped");
                        xml.writeAttribute("message", test.message() == null ? "not run" : xmlText(test.message()));
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
            }
            ReadableFiles.makeReadable(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException | XMLStreamException e) {
            throw new MachineException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlText(value));
    }

    /**
     * The text with every character XML 1.0 forbids (C0 controls but tab, line feed and carriage return; lone
     * surrogates; U+FFFE and U+FFFF) written as Rust's {@code Debug} shows it, <code>&#92;u{1b}</code>: a test that
     * prints an ESC or panics with a NUL still gives a file Jenkins and GitLab read, and its reader still sees which
     * character it was. Nothing more is needed: the writer escapes {@code <}, {@code &} and {@code >} (so a
     * {@code ]]>} in the output stays text), and no CDATA is written.
     */
    static String xmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c < 0xFFFE && !Character.isSurrogate(c)) {
                out.append(c);
            } else {
                out.append("\\u{").append(Integer.toHexString(c)).append('}');
            }
        }
        return out.toString();
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
