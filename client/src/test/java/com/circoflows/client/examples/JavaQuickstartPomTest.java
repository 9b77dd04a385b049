package com.circoflows.client.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.quickstart.Quickstart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a merchant runs is what JavaQuickstartIT runs: the quickstart's own pom asks for this build's
 * client version and starts the class the IT calls.
 */
class JavaQuickstartPomTest {
    private static final Path CLIENT_POM = Path.of("pom.xml");
    private static final Path QUICKSTART_POM = ExamplesFolder.path().resolve("java-quickstart/pom.xml");

    @Test
    void theQuickstartDependsOnTheClientVersionThisBuildMakes() throws Exception {
        Element client = read(CLIENT_POM);
        String clientVersion = child(client, "version") != null ? text(client, "version")
                : text(child(client, "parent"), "version");

        List<String> clientDependencies = new ArrayList<>();
        NodeList dependencies = read(QUICKSTART_POM).getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if ("com.circoflows".equals(text(dependency, "groupId"))
                    && text(client, "artifactId").equals(text(dependency, "artifactId"))) {
                clientDependencies.add(text(dependency, "version"));
            }
        }

        assertEquals(List.of(clientVersion), clientDependencies,
                "examples/java-quickstart/pom.xml's circoflows-java dependency");
    }

    @Test
    void execJavaStartsTheQuickstartClassTheTestsRun() throws Exception {
        NodeList mainClasses = read(QUICKSTART_POM).getElementsByTagName("mainClass");

        assertEquals(1, mainClasses.getLength(), "one exec-maven-plugin mainClass");
        assertEquals(Quickstart.class.getName(), mainClasses.item(0).getTextContent().trim());
        Element plugin = (Element) mainClasses.item(0).getParentNode().getParentNode();
        assertEquals("exec-maven-plugin", text(plugin, "artifactId"));
        assertTrue(text(plugin, "version").matches("\\d+\\.\\d+\\.\\d+"), "a pinned plugin version");
    }

    private static Element read(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }
}
