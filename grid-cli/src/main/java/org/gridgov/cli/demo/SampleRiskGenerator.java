package org.gridgov.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.io.Json;
import org.gridgov.core.risk.ElementType;
import org.gridgov.core.risk.RiskColour;
import org.gridgov.fixtures.GeneratedRegister;
import org.gridgov.fixtures.RegisterMaker;
import org.gridgov.fixtures.RegisterSpec;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.gridgov.risk.ColourMark;
import org.gridgov.risk.Element;
import org.gridgov.risk.RiskPlans;
import org.gridgov.risk.Visit;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes the sample town's risk-control files ({@code risk-elements.jsonl}, {@code
 * risk-visits.jsonl}, {@code risk-plans.json}; docs/risk.md, "Sample town data") from the sample's
 * map: grid-fixtures' {@link RegisterMaker} with {@link RegisterSpec#sampleTown()} over the 105
 * responsibility grids, seed {@link #SEED}. A test regenerates them and compares bytes. Run from
 * the repository root after changing the generator:
 *
 * <pre>{@code
 * java -cp grid-cli/target/gridgov.jar org.gridgov.cli.demo.SampleRiskGenerator sample-town
 * }</pre>
 */
public final class SampleRiskGenerator {
  /** The seed of the sample's register (the sample's seed with a suffix of its own). */
  public static final long SEED = 2022062914L;

  /** The elements file (JSON Lines, docs/risk.md "Elements"). */
  public static final String ELEMENTS = "risk-elements.jsonl";

  /** The visits file (JSON Lines, docs/risk.md "Visits"). */
  public static final String VISITS = "risk-visits.jsonl";

  /** The plans file ({@code gridgov.risk-plans/1}). */
  public static final String PLANS = "risk-plans.json";

  /** The three files, in the order written. */
  public static final List<String> FILES = List.of(ELEMENTS, VISITS, PLANS);

  private static final String[] TYPE_NAMES = {
    "person", "place", "object", "event", "sentiment", "organisation"
  };

  private SampleRiskGenerator() {}

  /**
   * Regenerates the files in a sample directory from its {@code grids.geojson}.
   *
   * @param args the sample directory (default {@code sample-town})
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "sample-town");
    for (Path p : generate(dir.resolve(SampleCity.GRIDS), dir)) {
      System.out.println("wrote " + p);
    }
  }

  /**
   * The sample's register over a map's responsibility grids (the territorial leaves).
   *
   * @param map the sample's map
   * @return the generated register and visits
   */
  public static GeneratedRegister register(GridMap map) {
    List<GridId> leaves = new ArrayList<>();
    Map<GridId, Geometry> polygons = new TreeMap<>();
    for (Grid g : map.hierarchy().grids()) {
      if (g.kind() == GridKind.TERRITORIAL && g.level().equals(GridLevel.COMPOUND)) {
        leaves.add(g.id());
        polygons.put(g.id(), map.geometry(g.id()).orElseThrow());
      }
    }
    leaves.sort(null);
    return RegisterMaker.generate(
        map.hierarchy(), polygons, leaves, RegisterSpec.sampleTown(), SEED);
  }

  /**
   * Writes the three files.
   *
   * @param gridsFile the sample's {@code grids.geojson}
   * @param dir where to write
   * @return the files written
   * @throws IOException when a file cannot be read or written
   */
  public static List<Path> generate(Path gridsFile, Path dir) throws IOException {
    GeneratedRegister r = register(GridMaps.read(gridsFile));
    List<Path> out = new ArrayList<>();
    out.add(write(dir.resolve(ELEMENTS), elementsJsonl(r)));
    out.add(write(dir.resolve(VISITS), visitsJsonl(r)));
    out.add(write(dir.resolve(PLANS), RiskPlans.write(r.plans())));
    return out;
  }

  /**
   * The elements as JSON Lines, in id order: every element as it stands at the end of the
   * register's period, with its colour mark.
   *
   * @param r the register
   * @return the text
   */
  static String elementsJsonl(GeneratedRegister r) {
    ObjectMapper m = Json.newMapper();
    StringBuilder sb = new StringBuilder();
    for (Element e : r.register().asOf(r.spec().visitsUntil())) {
      ObjectNode o = m.createObjectNode();
      o.put("id", e.id());
      o.put("type", TYPE_NAMES[e.type().ordinal()]);
      o.put("grid", e.grid().value());
      e.position()
          .ifPresent(
              p -> {
                o.put("lon", p.lon());
                o.put("lat", p.lat());
              });
      List<ColourMark> marks = r.register().marks(e.id());
      if (!marks.isEmpty()) {
        ColourMark mark = marks.get(marks.size() - 1);
        o.put("colour", colour(mark.colour().orElseThrow()));
        o.put("colouredOn", mark.from().toString());
      }
      if (!e.name().isEmpty()) {
        o.put("name", e.name());
      }
      if (!e.attributes().isEmpty()) {
        ObjectNode a = o.putObject("attributes");
        e.attributes().forEach(a::put);
      }
      sb.append(Json.compact(o)).append('\n');
    }
    return sb.toString();
  }

  /**
   * The visits as JSON Lines, in time order (ties by element id).
   *
   * @param r the register
   * @return the text
   */
  static String visitsJsonl(GeneratedRegister r) {
    ObjectMapper m = Json.newMapper();
    ZoneId zone = r.calendar().zone();
    DateTimeFormatter f = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    List<Visit> visits = new ArrayList<>(r.visitList());
    visits.sort(java.util.Comparator.comparing(Visit::at).thenComparing(Visit::element));
    StringBuilder sb = new StringBuilder();
    for (Visit v : visits) {
      ObjectNode o = m.createObjectNode();
      o.put("element", v.element());
      o.put("at", f.format(v.at().atZone(zone).toOffsetDateTime()));
      o.put("by", v.by());
      ArrayNode checks = o.putArray("checks");
      v.checks().forEach(checks::add);
      ArrayNode findings = o.putArray("findings");
      v.findings().forEach(findings::add);
      v.feedbackAt()
          .ifPresent(t -> o.put("feedbackAt", f.format(t.atZone(zone).toOffsetDateTime())));
      sb.append(Json.compact(o)).append('\n');
    }
    return sb.toString();
  }

  private static String colour(RiskColour c) {
    return c.name().toLowerCase(Locale.ROOT);
  }

  static String typeName(ElementType t) {
    return TYPE_NAMES[t.ordinal()];
  }

  private static Path write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
