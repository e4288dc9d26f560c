package org.gridgov.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridgov.cli.demo.SampleCity;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.json.GridGovJson;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What the docs state about the build and the data is what the build and the data are: the README's
 * consumer pom, the grid-id convention, the format examples, and no reference to files outside the
 * repository.
 */
class DocsConsistencyTest {
  private static final Path ROOT = DocSnippets.repositoryRoot();

  private static String read(String file) throws IOException {
    return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
  }

  private static String block(String file, String heading, String lang) throws IOException {
    Matcher m =
        Pattern.compile("(?s)" + Pattern.quote(heading) + ".*?```" + lang + "\\n(.*?)```")
            .matcher(read(file));
    assertThat(m.find()).as("%s has a ```%s block under %s", file, lang, heading).isTrue();
    return m.group(1);
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return out;
    }
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    List<Element> all = children(parent, name);
    return all.isEmpty() ? null : all.get(0);
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }

  /** groupId:artifactId → version (null when absent) of a dependencies element. */
  private static Map<String, String> dependencies(Element dependencies) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Element d : children(dependencies, "dependency")) {
      out.put(text(d, "groupId") + ":" + text(d, "artifactId"), text(d, "version"));
    }
    return out;
  }

  /** The artifactId of every module of the root pom. */
  private static List<String> moduleArtifacts() throws Exception {
    Element root = xml(ROOT.resolve("pom.xml")).getDocumentElement();
    List<String> out = new ArrayList<>();
    for (Element m : children(child(root, "modules"), "module")) {
      Element pom =
          xml(ROOT.resolve(m.getTextContent().strip()).resolve("pom.xml")).getDocumentElement();
      out.add(text(pom, "artifactId"));
    }
    return out;
  }

  private static String pluginVersion(Element project, String artifactId, boolean managed) {
    Element build = child(project, "build");
    Element plugins =
        managed ? child(child(build, "pluginManagement"), "plugins") : child(build, "plugins");
    for (Element p : children(plugins, "plugin")) {
      if (artifactId.equals(text(p, "artifactId"))) {
        return text(p, "version");
      }
    }
    return null;
  }

  @Test
  void readmeShowsTheConsumerPomFileUnchanged() throws IOException {
    assertThat(block("README.md", "## A consumer `pom.xml`", "xml"))
        .isEqualTo(read("docs/consumer-pom.xml"));
  }

  @Test
  void theConsumerPomNamesModulesOfThisBuildAtTheBomsVersion() throws Exception {
    Element consumer = xml(ROOT.resolve("docs/consumer-pom.xml")).getDocumentElement();
    Element parent = xml(ROOT.resolve("pom.xml")).getDocumentElement();
    Element bom = xml(ROOT.resolve("grid-bom/pom.xml")).getDocumentElement();
    String version = text(parent, "version");
    assertThat(text(bom, "version")).isEqualTo(version);

    Element properties = child(consumer, "properties");
    assertThat(text(properties, "gridgov.version")).isEqualTo(version);
    assertThat(text(properties, "project.build.sourceEncoding")).isEqualTo("UTF-8");
    Map<String, String> imported =
        dependencies(child(child(consumer, "dependencyManagement"), "dependencies"));
    assertThat(imported).containsOnlyKeys("org.gridgov:grid-bom");
    assertThat(imported.get("org.gridgov:grid-bom")).isEqualTo("${gridgov.version}");

    Map<String, String> managedByBom =
        dependencies(child(child(bom, "dependencyManagement"), "dependencies"));
    List<String> modules = moduleArtifacts();
    Map<String, String> used = dependencies(child(consumer, "dependencies"));
    assertThat(used.keySet())
        .as("the libraries a vendor needs")
        .contains(
            "org.gridgov:grid-core",
            "org.gridgov:grid-geo",
            "org.gridgov:grid-rules",
            "org.gridgov:grid-scoring",
            "org.gridgov:grid-loop");
    for (Map.Entry<String, String> d : used.entrySet()) {
      if (!d.getKey().startsWith("org.gridgov:")) {
        continue;
      }
      String artifact = d.getKey().substring("org.gridgov:".length());
      assertThat(d.getValue()).as("%s takes its version from grid-bom", artifact).isNull();
      assertThat(modules).as("modules of the root pom").contains(artifact);
      assertThat(managedByBom).as("grid-bom").containsKey(d.getKey());
      assertThat(managedByBom.get(d.getKey())).isEqualTo("${project.version}");
    }
    assertThat(used.get("org.junit.jupiter:junit-jupiter"))
        .isEqualTo(text(child(parent, "properties"), "junit.version"));

    for (String plugin : List.of("maven-compiler-plugin", "maven-surefire-plugin")) {
      assertThat(pluginVersion(consumer, plugin, false))
          .as(plugin)
          .isNotNull()
          .isEqualTo(pluginVersion(parent, plugin, true));
    }
    assertThat(read("docs/consumer-pom.xml")).contains("<release>17</release>");
  }

  /** The {@code <dependencies>} block docs/spark.md shows a Spark application adding. */
  private static Element sparkSetUp() throws Exception {
    String block = block("docs/spark.md", "## Versions and set-up", "xml");
    Path file = Files.createTempFile("spark-set-up", ".xml");
    try {
      Files.writeString(file, block, StandardCharsets.UTF_8);
      return xml(file).getDocumentElement();
    } finally {
      Files.delete(file);
    }
  }

  /**
   * The examples are what a new project with only the consumer pom compiles: their main code needs
   * exactly the GridGov libraries that pom names, nothing else of this build (grid-cli and grid-lab
   * are test-scope there, for the docs' snippets and the policy tests) — plus, for the Spark
   * example, what docs/spark.md tells a Spark application to add.
   */
  @Test
  void theExamplesNeedExactlyTheLibrariesOfTheConsumerPom() throws Exception {
    Element consumer = xml(ROOT.resolve("docs/consumer-pom.xml")).getDocumentElement();
    Element examples = xml(ROOT.resolve("examples/pom.xml")).getDocumentElement();
    List<String> consumerLibraries = new ArrayList<>();
    for (Element d : children(child(consumer, "dependencies"), "dependency")) {
      if (text(d, "groupId").equals("org.gridgov") && !"test".equals(text(d, "scope"))) {
        consumerLibraries.add(text(d, "artifactId"));
      }
    }
    for (Element d : children(sparkSetUp(), "dependency")) {
      if (text(d, "groupId").equals("org.gridgov")) {
        consumerLibraries.add(text(d, "artifactId"));
      }
    }
    List<String> examplesMain = new ArrayList<>();
    for (Element d : children(child(examples, "dependencies"), "dependency")) {
      if (text(d, "groupId").equals("org.gridgov") && !"test".equals(text(d, "scope"))) {
        examplesMain.add(text(d, "artifactId"));
      }
    }
    assertThat(examplesMain).containsExactlyInAnyOrderElementsOf(consumerLibraries);
  }

  /**
   * docs/spark.md's set-up block: grid-spark at grid-bom's version, Spark provided at the version
   * the build tests, as the Spark example's pom has them.
   */
  @Test
  void theSparkSetUpOfSparkMdIsTheBuildsSpark() throws Exception {
    Element parent = xml(ROOT.resolve("pom.xml")).getDocumentElement();
    Element examples = xml(ROOT.resolve("examples/pom.xml")).getDocumentElement();
    Element bom = xml(ROOT.resolve("grid-bom/pom.xml")).getDocumentElement();
    String sparkVersion = text(child(parent, "properties"), "spark.version");
    String scala = text(child(parent, "properties"), "scala.binary.version");
    assertThat(sparkVersion).matches("3\\.5\\.\\d+");
    Map<String, Element> shown = new LinkedHashMap<>();
    for (Element d : children(sparkSetUp(), "dependency")) {
      shown.put(text(d, "groupId") + ":" + text(d, "artifactId"), d);
    }
    String spark = "org.apache.spark:spark-sql_" + scala;
    assertThat(shown).containsOnlyKeys("org.gridgov:grid-spark", spark);
    assertThat(text(shown.get("org.gridgov:grid-spark"), "version")).as("from grid-bom").isNull();
    assertThat(dependencies(child(child(bom, "dependencyManagement"), "dependencies")))
        .containsKey("org.gridgov:grid-spark");
    assertThat(text(shown.get(spark), "version")).isEqualTo(sparkVersion);
    assertThat(text(shown.get(spark), "scope")).isEqualTo("provided");
    assertThat(read("docs/spark.md")).contains("Apache Spark **" + sparkVersion + "**");

    Map<String, Element> inExamples = new LinkedHashMap<>();
    for (Element d : children(child(examples, "dependencies"), "dependency")) {
      inExamples.put(text(d, "groupId") + ":" + text(d, "artifactId"), d);
    }
    assertThat(text(inExamples.get("org.apache.spark:spark-sql_${scala.binary.version}"), "scope"))
        .isEqualTo("provided");
    assertThat(inExamples).containsKey("org.gridgov:grid-spark");
  }

  @Test
  void theHierarchyExampleOfFormatsMdLoadsAloneAndFollowsTheIdConvention() throws IOException {
    String json = block("docs/formats.md", "## Grid hierarchy (`gridgov.hierarchy/1`)", "json");
    GridHierarchy h =
        GridGovJson.readHierarchy(
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "docs/formats.md");
    assertConvention(h);
    assertThat(h.levelCounts()).containsEntry(GridLevel.MICRO, 1);
    assertThat(GridId.of("41010200100301").nationalCode()).isPresent();
  }

  @Test
  void theSampleTownFollowsTheIdConventionOfFormatsMd() {
    GridHierarchy h = SampleCity.bundled().city().hierarchy();
    assertConvention(h);
    for (Grid g : h.gridsAt(GridLevel.COMPOUND)) {
      if (g.kind() == GridKind.TERRITORIAL) {
        assertThat(g.id().nationalCode()).as("%s is a unit-grid code", g.id()).isPresent();
      }
    }
  }

  /** The table "Grid ids" of docs/formats.md. */
  private static void assertConvention(GridHierarchy h) {
    Map<GridLevel, Integer> digits =
        Map.of(
            GridLevel.STREET, 9,
            GridLevel.COMMUNITY, 12,
            GridLevel.COMPOUND, 14,
            GridLevel.MICRO, 16);
    for (Grid g : h.grids()) {
      String id = g.id().value();
      if (g.kind() == GridKind.EXCLUSIVE) {
        assertThat(id).as("exclusive grid id").matches(g.owner().orElseThrow().value() + "X\\d{2}");
        continue;
      }
      if (h.parent(g.id()).isEmpty()) {
        assertThat(id).as("root id").matches("\\d{6}");
        continue;
      }
      assertThat(id)
          .as("%s at level %s", id, g.level())
          .matches("\\d{" + digits.get(g.level()) + "}");
      assertThat(id)
          .as("%s starts with its parent's id", id)
          .startsWith(h.parent(g.id()).orElseThrow().value());
    }
  }

  @Test
  void nothingCitesFilesOutsideTheRepository() throws IOException {
    List<String> banned = List.of("DOMAIN" + ".md", "../" + "shared", "seeds" + "/");
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      files
          .filter(Files::isRegularFile)
          .filter(
              p -> {
                String rel = ROOT.relativize(p).toString().replace('\\', '/');
                return !rel.startsWith(".git")
                    && !rel.contains("/target/")
                    && !rel.startsWith("target/")
                    && (rel.endsWith(".java")
                        || rel.endsWith(".md")
                        || rel.endsWith(".xml")
                        || rel.endsWith(".json")
                        || rel.endsWith(".txt")
                        || rel.endsWith("gridgov"));
              })
          .forEach(
              p -> {
                try {
                  String text = Files.readString(p, StandardCharsets.UTF_8);
                  for (String b : banned) {
                    if (text.contains(b)) {
                      hits.add(ROOT.relativize(p) + " cites " + b);
                    }
                  }
                } catch (IOException e) {
                  hits.add(ROOT.relativize(p) + " unreadable: " + e);
                }
              });
    }
    assertThat(hits).isEmpty();
  }
}
