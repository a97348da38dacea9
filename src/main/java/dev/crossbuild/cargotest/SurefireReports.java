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
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", suiteName);
                xml.writeAttribute("tests", Integer.toString(suite.cases().size()));
                xml.writeAttribute("failures", Long.toString(suite.count(TestCase.Status.FAILED)));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", Long.toString(suite.count(TestCase.Status.IGNORED)));
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
                    xml.writeAttribute("name", test.name());
                    xml.writeAttribute("classname", suiteName);
                    xml.writeAttribute("time", seconds(test.seconds()));
                    if (test.status() == TestCase.Status.FAILED) {
                        xml.writeStartElement("failure");
                        xml.writeAttribute("message", test.message() == null ? "failed" : test.message());
                        xml.writeAttribute("type", "panic");
                        xml.writeCharacters(test.output() == null ? "" : test.output());
                        xml.writeEndElement();
                    } else if (test.status() == TestCase.Status.IGNORED) {
                        xml.writeEmptyElement("skipped");
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
        xml.writeAttribute("value", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
