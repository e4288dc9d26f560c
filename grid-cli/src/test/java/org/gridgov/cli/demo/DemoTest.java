package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gridgov.core.GridId;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.cases.CaseAction;
import org.gridgov.core.cases.CaseState;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.lab.CaseRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The demo on a smaller period: its outputs parse, add up and repeat byte for byte. */
class DemoTest {
  private static final DemoOptions SMALL = DemoOptions.year(2026, 11).withSize(40, 25);

  @TempDir static Path tmp;

  private static DemoResult result;
  private static Path first;
  private static Path second;

  @BeforeAll
  static void runTwice() throws IOException {
    SampleCity sample = Samples.bundled();
    result = Demo.run(sample, SMALL, Progress.none());
    first = tmp.resolve("first");
    second = tmp.resolve("second");
    DemoOutputs.write(result, first);
    DemoOutputs.write(Demo.run(sample, SMALL, Progress.none()), second);
  }

  @Test
  void theSameSeedGivesByteIdenticalOutputs() throws IOException {
    for (String f :
        List.of(DemoOutputs.REPORT, DemoOutputs.MAP, DemoOutputs.CASES, DemoOutputs.SCORES)) {
      assertThat(Files.readAllBytes(second.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(first.resolve(f)));
    }
  }

  @Test
  void anotherSeedGivesAnotherYear() {
    DemoResult other =
        Demo.run(Samples.bundled(), new DemoOptions(12, SMALL.start(), 10, 25), Progress.none());
    DemoResult same =
        Demo.run(Samples.bundled(), new DemoOptions(11, SMALL.start(), 10, 25), Progress.none());
    assertThat(other.loop().cases()).isNotEqualTo(same.loop().cases());
  }

  @Test
  void theHtmlIsOneSelfContainedPageWithTheTablesAndTheMap() throws Exception {
    Document html = parse(first.resolve(DemoOutputs.REPORT));
    assertThat(html.getDocumentElement().getLocalName()).isEqualTo("html");
    NodeList tables = html.getElementsByTagNameNS("*", "table");
    assertThat(tables.getLength()).isGreaterThanOrEqualTo(8);
    List<String> headings = texts(html.getElementsByTagNameNS("*", "h2"));
    assertThat(headings).anyMatch(h -> h.contains("Grid map"));
    assertThat(headings).anyMatch(h -> h.contains("case loop"));
    assertThat(headings).anyMatch(h -> h.contains("Rankings"));
    List<String> cells = texts(html.getElementsByTagNameNS("*", "td"));
    assertThat(cells).contains("reported", "closed", "escalated");
    assertThat(cells).anyMatch(c -> c.startsWith("龙眠街道"));
    assertThat(cells).anyMatch(c -> c.startsWith("桐城市城市管理局"));
    // the map is inline, with one shape per grid
    assertThat(gridShapes(html)).hasSize(Samples.bundled().city().leaves().size());
    // nothing is fetched from elsewhere: no scripts, no links, no external references
    assertThat(html.getElementsByTagNameNS("*", "script").getLength()).isZero();
    assertThat(html.getElementsByTagNameNS("*", "link").getLength()).isZero();
    assertThat(html.getElementsByTagNameNS("*", "img").getLength()).isZero();
    List<String> refs = new ArrayList<>();
    collectReferences(html.getDocumentElement(), refs);
    assertThat(refs).allSatisfy(r -> assertThat(r).startsWith("#").doesNotContain("//"));
    assertThat(Files.readString(first.resolve(DemoOutputs.REPORT)))
        .doesNotContain("url(http", "@import");
  }

  @Test
  void theSvgParsesWithOneShapePerGridAndHatchedExclusiveGrids() throws Exception {
    Document svg = parse(first.resolve(DemoOutputs.MAP));
    assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
    List<String> shapes = gridShapes(svg);
    Set<String> leaves = new HashSet<>();
    Samples.bundled().city().leaves().forEach(id -> leaves.add(id.value()));
    assertThat(shapes).hasSize(leaves.size());
    assertThat(new HashSet<>(shapes)).isEqualTo(leaves);
    List<Element> exclusive = byClass(svg, "exclusive");
    assertThat(exclusive).hasSize(Samples.bundled().exclusiveGrids().size());
    assertThat(exclusive)
        .allSatisfy(e -> assertThat(e.getAttribute("fill")).isEqualTo("url(#hatch)"));
    NodeList patterns = svg.getElementsByTagNameNS("*", "pattern");
    assertThat(patterns.getLength()).isEqualTo(1);
    assertThat(((Element) patterns.item(0)).getAttribute("id")).isEqualTo("hatch");
    // the legend names the borders, and the street borders are drawn heavier than communities'
    assertThat(Files.readString(first.resolve(DemoOutputs.MAP)))
        .contains("街道 street", "社区 community");
  }

  @Test
  void everyCaseEndsOrIsReportedOpen() {
    Set<String> open = new HashSet<>(result.openAtEnd());
    for (CaseRun run : result.loop().runs()) {
      Case c = run.result();
      boolean ended =
          c.state().isTerminal()
              || (c.state() == CaseState.CLOSED
                  && c.assessment().followUp().equals(Optional.of(Assessment.FollowUp.INVALID)));
      assertThat(ended || open.contains(c.id().value())).as(c.id().value()).isTrue();
    }
    for (String id : result.openAtEnd()) {
      Case c =
          result.loop().runs().stream()
              .map(CaseRun::result)
              .filter(x -> x.id().value().equals(id))
              .findFirst()
              .orElseThrow();
      assertThat(
              c.firstTime(CaseAction.CLOSE).or(() -> c.firstTime(CaseAction.REJECT)).orElseThrow())
          .isAfter(result.periodEnd());
    }
  }

  @Test
  void theCountsAddUp() {
    int reported = result.count(DemoResult.Stage.REPORTED);
    assertThat(reported).isEqualTo(result.reports().size()).isPositive();
    assertThat(result.count(DemoResult.Stage.FILED) + result.count(DemoResult.Stage.REJECTED))
        .isEqualTo(reported);
    assertThat(result.count(DemoResult.Stage.CLOSED))
        .isEqualTo(result.count(DemoResult.Stage.FILED));
    assertThat(result.count(DemoResult.Stage.RATED))
        .isLessThan(result.count(DemoResult.Stage.CLOSED));
    assertThat(result.settledInGrid())
        .isPositive()
        .isLessThanOrEqualTo(result.settledInCommunity());
    assertThat(result.intake().byCrs().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(reported);
    assertThat(result.intake().byCrs().get(CoordinateSystem.GCJ02)).isPositive();
    assertThat(result.intake().snapped() + result.intake().rejectedOutside())
        .isLessThanOrEqualTo(result.intake().outsideEdge() + result.intake().onBorder());
    assertThat(result.casesByLeaf().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(result.count(DemoResult.Stage.FILED));
    assertThat(result.months().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(reported);
  }

  @Test
  void casesGeojsonHasEveryReportWithItsOutcome() throws IOException {
    JsonNode doc = new ObjectMapper().readTree(first.resolve(DemoOutputs.CASES).toFile());
    JsonNode features = doc.get("features");
    assertThat(features.size()).isEqualTo(result.reports().size());
    boolean sawConverted = false;
    for (JsonNode f : features) {
      JsonNode a = f.path("properties").path("attributes");
      assertThat(a.path("outcome").asText()).isNotEmpty();
      assertThat(f.path("geometry").path("type").asText()).isEqualTo("Point");
      if (!a.path("reported_crs").asText().equals("wgs84")) {
        assertThat(a.path("reported_lon").isMissingNode()).isFalse();
        sawConverted = true;
      }
    }
    assertThat(sawConverted).isTrue();
  }

  @Test
  void scoresCsvListsEveryRankedUnit() throws IOException {
    List<String> lines = Files.readAllLines(first.resolve(DemoOutputs.SCORES));
    assertThat(lines.get(0)).isEqualTo(String.join(",", DemoOutputs.SCORE_COLUMNS));
    assertThat(lines.stream().filter(l -> l.startsWith("street,"))).hasSize(3);
    assertThat(lines.stream().filter(l -> l.startsWith("community,"))).hasSize(23);
    assertThat(lines.stream().filter(l -> l.startsWith("grid,"))).hasSize(105);
    assertThat(lines.stream().filter(l -> l.startsWith("department,")))
        .hasSizeGreaterThanOrEqualTo(22);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(DemoOutputs.SCORE_COLUMNS.size()));
  }

  @Test
  void theSummaryNamesEveryMeasure() {
    String s = DemoSummary.render(result);
    assertThat(s)
        .contains("stages: reported")
        .contains("small matters stay in the grid")
        .contains("escalations (whistles")
        .contains("overdue:")
        .contains("top five:")
        .contains("bottom five:")
        .contains("departments 联勤单位")
        .contains("credit points (信用积分)");
    assertThat(s.lines().filter(l -> l.contains("top five:"))).hasSize(3);
  }

  @Test
  void theOrganisationIsCheckedAndRatedWithTheRunsScoresAsOrgRateWouldWithScoresCsv()
      throws IOException {
    DemoResult.Org o = result.org();
    assertThat(o.asOf()).isEqualTo(SMALL.end().minusDays(1));
    assertThat(o.check().findings().all())
        .filteredOn(f -> f.severity() != org.gridgov.core.Severity.INFO)
        .extracting(f -> f.code() + " " + f.subjects())
        // in early January the expired term (June) and the worker who left (September) are
        // still fine: only the missing committee is found
        .containsExactly("COMMITTEE_REQUIRED [PB-34188100100201]");
    // what `gridgov org rate --scores scores.csv` computes from the written file
    java.util.Map<GridId, Double> scores =
        org.gridgov.org.AssessmentScores.read(first.resolve(DemoOutputs.SCORES), o.stars().year());
    assertThat(scores).isNotEmpty();
    org.gridgov.org.StarRatings fromCsv =
        org.gridgov.org.StarRating.rate(
            result.sample().org(),
            Optional.of(result.sample().map().hierarchy()),
            scores,
            org.gridgov.org.StarSchemes.defaultScheme(),
            o.stars().year());
    assertThat(o.stars().starCounts()).isEqualTo(fromCsv.starCounts());
    assertThat(o.stars().branches()).isEqualTo(fromCsv.branches());
    assertThat(o.stars().branches())
        .anyMatch(
            b ->
                b.indicators().stream()
                    .anyMatch(i -> i.key().equals("grid_scores") && i.points().isPresent()));
    String summary = DemoSummary.render(result);
    assertThat(summary)
        .contains("four coverages (四个全覆盖) on " + o.asOf() + ": territory ")
        .contains("organisation (党建引领): ");
    String html = Files.readString(first.resolve(DemoOutputs.REPORT));
    assertThat(html)
        .contains("<h2 id=\"org\">")
        .contains("organisation coverage map")
        .contains("<b>COMMITTEE_REQUIRED</b>")
        .contains("five-star-branch");
  }

  @Test
  void theCreditLedgerIsReplayedToThePeriodsLastDayAndCountedPerCommunity() throws Exception {
    SampleCity sample = Samples.bundled();
    DemoResult.Credit credit = result.credit();
    assertThat(credit.asOf()).isEqualTo(SMALL.end().minusDays(1));
    // the same replay by hand: only the entries made up to the end of the period's last day
    java.time.Instant end = SMALL.end().atStartOfDay(sample.city().calendar().zone()).toInstant();
    long made = sample.creditEntries().entries().stream().filter(e -> e.at().isBefore(end)).count();
    assertThat(credit.entries()).isEqualTo(made).isPositive();
    assertThat(credit.entries()).isLessThan(sample.creditEntries().entries().size());
    long residents =
        sample.creditEntries().entries().stream()
            .filter(e -> e.at().isBefore(end))
            .map(org.gridgov.credit.Entry::resident)
            .distinct()
            .count();
    assertThat(credit.residents()).isEqualTo((int) residents);
    // every community has a row, every level a column, and the rows add up to the residents
    assertThat(credit.byCommunity().keySet())
        .containsExactlyElementsOf(
            sample.gridsAt(org.gridgov.core.GridLevel.COMMUNITY).stream()
                .map(org.gridgov.core.Grid::id)
                .toList());
    assertThat(credit.levels()).containsExactly("AAA", "AA", "A", "B", "C", "D");
    int sum = 0;
    for (var counts : credit.byCommunity().values()) {
      assertThat(counts.keySet()).containsExactlyElementsOf(credit.levels());
      sum += counts.values().stream().mapToInt(Integer::intValue).sum();
    }
    assertThat(sum).isEqualTo(credit.residents());
    assertThat(credit.totals().values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(credit.residents());
    // the report shows the table, the summary one line
    Document html = parse(first.resolve(DemoOutputs.REPORT));
    assertThat(texts(html.getElementsByTagNameNS("*", "h2")))
        .anyMatch(h -> h.contains("Resident credit points"));
    List<String> cells = texts(html.getElementsByTagNameNS("*", "td"));
    assertThat(cells).anyMatch(c -> c.startsWith("城郊社区"));
    assertThat(cells).contains("all communities");
    assertThat(DemoSummary.render(result).lines().filter(l -> l.startsWith("credit points")))
        .singleElement()
        .asString()
        .contains(credit.asOf().toString())
        .contains("AAA " + credit.totals().get("AAA") + " · AA ");
  }

  @Test
  void theFullYearReplaysTheWholeLedger() {
    SampleCity sample = Samples.bundled();
    DemoResult.Credit year =
        Demo.credit(sample, DemoOptions.year(sample.year(), 1), Progress.none());
    assertThat(year.entries()).isEqualTo(sample.creditEntries().entries().size());
    assertThat(year.asOf()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
    assertThat(year.residents()).isGreaterThan(2000);
    // every level is reached by someone, so the distribution is worth a table
    assertThat(year.totals().values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(year.openAppeals()).isPositive();
  }

  // ---------------------------------------------------------------- helpers

  static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setExpandEntityReferences(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(file.toFile());
  }

  private static List<String> gridShapes(Document d) {
    List<String> ids = new ArrayList<>();
    for (Element e : byClass(d, "grid")) {
      assertThat(e.getLocalName()).isEqualTo("path");
      ids.add(GridId.of(e.getAttribute("data-grid")).value());
    }
    return ids;
  }

  private static List<Element> byClass(Document d, String cls) {
    List<Element> out = new ArrayList<>();
    NodeList all = d.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<String> texts(NodeList nodes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().strip());
    }
    return out;
  }

  /** Every href, src and url(...) reference in the document. */
  private static void collectReferences(Node n, List<String> out) {
    if (n instanceof Element e) {
      NamedNodeMap attrs = e.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Node a = attrs.item(i);
        String name = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
        String v = a.getNodeValue();
        if (name.equals("href") || name.equals("src")) {
          out.add(v);
        }
        int u = v.indexOf("url(");
        if (u >= 0) {
          out.add(v.substring(u + 4, v.indexOf(')', u)));
        }
      }
    }
    for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
      collectReferences(c, out);
    }
  }
}
