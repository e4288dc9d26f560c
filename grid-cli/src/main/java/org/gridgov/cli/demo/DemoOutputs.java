package org.gridgov.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.cases.Assessment;
import org.gridgov.core.cases.Case;
import org.gridgov.core.io.Csv;
import org.gridgov.geo.CoordinateSystem;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMaps;
import org.gridgov.lab.CaseRun;
import org.gridgov.scoring.UnitKind;

/**
 * Writes the demo's four files into a directory: {@value #REPORT} (the self-contained page),
 * {@value #MAP} (the grid map), {@value #CASES} (every case as a GeoJSON point with its outcome)
 * and {@value #SCORES} (every ranked unit). The same result gives the same bytes.
 */
public final class DemoOutputs {
  /** The report page. */
  public static final String REPORT = "report.html";

  /** The map. */
  public static final String MAP = "map.svg";

  /** The cases. */
  public static final String CASES = "cases.geojson";

  /** The scores. */
  public static final String SCORES = "scores.csv";

  /** The columns of {@value #SCORES}. */
  public static final List<String> SCORE_COLUMNS =
      List.of(
          "kind",
          "rank",
          "unit",
          "name",
          "parent",
          "score",
          "grade",
          "cases",
          "on_time_handling_rate",
          "satisfaction",
          "rework_rate",
          "overdue");

  private DemoOutputs() {}

  /**
   * Writes the four files (the directory is created if needed; existing files are replaced).
   *
   * @param r the result
   * @param dir the directory
   * @return the files written
   * @throws IOException when writing fails
   */
  public static List<Path> write(DemoResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    String map = MapSvg.element(r);
    out.add(write(dir.resolve(REPORT), HtmlReport.render(r, map).getBytes(StandardCharsets.UTF_8)));
    out.add(
        write(dir.resolve(MAP), (MapSvg.XML_DECLARATION + map).getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream cases = new ByteArrayOutputStream(1 << 22);
    writeCases(r, cases);
    out.add(write(dir.resolve(CASES), cases.toByteArray()));
    out.add(write(dir.resolve(SCORES), scoresCsv(r).getBytes(StandardCharsets.UTF_8)));
    return out;
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    // Not AtomicFiles: its temporary file is created owner-only (0600) and keeps that mode after
    // the move, while the demo's report is meant to be opened and served like any other new file.
    Files.write(file, bytes);
    return file;
  }

  /**
   * The scores as CSV (RFC 4180, UTF-8, comma-separated, {@code \n} line ends): a header, then per
   * ranking (streets, communities, grids, departments) its units in rank order, unscored last.
   * Rates are fractions with four decimals; an empty field means not applicable.
   *
   * @param r the result
   * @return the CSV text
   */
  public static String scoresCsv(DemoResult r) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", SCORE_COLUMNS)).append('\n');
    for (UnitKind kind : DemoSummary.KINDS) {
      for (ScoreRow x : ScoreRow.of(r, kind)) {
        List<String> f = new ArrayList<>();
        f.add(kind.key());
        f.add(x.rank().isPresent() ? Integer.toString(x.rank().getAsInt()) : "");
        f.add(x.unit());
        f.add(x.name());
        f.add(x.parent());
        f.add(x.score().isPresent() ? Xml.fixed(x.score().getAsDouble(), 2) : "");
        f.add(x.grade().orElse(""));
        f.add(Long.toString(Math.round(x.cases())));
        f.add(x.onTime().isPresent() ? Xml.fixed(x.onTime().getAsDouble(), 4) : "");
        f.add(x.satisfaction().isPresent() ? Xml.fixed(x.satisfaction().getAsDouble(), 4) : "");
        f.add(x.rework().isPresent() ? Xml.fixed(x.rework().getAsDouble(), 4) : "");
        f.add(Long.toString(Math.round(x.overdue())));
        csv.append(Csv.formatRow(f)).append('\n');
      }
    }
    return csv.toString();
  }

  /**
   * Writes every case as a GeoJSON Point feature in grid-geo's case format (WGS-84, after the
   * intake's conversion), with the assessment facts (under their version-1 attribute names) and the
   * demo's facts added to the case attributes: {@code outcome}, {@code placement}, {@code
   * reported_crs} (and {@code reported_lon}/{@code reported_lat} when not WGS-84), {@code snapped},
   * {@code settled_in_grid}, {@code overdue}, {@code first_tier}, {@code whistles} and {@code
   * exclusive} (the exclusive grids at the position).
   *
   * @param r the result
   * @param out the stream; flushed, not closed
   */
  public static void writeCases(DemoResult r, OutputStream out) {
    GridLocator locator = r.sample().map().locator();
    List<Case> cases = new ArrayList<>(r.loop().runs().size());
    for (int i = 0; i < r.loop().runs().size(); i++) {
      CaseRun run = r.loop().runs().get(i);
      Report report = r.reports().get(i);
      Case c = run.result();
      Map<String, String> a = new TreeMap<>(c.attributes());
      // The assessment facts, printed under their version-1 attribute names as before.
      Assessment facts = c.assessment();
      facts.worker().ifPresent(v -> a.put(Assessment.WORKER, v));
      facts.department().ifPresent(v -> a.put(Assessment.DEPARTMENT, v));
      facts.community().ifPresent(v -> a.put(Assessment.COMMUNITY, v));
      facts.street().ifPresent(v -> a.put(Assessment.STREET, v));
      facts
          .followUp()
          .ifPresent(
              v ->
                  a.put(
                      Assessment.FOLLOW_UP, v == Assessment.FollowUp.VALID ? "valid" : "invalid"));
      facts.contacted().ifPresent(v -> a.put(Assessment.CONTACTED, v.toString()));
      facts.resolved().ifPresent(v -> a.put(Assessment.RESOLVED, v.toString()));
      facts.reverseGrade().ifPresent(v -> a.put(Assessment.REVERSE_GRADE, Integer.toString(v)));
      a.put("outcome", run.outcome().name().toLowerCase(java.util.Locale.ROOT));
      a.put("placement", report.placement().name().toLowerCase(java.util.Locale.ROOT));
      a.put("reported_crs", report.reportedIn().name().toLowerCase(java.util.Locale.ROOT));
      if (report.reportedIn() != CoordinateSystem.WGS84) {
        a.put("reported_lon", Double.toString(report.position().lon()));
        a.put("reported_lat", Double.toString(report.position().lat()));
      }
      a.put("snapped", Boolean.toString(run.snapped()));
      a.put("settled_in_grid", Boolean.toString(run.settledInGrid()));
      a.put("overdue", Boolean.toString(run.overdue()));
      run.firstTier()
          .ifPresent(t -> a.put("first_tier", t.name().toLowerCase(java.util.Locale.ROOT)));
      if (!run.whistles().isEmpty()) {
        a.put(
            "whistles",
            run.whistles().stream().map(l -> l.name()).collect(Collectors.joining(",")));
      }
      Optional<GeoPoint> at = c.location();
      if (at.isPresent()) {
        List<GridId> x = locator.exclusiveAt(at.get().lon(), at.get().lat());
        if (!x.isEmpty()) {
          a.put("exclusive", x.stream().map(GridId::value).collect(Collectors.joining(",")));
        }
      }
      cases.add(c.withAssessment(Assessment.NONE).withAttributes(a));
    }
    GridMaps.writeCasesGeoJson(cases, r.sample().map().hierarchy(), out);
  }
}
