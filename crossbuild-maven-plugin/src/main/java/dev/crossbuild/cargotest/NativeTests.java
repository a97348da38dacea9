package dev.crossbuild.cargotest;

import dev.crossbuild.core.BuildLog;
import dev.crossbuild.core.CrossbuildException;
import dev.crossbuild.core.MachineException;
import dev.crossbuild.core.ProjectException;
import dev.crossbuild.model.TargetSpec;
import dev.crossbuild.model.WorkLayout;
import dev.crossbuild.nativebuild.NativeBuildSpec;
import dev.crossbuild.nativebuild.tool.ToolDriver;
import dev.crossbuild.process.ProcessResult;
import dev.crossbuild.process.ProcessRunner;
import dev.crossbuild.process.ProcessSpec;
import dev.crossbuild.process.ProcessTimeoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The own tests of native builds with {@code <test>true</test>}: ctest or meson test in the build's output
 * directory, in the target's environment; the runner comes from the generated cross file. Their JUnit XML is
 * read back into the same reports and summary as cargo's tests.
 */
final class NativeTests {

    private NativeTests() {
    }

    static List<TestSuite> run(ProcessRunner runner, BuildLog log, Map<String, String> env, TargetSpec target,
            WorkLayout layout, List<NativeBuildSpec> builds, Duration timeout) throws CrossbuildException {
        List<TestSuite> suites = new ArrayList<>();
        for (NativeBuildSpec build : builds) {
            if (!build.test() || !build.appliesTo(target)) {
                continue;
            }
            Path output = layout.nativeOutput(target.id(), build.id());
            String who = "target `" + target.id() + "`: " + build.describe();
            if (!Files.isDirectory(output)) {
                throw new ProjectException(who + " has <test>true</test> but no output in " + output + "; run"
                        + " build-native first (mvn verify runs it)");
            }
            ToolDriver.TestRun tests = build.tool().driver().tests(output).orElseThrow();
            String prefix = "[" + target.id() + "/" + build.id() + "] ";
            ProcessSpec spec = new ProcessSpec(tests.command(), output, env, null, timeout);
            log.info(prefix + spec.commandLine());
            try {
                Files.deleteIfExists(tests.junit());
                ProcessResult result = runner.run(spec, line -> log.info(prefix + line), line -> log.info(prefix + line));
                if (!Files.isRegularFile(tests.junit())) {
                    throw new ProjectException(who + ": its tests wrote no results (" + tests.junit() + "):\n"
                            + result.describe());
                }
            } catch (ProcessTimeoutException timedOut) {
                throw new ProjectException(who + ": its tests did not finish within " + timedOut.limit()
                        + " (-Dcrossbuild.test.timeout=<minutes>) and were stopped with all their processes");
            } catch (IOException e) {
                throw new MachineException("could not delete " + tests.junit() + ": " + e.getMessage(), e);
            }
            suites.add(new TestSuite("native-" + build.id(), build.describe(), read(tests.junit()), true));
        }
        return suites;
    }

    /** The test cases of a JUnit XML file as ctest and meson write it. */
    static List<TestCase> read(Path junit) throws MachineException {
        List<TestCase> cases = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList testcases = factory.newDocumentBuilder().parse(junit.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < testcases.getLength(); i++) {
                Element testcase = (Element) testcases.item(i);
                double seconds = parse(testcase.getAttribute("time"));
                NodeList failures = testcase.getElementsByTagName("failure");
                NodeList errors = testcase.getElementsByTagName("error");
                String status = testcase.getAttribute("status");
                String output = text(testcase, "system-out");
                if (failures.getLength() > 0 || errors.getLength() > 0) {
                    Element failure = (Element) (failures.getLength() > 0 ? failures.item(0) : errors.item(0));
                    String message = failure.getAttribute("message");
                    cases.add(new TestCase(testcase.getAttribute("name"), TestCase.Status.FAILED, seconds,
                            message.isBlank() ? "failed" : message, output + failure.getTextContent()));
                } else if (testcase.getElementsByTagName("skipped").getLength() > 0 || status.equals("disabled")
                        || status.equals("notrun")) {
                    cases.add(new TestCase(testcase.getAttribute("name"), TestCase.Status.IGNORED, 0, null, null));
                } else {
                    cases.add(new TestCase(testcase.getAttribute("name"), TestCase.Status.PASSED, seconds, null, null));
                }
            }
        } catch (Exception e) {
            throw new MachineException("could not read the test results " + junit + ": " + e.getMessage(), e);
        }
        return cases;
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent() + "\n";
    }

    private static double parse(String seconds) {
        try {
            return seconds.isBlank() ? 0 : Double.parseDouble(seconds);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
