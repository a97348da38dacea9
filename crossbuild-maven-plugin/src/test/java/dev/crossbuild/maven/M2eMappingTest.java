package dev.crossbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Eclipse's m2e mapping shipped in the plugin JAR covers every goal the plugin has (the descriptor that
 * maven-plugin-plugin generated from the mojos), each once: the goals before {@code test} run on a full
 * workspace build, the others are left to the command line.
 */
class M2eMappingTest {

    private static final List<String> BUILD_PHASES = List.of("validate", "generate-sources", "compile");

    @Test
    void everyGoalIsMappedOnceAndTheBuildGoalsRun() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        assertThat(descriptor).as("the plugin descriptor (generated in process-classes)").exists();
        Map<String, String> phaseOfGoal = new TreeMap<>();
        NodeList mojos = parse(descriptor).getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String phase = childText(mojo, "phase");
            phaseOfGoal.put(childText(mojo, "goal"), phase == null ? "" : phase);
        }
        assertThat(phaseOfGoal).containsKeys("cargo-build", "package-arch", "help");

        Document mapping = parse(Path.of("src/main/resources/META-INF/m2e/lifecycle-mapping-metadata.xml"));
        Map<String, String> actionOfGoal = new TreeMap<>();
        List<String> mappedTwice = new ArrayList<>();
        NodeList executions = mapping.getElementsByTagName("pluginExecution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            Element action = (Element) execution.getElementsByTagName("action").item(0);
            String kind = action.getElementsByTagName("execute").getLength() > 0 ? "execute" : "ignore";
            NodeList goals = execution.getElementsByTagName("goal");
            for (int g = 0; g < goals.getLength(); g++) {
                if (actionOfGoal.put(goals.item(g).getTextContent().strip(), kind) != null) {
                    mappedTwice.add(goals.item(g).getTextContent());
                }
            }
        }
        assertThat(mappedTwice).isEmpty();
        assertThat(actionOfGoal.keySet()).isEqualTo(phaseOfGoal.keySet());
        phaseOfGoal.forEach((goal, phase) -> assertThat(actionOfGoal.get(goal))
                .as("m2e action of %s (phase %s)", goal, phase)
                .isEqualTo(BUILD_PHASES.contains(phase) ? "execute" : "ignore"));
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(Files.newInputStream(file));
    }

    private static String childText(Element parent, String name) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
