package org.gridgov.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridgov.core.GridLevel;
import org.gridgov.rules.lists.Department;
import org.gridgov.rules.lists.GovernanceLists;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures README.md and docs/demo.md quote from the demo are what the demo computes: the
 * printed summary of the default run word for word, and the sample town's sizes.
 */
class DemoDocsTest {
  private static String summary;
  private static DemoResult result;
  private static String readme;
  private static String demoMd;

  @BeforeAll
  static void runTheDefaultDemo() throws IOException {
    SampleCity sample = Samples.bundled();
    DemoOptions defaults = DemoOptions.year(sample.year(), DemoOptions.DEFAULT_SEED);
    result = Demo.run(sample, defaults, Progress.none());
    summary = DemoSummary.render(result);
    Path root = repositoryRoot();
    readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    demoMd = Files.readString(root.resolve("docs/demo.md"), StandardCharsets.UTF_8);
  }

  private static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
  }

  private static Matcher find(String text, String regex, String where) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s quotes /%s/", where, regex).isTrue();
    return m;
  }

  @Test
  void theDefaultRunAlertsEveryPlantedOutbreakAndShowsItInTheReport() {
    DemoResult.Watch w = result.watch();
    assertThat(w.outbreaks()).hasSize(3);
    for (DemoWatch.Found f : w.outbreaks()) {
      assertThat(f.delay())
          .as("outbreak %s is alerted within a day of its start", f.outbreak())
          .isPresent();
      assertThat(f.delay().getAsInt()).isLessThanOrEqualTo(1);
    }
    assertThat(w.planted()).isEqualTo(4 * 5 + 5 * 4 + 6 * 3);
    assertThat(w.tally().counted())
        .as("every filed report with a grid in a community, and every planted case")
        .isGreaterThan(16_000);
    String html = HtmlReport.render(result);
    assertThat(html)
        .contains("<h2 id=\"watch\">预警 · Early warning</h2>")
        .contains("data-outbreak=\"O1\"")
        .contains("data-outbreak=\"O3\"")
        .contains("<h3>Alerts in the period, by community</h3>");
  }

  @Test
  void demoMdShowsExactlyWhatTheDefaultRunPrints() {
    Matcher block =
        find(demoMd, "(?s)## What it prints\\s*```text\\n(.*?)```", "docs/demo.md, What it prints");
    assertThat(block.group(1)).isEqualTo(summary);
  }

  @Test
  void readmeQuotesTheSampleTownsSizesAsTheDemoPrintsThem() {
    Matcher printed =
        find(
            summary,
            "sample city: (\\d+) streets, (\\d+) communities, (\\d+) grids, \\d+ exclusive grids,"
                + " (\\d+) patrol points",
            "the demo's summary");
    Matcher quoted =
        find(
            readme,
            "(\\d+) streets, (\\d+) communities, (\\d+)\\s+grids, (\\d+) patrol points",
            "README.md");
    for (int g = 1; g <= 4; g++) {
      assertThat(quoted.group(g)).as("README figure %s", g).isEqualTo(printed.group(g));
    }
  }

  @Test
  void demoMdQuotesTheSampleTownsSizes() {
    SampleCity sample = Samples.bundled();
    Matcher sizes =
        find(
            demoMd,
            "(\\d+) streets \\([^)]*\\) → (\\d+) communities → (\\d+) responsibility grids",
            "docs/demo.md, The sample town");
    assertThat(Integer.parseInt(sizes.group(1))).isEqualTo(sample.gridsAt(GridLevel.STREET).size());
    assertThat(Integer.parseInt(sizes.group(2)))
        .isEqualTo(sample.gridsAt(GridLevel.COMMUNITY).size());
    assertThat(Integer.parseInt(sizes.group(3)))
        .isEqualTo(sample.gridsAt(GridLevel.COMPOUND).size());

    Matcher households = find(demoMd, "about ([\\d,]+) households in all", "docs/demo.md");
    int total =
        sample.gridsAt(GridLevel.COMPOUND).stream()
            .mapToInt(g -> g.households().orElseThrow())
            .sum();
    assertThat(Integer.parseInt(households.group(1).replace(",", "")))
        .as("households, to the nearest thousand")
        .isEqualTo(Math.round(total / 1000.0) * 1000);

    Matcher points = find(demoMd, "\\| (\\d+) patrol points", "docs/demo.md, the file table");
    assertThat(Integer.parseInt(points.group(1))).isEqualTo(sample.patrolPoints().size());
    Matcher map = find(demoMd, "the (\\d+) patrol points as dots", "docs/demo.md, map.svg");
    assertThat(Integer.parseInt(map.group(1))).isEqualTo(sample.patrolPoints().size());
  }

  @Test
  void demoMdQuotesTheSampleListsSizes() {
    GovernanceLists lists = Samples.bundled().policy().lists();
    Matcher levels =
        find(
            demoMd,
            "city or street level \\((\\d+) and (\\d+) of (\\d+)\\s+items\\)",
            "docs/demo.md");
    assertThat(Integer.parseInt(levels.group(1))).isEqualTo(itemsAt(lists, GridLevel.CITY));
    assertThat(Integer.parseInt(levels.group(2))).isEqualTo(itemsAt(lists, GridLevel.STREET));
    assertThat(Integer.parseInt(levels.group(3))).isEqualTo(lists.items().size());

    Matcher departments =
        find(demoMd, "(\\d+) departments of which (\\d+) joint-duty", "docs/demo.md, lists.json");
    List<Department> all = lists.departments();
    assertThat(Integer.parseInt(departments.group(1))).isEqualTo(all.size());
    assertThat(Integer.parseInt(departments.group(2)))
        .isEqualTo((int) all.stream().filter(Department::jointDuty).count());
  }

  private static int itemsAt(GovernanceLists lists, GridLevel level) {
    return (int) lists.items().stream().filter(i -> i.level().equals(level)).count();
  }
}
