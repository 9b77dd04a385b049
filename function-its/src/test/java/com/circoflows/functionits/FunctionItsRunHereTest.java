package com.circoflows.functionits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The functions' own modules skip their ITs because this module runs them: a function added to
 * functions/ but not here would have its ITs run nowhere, and the build would still be green.
 */
class FunctionItsRunHereTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path FUNCTIONS = MODULE.getParent().resolve("functions");

    @Test
    void everyModuleOfFunctionsHasItsHandlerItsRunHere() throws Exception {
        Set<String> functionArtifacts = new TreeSet<>();
        for (String module : texts(parse(FUNCTIONS.resolve("pom.xml")), "modules", "module")) {
            functionArtifacts.add(ownArtifactId(parse(FUNCTIONS.resolve(module).resolve("pom.xml"))));
        }
        Document here = parse(MODULE.resolve("pom.xml"));

        Set<String> testJars = new TreeSet<>();
        Set<String> jars = new TreeSet<>();
        NodeList dependencies = here.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            if (!(dependencies.item(i) instanceof Element dependency) || child(dependency, "artifactId") == null) {
                continue;
            }
            String artifact = child(dependency, "artifactId");
            if ("test-jar".equals(child(dependency, "type"))) {
                testJars.add(artifact);
            } else {
                jars.add(artifact);
            }
        }
        Set<String> scanned = new TreeSet<>();
        for (String entry : texts(here, "dependenciesToScan", "dependency")) {
            scanned.add(entry.split(":")[1]);
        }

        assertEquals(functionArtifacts, intersect(jars, functionArtifacts),
                "every function's jar is a dependency of function-its");
        assertEquals(functionArtifacts, intersect(testJars, functionArtifacts),
                "every function's test jar is a dependency of function-its");
        assertEquals(functionArtifacts, scanned,
                "failsafe scans exactly the functions' test jars for ITs (dependenciesToScan)");
    }

    private static Set<String> intersect(Set<String> found, Set<String> wanted) {
        Set<String> result = new TreeSet<>(found);
        result.retainAll(wanted);
        return result;
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String ownArtifactId(Document pom) {
        return child(pom.getDocumentElement(), "artifactId");
    }

    private static List<String> texts(Document pom, String parentTag, String childTag) {
        List<String> values = new ArrayList<>();
        NodeList parents = pom.getElementsByTagName(parentTag);
        for (int i = 0; i < parents.getLength(); i++) {
            NodeList children = ((Element) parents.item(i)).getElementsByTagName(childTag);
            for (int j = 0; j < children.getLength(); j++) {
                values.add(children.item(j).getTextContent().strip());
            }
        }
        return values;
    }

    private static String child(Element element, String tag) {
        for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }
}
