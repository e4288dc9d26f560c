package org.gridgov.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.fixtures.GeneratedRegister;
import org.gridgov.fixtures.RegisterMaker;
import org.gridgov.fixtures.RegisterSpec;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMaps;
import org.gridgov.risk.ElementFiles;
import org.gridgov.risk.FactFiles;
import org.gridgov.risk.RiskPlans;
import org.gridgov.risk.VisitFiles;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes the sample town's risk-control files ({@link #FILES}; docs/risk.md, "Sample town data")
 * from the sample's map: grid-fixtures' {@link RegisterMaker} with {@link
 * RegisterSpec#sampleTown()} over the 105 responsibility grids, seed {@link #SEED}, plus facts for
 * the sample's two colour tables drawn from the same seed. Every file goes through grid-risk's own
 * writer ({@link ElementFiles}, {@link VisitFiles}, {@link RiskPlans}, {@link FactFiles}), so the
 * sample is exactly what the library writes. A test regenerates them and compares bytes. Run from
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

  /**
   * The disputes' facts for the dispute-warning table {@code risk-colour-rules.json} (JSON Lines,
   * docs/risk.md "Facts").
   */
  public static final String FACTS = "risk-facts.jsonl";

  /** The key persons' facts for the table {@code risk-colour-key-persons.dmn}. */
  public static final String KEY_PERSON_FACTS = "risk-facts-key-persons.jsonl";

  /** The files, in the order written. */
  public static final List<String> FILES =
      List.of(ELEMENTS, VISITS, PLANS, FACTS, KEY_PERSON_FACTS);

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
   * Writes the files of {@link #FILES}.
   *
   * @param gridsFile the sample's {@code grids.geojson}
   * @param dir where to write
   * @return the files written
   * @throws IOException when a file cannot be read or written
   */
  public static List<Path> generate(Path gridsFile, Path dir) throws IOException {
    GeneratedRegister r = register(GridMaps.read(gridsFile));
    LocalDate end = r.spec().visitsUntil();
    Path elements = dir.resolve(ELEMENTS);
    Path visits = dir.resolve(VISITS);
    Path plans = dir.resolve(PLANS);
    Path facts = dir.resolve(FACTS);
    Path keyPersons = dir.resolve(KEY_PERSON_FACTS);
    ElementFiles.write(r.register(), end, elements);
    VisitFiles.write(r.visits(), visits);
    RiskPlans.write(r.plans(), plans);
    FactFiles.write(SampleRiskFacts.disputes(r.register(), end, SEED), facts);
    FactFiles.write(SampleRiskFacts.keyPersons(r.register(), end, SEED), keyPersons);
    return List.of(elements, visits, plans, facts, keyPersons);
  }
}
