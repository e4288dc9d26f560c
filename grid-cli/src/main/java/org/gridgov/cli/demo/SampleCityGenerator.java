package org.gridgov.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.io.Json;
import org.gridgov.core.json.GridGovJson;
import org.gridgov.core.time.WorkCalendar;
import org.gridgov.fixtures.CitySpec;
import org.gridgov.fixtures.OfficialCalendars;
import org.gridgov.fixtures.SyntheticCity;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.GridMapOptions;
import org.gridgov.geo.GridMaps;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.dispatch.Dispatcher;
import org.gridgov.rules.lists.AccessEntry;
import org.gridgov.rules.lists.GovernanceLists;
import org.gridgov.rules.lists.Item;
import org.gridgov.rules.lists.ListsJson;
import org.gridgov.rules.table.DecisionTables;
import org.gridgov.scoring.ScoringSchemes;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Generates the bundled sample city (样例城市) — "generated, not hand-drawn" — into a directory: a
 * Tongcheng-sized town (docs/domain.md §1) of 3 streets, 23 communities and 105 responsibility
 * grids of 300–500 households each, 539 patrol points, a market and a school as exclusive grids
 * (the school straddles a community border), with the Tongcheng-based lists, the 2026 dispatch and
 * escalation tables, the official 2026 working calendar and two scoring schemes.
 *
 * <p>Run it from the repository root to refresh the resources (a test checks the committed files
 * are exactly what it produces):
 *
 * <pre>{@code
 * java -cp grid-cli/target/gridgov.jar org.gridgov.cli.demo.SampleCityGenerator sample-town
 * }</pre>
 *
 * <p>Everything is a pure function of {@link #SEED}: the geometry comes from grid-fixtures' {@link
 * SyntheticCity} (exactly nested, jagged borders), coordinates are rounded to 7 decimals (about 1
 * cm), names are drawn from fixed pools, and every random choice comes from one seeded {@link
 * SplittableRandom}.
 */
public final class SampleCityGenerator {
  /** The seed of the sample city: the publication date of the Tongcheng article, 2022-06-29. */
  public static final long SEED = 20220629L;

  /** The GB/T 2260 code of Tongcheng (桐城市), the root grid's id. */
  static final String CITY_CODE = "341881";

  /** The sample city's display name. */
  static final String CITY_NAME = "桐城（样例城区）";

  private static final double CENTRE_LON = 116.955;
  private static final double CENTRE_LAT = 31.045;
  private static final double AREA_KM2 = 36;

  /** Tongcheng's three urban streets (real names; the lists' street offices carry them too). */
  private static final List<String> STREETS = List.of("龙眠街道", "文昌街道", "龙腾街道");

  /**
   * Community names: illustrative. 城郊 and 太平 are named in the Tongcheng article; the others are
   * made from local place words (六尺巷, 文庙, 龙眠山, 桐溪 …) and are not a list of real communities.
   */
  private static final List<String> COMMUNITIES =
      List.of(
          "城郊", "北山", "龙眠", "紫来", "西后", "墨香", "凤仪", "太平", "六尺巷", "文庙", "东作", "南水", "和平", "桐溪", "盛唐",
          "文和", "人民", "华星", "青草", "双港", "香铺", "龙腾", "园丁");

  private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  private SampleCityGenerator() {}

  /**
   * Writes the sample city into a directory.
   *
   * @param args the target directory (default: {@code sample-town}, the sample's home, relative to
   *     the repository root)
   * @throws IOException when writing fails
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "sample-town");
    List<Path> written = generate(dir);
    for (Path p : written) {
      System.out.println("wrote " + p);
    }
  }

  /**
   * Writes every file of the sample city into a directory (created if needed).
   *
   * @param dir the directory
   * @return the files written, in the order of {@link SampleCity#FILES}
   * @throws IOException when writing fails
   */
  public static List<Path> generate(Path dir) throws IOException {
    Files.createDirectories(dir.resolve(SampleCity.PATROL_POINTS).getParent());
    SplittableRandom rnd = new SplittableRandom(SEED);
    SyntheticCity synthetic = SyntheticCity.generate(spec(), SEED);

    SortedMap<GridId, Geometry> polygons = new TreeMap<>();
    synthetic.polygons().forEach((id, p) -> polygons.put(id, round(p)));
    GridHierarchy raw = synthetic.hierarchy();

    // ---- names, households, population of the territorial grids
    List<Grid> grids = new ArrayList<>();
    Map<GridId, int[]> sizes = new TreeMap<>(); // id -> {households, population}
    List<GridId> leaves = idsAt(raw, GridLevel.COMPOUND);
    Map<GridId, String> names = new HashMap<>();
    List<GridId> streets = idsAt(raw, GridLevel.STREET);
    for (int i = 0; i < streets.size(); i++) {
      names.put(streets.get(i), STREETS.get(i));
    }
    List<GridId> communities = idsAt(raw, GridLevel.COMMUNITY);
    for (int i = 0; i < communities.size(); i++) {
      names.put(communities.get(i), COMMUNITIES.get(i) + "社区");
    }
    String[] landUse = {
      "residential", "residential", "residential", "mixed", "mixed", "commercial"
    };
    Map<GridId, String> landUseOf = new TreeMap<>();
    for (GridId leaf : leaves) {
      GridId community = raw.parent(leaf).orElseThrow();
      int seq = Integer.parseInt(leaf.value().substring(leaf.value().length() - 2));
      names.put(leaf, names.get(community) + "第" + seq + "网格");
      int households = rnd.nextInt(300, 501);
      int population = (int) Math.round(households * rnd.nextDouble(2.45, 3.05));
      sizes.put(leaf, new int[] {households, population});
      landUseOf.put(leaf, landUse[rnd.nextInt(landUse.length)]);
      for (GridId up : raw.ancestors(leaf)) {
        sizes.merge(
            up, new int[] {households, population}, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
      }
    }
    names.put(GridId.of(CITY_CODE), CITY_NAME);
    for (Grid g : raw.grids()) {
      int[] size = sizes.get(g.id());
      SortedMap<String, String> attributes = new TreeMap<>();
      if (landUseOf.containsKey(g.id())) {
        attributes.put("landUse", landUseOf.get(g.id()));
      }
      grids.add(
          new Grid(
              g.id(),
              names.get(g.id()),
              g.level(),
              g.kind(),
              g.parent(),
              Optional.empty(),
              Set.of(),
              OptionalInt.of(size[0]),
              OptionalInt.of(size[1]),
              Optional.empty(),
              Optional.empty(),
              attributes));
    }

    // ---- the two exclusive grids (专属网格): a school across a community border, a market
    Exclusive school = placeSchool(raw, polygons, names, rnd);
    Exclusive market = placeMarket(raw, polygons, names, school, rnd);
    for (Exclusive x : List.of(school, market)) {
      polygons.put(x.grid().id(), x.polygon());
      grids.add(x.grid());
    }
    GridHierarchy hierarchy = GridHierarchy.builder(raw.ladder()).addAll(grids).build();
    GridMap map =
        GridMaps.of(hierarchy, polygons, GridMapOptions.defaults()); // strict: no findings

    // ---- patrol points
    List<PatrolPoint> points = patrolPoints(map, leaves, List.of(market, school), rnd);

    // ---- write
    List<Path> out = new ArrayList<>();
    Path grids1 = dir.resolve(SampleCity.GRIDS);
    try (OutputStream o = Files.newOutputStream(grids1)) {
      GridMaps.writeGeoJson(map, o);
    }
    out.add(grids1);
    Path pts = dir.resolve(SampleCity.PATROL_POINTS);
    try (OutputStream o = Files.newOutputStream(pts)) {
      PatrolPoints.write(points, o);
    }
    out.add(pts);
    Path lists = dir.resolve(SampleCity.LISTS);
    try (OutputStream o = Files.newOutputStream(lists)) {
      ListsJson.write(sampleLists(), o);
    }
    out.add(lists);
    Map<String, String> documents = new LinkedHashMap<>();
    documents.put(SampleCity.DISPATCH, DecisionTables.toJson(Dispatcher.shippedTable("2026")));
    documents.put(
        SampleCity.ESCALATION,
        DecisionTables.toJson(
            DecisionTables.read(
                new ByteArrayInputStream(escalationJson().getBytes(StandardCharsets.UTF_8)),
                "escalation")));
    documents.put(SampleCity.POLICY, policyJson());
    documents.put(SampleCity.CALENDAR, GridGovJson.toJson(calendar2026()));
    documents.put(
        SampleCity.DEPARTMENT_SCHEME, schemeJson(ScoringSchemes.builtIn("tongcheng-2022")));
    documents.put(
        SampleCity.GRID_SCHEME,
        schemeJson(
            ScoringSchemes.read(
                new java.io.ByteArrayInputStream(
                    gridSchemeJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "grid scheme")));
    org.gridgov.credit.CreditScheme credit = SampleCredit.scheme();
    org.gridgov.credit.CreditPosts posts = SampleCredit.posts(hierarchy, leaves);
    documents.put(SampleCity.CREDIT_SCHEME, SampleCredit.canonical(credit));
    documents.put(SampleCity.CREDIT_POSTS, SampleCredit.postsJson(posts));
    StringBuilder entries = new StringBuilder();
    for (org.gridgov.credit.Entry e :
        SampleCredit.entries(hierarchy, leaves, calendar2026(), credit, posts)) {
      entries.append(org.gridgov.credit.CreditEntries.toJson(e)).append('\n');
    }
    documents.put(SampleCity.CREDIT_ENTRIES, entries.toString());
    documents.put(SampleCity.ORG, SampleOrg.json(hierarchy, sampleLists().departments()));
    documents.put(SampleCity.MANIFEST, manifestJson(map, points));
    for (Map.Entry<String, String> d : documents.entrySet()) {
      out.add(text(dir.resolve(d.getKey()), d.getValue()));
    }
    return out;
  }

  /** Tongcheng's urban area at the sizes of the article (3 / 23 / 105), about 36 km². */
  static CitySpec spec() {
    return new CitySpec(
        CITY_NAME,
        CITY_CODE,
        CENTRE_LON,
        CENTRE_LAT,
        AREA_KM2,
        List.of(
            new CitySpec.LevelCount(GridLevel.CITY, 1),
            new CitySpec.LevelCount(GridLevel.STREET, 3),
            new CitySpec.LevelCount(GridLevel.COMMUNITY, 23),
            new CitySpec.LevelCount(GridLevel.COMPOUND, 105)),
        List.of(),
        12,
        2,
        0);
  }

  /**
   * The sample town's 2026 working calendar: {@link OfficialCalendars#china2026()}.
   *
   * @return the calendar
   */
  static WorkCalendar calendar2026() {
    return OfficialCalendars.china2026();
  }

  // ------------------------------------------------------------------ exclusive grids

  /** An exclusive grid with its polygon. */
  record Exclusive(Grid grid, Polygon polygon) {}

  /**
   * The school: a campus of about 260 × 180 m centred on a vertex of a border between two
   * communities of the old town street, straddling it (docs/domain.md §1: an exclusive grid may
   * overlay several territorial grids). Its owner is the community holding the larger part.
   */
  private static Exclusive placeSchool(
      GridHierarchy h,
      Map<GridId, Geometry> polygons,
      Map<GridId, String> names,
      SplittableRandom rnd) {
    GridId street = idsAt(h, GridLevel.STREET).get(1);
    Geometry city = polygons.get(GridId.of(CITY_CODE));
    List<GridId> communities = new ArrayList<>(h.children(street));
    communities.sort(null);
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < communities.size(); i++) {
      for (int j = i + 1; j < communities.size(); j++) {
        List<Coordinate> shared =
            sharedVertices(polygons.get(communities.get(i)), polygons.get(communities.get(j)));
        if (shared.size() >= 8) {
          candidates.add(new Candidate(communities.get(i), communities.get(j), shared));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Candidate c) -> -c.shared().size())
            .thenComparing(Candidate::a)
            .thenComparing(Candidate::b));
    double angle = rnd.nextDouble(0, Math.PI);
    for (Candidate c : candidates) {
      Coordinate centre = c.shared().get(c.shared().size() / 2);
      Polygon campus = campus(centre, 260, 180, 24, angle);
      if (!city.covers(campus)) {
        continue;
      }
      double inA = metres2(campus.intersection(polygons.get(c.a())), centre.y);
      double inB = metres2(campus.intersection(polygons.get(c.b())), centre.y);
      double total = metres2(campus, centre.y);
      if (inA < 0.2 * total || inB < 0.2 * total || inA + inB < total - 1) {
        continue;
      }
      GridId owner = inA >= inB ? c.a() : c.b();
      String stem = stem(names.get(owner));
      Grid g =
          exclusiveGrid(
              GridId.of(owner.value() + "X01"),
              "桐城市" + stem + "实验学校专属网格",
              owner,
              coverage(h, polygons, campus),
              new TreeMap<>(Map.of("facility", "school", "students", "2360")));
      return new Exclusive(g, campus);
    }
    throw new IllegalStateException("no community border in street " + street + " fits the school");
  }

  /**
   * The market: a farmers' market of about 170 × 120 m on a border between two grids of one
   * community (inside the community), the community nearest the town centre that the school does
   * not touch.
   */
  private static Exclusive placeMarket(
      GridHierarchy h,
      Map<GridId, Geometry> polygons,
      Map<GridId, String> names,
      Exclusive school,
      SplittableRandom rnd) {
    Coordinate centreOfTown = polygons.get(GridId.of(CITY_CODE)).getCentroid().getCoordinate();
    List<GridId> communities = idsAt(h, GridLevel.COMMUNITY);
    communities.sort(
        Comparator.comparingDouble(
                (GridId id) ->
                    polygons.get(id).getCentroid().getCoordinate().distance(centreOfTown))
            .thenComparing(id -> id));
    double angle = rnd.nextDouble(0, Math.PI);
    for (GridId community : communities) {
      if (polygons.get(community).intersects(school.polygon())) {
        continue;
      }
      List<GridId> kids = new ArrayList<>(h.children(community));
      kids.sort(null);
      for (int i = 0; i < kids.size(); i++) {
        for (int j = i + 1; j < kids.size(); j++) {
          List<Coordinate> shared =
              sharedVertices(polygons.get(kids.get(i)), polygons.get(kids.get(j)));
          if (shared.size() < 6) {
            continue;
          }
          Coordinate centre = shared.get(shared.size() / 2);
          Polygon yard = campus(centre, 170, 120, 12, angle);
          if (!polygons.get(community).covers(yard)) {
            continue;
          }
          String stem = stem(names.get(community));
          Grid g =
              exclusiveGrid(
                  GridId.of(community.value() + "X01"),
                  stem + "农贸市场专属网格",
                  community,
                  coverage(h, polygons, yard),
                  new TreeMap<>(Map.of("facility", "market", "stalls", "318")));
          return new Exclusive(g, yard);
        }
      }
    }
    throw new IllegalStateException("no grid border fits the market");
  }

  private record Candidate(GridId a, GridId b, List<Coordinate> shared) {}

  private static Grid exclusiveGrid(
      GridId id, String name, GridId owner, Set<GridId> coverage, SortedMap<String, String> attrs) {
    return new Grid(
        id,
        name,
        GridLevel.COMPOUND,
        GridKind.EXCLUSIVE,
        Optional.empty(),
        Optional.of(owner),
        coverage,
        OptionalInt.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        attrs);
  }

  /** The leaves an exclusive polygon overlaps by more than 1 m², in id order. */
  static Set<GridId> coverage(GridHierarchy h, Map<GridId, Geometry> polygons, Geometry area) {
    Set<GridId> out = new TreeSet<>();
    double lat = area.getCentroid().getY();
    for (GridId leaf : idsAt(h, GridLevel.COMPOUND)) {
      Geometry p = polygons.get(leaf);
      if (p.getEnvelopeInternal().intersects(area.getEnvelopeInternal())
          && metres2(p.intersection(area), lat) > 1) {
        out.add(leaf);
      }
    }
    return out;
  }

  /** The vertices of a's outer ring that are also vertices of b's, in a's ring order. */
  private static List<Coordinate> sharedVertices(Geometry a, Geometry b) {
    Set<Coordinate> ofB = new HashSet<>(List.of(((Polygon) b).getExteriorRing().getCoordinates()));
    List<Coordinate> out = new ArrayList<>();
    Coordinate[] ring = ((Polygon) a).getExteriorRing().getCoordinates();
    for (int i = 0; i + 1 < ring.length; i++) {
      if (ofB.contains(ring[i])) {
        out.add(ring[i]);
      }
    }
    return out;
  }

  /** A rectangle with cut corners, {@code w} × {@code h} metres, rotated, around a centre. */
  private static Polygon campus(Coordinate c, double w, double h, double cut, double angle) {
    double[][] local = {
      {-w / 2 + cut, -h / 2}, {w / 2 - cut, -h / 2}, {w / 2, -h / 2 + cut}, {w / 2, h / 2 - cut},
      {w / 2 - cut, h / 2}, {-w / 2 + cut, h / 2}, {-w / 2, h / 2 - cut}, {-w / 2, -h / 2 + cut}
    };
    double kx = 1.0 / (111_320.0 * Math.cos(Math.toRadians(c.y)));
    double ky = 1.0 / 110_574.0;
    Coordinate[] ring = new Coordinate[local.length + 1];
    for (int i = 0; i < local.length; i++) {
      double x = local[i][0] * Math.cos(angle) - local[i][1] * Math.sin(angle);
      double y = local[i][0] * Math.sin(angle) + local[i][1] * Math.cos(angle);
      ring[i] = new Coordinate(r7(c.x + x * kx), r7(c.y + y * ky));
    }
    ring[local.length] = ring[0].copy();
    return FACTORY.createPolygon(ring);
  }

  /** Area of a lon/lat geometry in m², on the local equirectangular projection at a latitude. */
  static double metres2(Geometry g, double lat) {
    return g.getArea() * 111_320.0 * Math.cos(Math.toRadians(lat)) * 110_574.0;
  }

  private static String stem(String communityName) {
    return communityName.endsWith("社区")
        ? communityName.substring(0, communityName.length() - 2)
        : communityName;
  }

  // ------------------------------------------------------------------ patrol points

  /**
   * 539 patrol points: 5 per grid, a sixth in the 14 largest grids by households; inside a grid
   * that an exclusive grid overlaps, one point sits inside the market or the school. Points keep 40
   * m apart.
   */
  private static List<PatrolPoint> patrolPoints(
      GridMap map, List<GridId> leaves, List<Exclusive> exclusives, SplittableRandom rnd) {
    List<GridId> bySize = new ArrayList<>(leaves);
    bySize.sort(
        Comparator.comparingInt((GridId id) -> -map.grid(id).orElseThrow().households().orElse(0))
            .thenComparing(id -> id));
    Set<GridId> six = new HashSet<>(bySize.subList(0, 539 - 5 * leaves.size()));
    PatrolPoint.Kind[] kinds = {
      PatrolPoint.Kind.RESIDENTIAL,
      PatrolPoint.Kind.RESIDENTIAL,
      PatrolPoint.Kind.RESIDENTIAL,
      PatrolPoint.Kind.ROAD,
      PatrolPoint.Kind.ROAD,
      PatrolPoint.Kind.MARKET
    };
    List<PatrolPoint> out = new ArrayList<>();
    for (GridId leaf : leaves) {
      Grid grid = map.grid(leaf).orElseThrow();
      Geometry shape = map.geometry(leaf).orElseThrow();
      int count = six.contains(leaf) ? 6 : 5;
      List<Coordinate> placed = new ArrayList<>();
      for (int k = 1; k <= count; k++) {
        Geometry area = shape;
        PatrolPoint.Kind kind = kinds[(k - 1) % kinds.length];
        if (k == 1) {
          for (Exclusive x : exclusives) {
            if (x.grid().coverage().contains(leaf)) {
              area = shape.intersection(x.polygon());
              kind =
                  "school".equals(x.grid().attributes().get("facility"))
                      ? PatrolPoint.Kind.SCHOOL
                      : PatrolPoint.Kind.MARKET;
            }
          }
        }
        Coordinate c = pointIn(area, placed, rnd);
        placed.add(c);
        out.add(
            new PatrolPoint(
                leaf.value() + "-P" + k,
                grid.name() + "巡查点" + k + "（" + kind.label() + "）",
                kind,
                leaf,
                GeoPoint.of(c.x, c.y)));
      }
    }
    return out;
  }

  /** A random interior point of an area, at least 40 m from the others when possible. */
  private static Coordinate pointIn(Geometry area, List<Coordinate> others, SplittableRandom rnd) {
    Envelope env = area.getEnvelopeInternal();
    IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
    double kx = 111_320.0 * Math.cos(Math.toRadians(env.centre().y));
    Coordinate best = null;
    double bestGap = -1;
    for (int attempt = 0; attempt < 60; attempt++) {
      Coordinate c =
          new Coordinate(
              r7(env.getMinX() + rnd.nextDouble() * env.getWidth()),
              r7(env.getMinY() + rnd.nextDouble() * env.getHeight()));
      if (locator.locate(c) != Location.INTERIOR) {
        continue;
      }
      double gap = Double.MAX_VALUE;
      for (Coordinate o : others) {
        gap = Math.min(gap, Math.hypot((c.x - o.x) * kx, (c.y - o.y) * 110_574.0));
      }
      if (gap >= 40) {
        return c;
      }
      if (gap > bestGap) {
        bestGap = gap;
        best = c;
      }
    }
    if (best == null) {
      Coordinate c = area.getInteriorPoint().getCoordinate();
      best = new Coordinate(r7(c.x), r7(c.y));
    }
    return best;
  }

  // ------------------------------------------------------------------ documents

  private static String policyJson() {
    ObjectNode o = mapper().createObjectNode();
    o.put("format", PolicySets.FORMAT);
    o.put("version", "2026");
    o.put("validFrom", "2026-01-01");
    o.put("lists", SampleCity.LISTS);
    o.put("dispatch", SampleCity.DISPATCH);
    o.put("escalation", SampleCity.ESCALATION);
    return pretty(o);
  }

  /**
   * The sample's lists: grid-rules' Tongcheng-based sample lists, with the matters that departments
   * admitted to grid workers (a standing access entry at the community level) handled in the
   * responsibility grids: such an item's level becomes {@code compound}, the sample's grid level,
   * and its access entry is repeated for that level. Tongcheng puts one full-time grid worker in
   * each responsibility grid for exactly these matters (docs/domain.md §1), and without the twin
   * entry the access-list check would keep every one of them out of the grids.
   *
   * @return the lists
   */
  static GovernanceLists sampleLists() {
    GovernanceLists base = PolicySets.sampleLists();
    Set<String> gridItems = new TreeSet<>();
    for (AccessEntry a : base.access()) {
      Optional<Item> item = base.item(a.itemCode());
      if (!a.temporary()
          && a.level().equals(GridLevel.COMMUNITY)
          && item.isPresent()
          && item.get().level().equals(GridLevel.COMMUNITY)) {
        gridItems.add(a.itemCode());
      }
    }
    GovernanceLists.Builder b = GovernanceLists.builder();
    base.departments().forEach(b::department);
    for (Item i : base.items()) {
      b.item(
          gridItems.contains(i.code())
              ? new Item(
                  i.code(),
                  i.name(),
                  i.categoryPath(),
                  GridLevel.COMPOUND,
                  i.autoDispatch(),
                  i.timeLimits(),
                  i.defaultDepartment(),
                  i.filingCriteria(),
                  i.closingCriteria())
              : i);
    }
    base.authorities().forEach(b::authority);
    for (AccessEntry a : base.access()) {
      b.access(a);
      if (gridItems.contains(a.itemCode()) && !a.temporary()) {
        b.access(
            new AccessEntry(
                a.itemCode(),
                GridLevel.COMPOUND,
                a.requestingDepartment(),
                a.approvingAgency(),
                a.effectiveFrom(),
                a.effectiveTo(),
                false,
                a.announced()));
      }
    }
    base.prohibited().forEach(b::prohibited);
    return b.build();
  }

  private static final List<String> LEVELS =
      List.of("city", "district", "street", "community", "compound", "micro");

  /**
   * The sample's escalation table: Zhengzhou's whistle-and-report rungs on Tongcheng's ladder,
   * which has no district (the district rows are there for completeness): the responsibility grid's
   * community whistles and party members report (社区吹哨、党员报到), the street whistles and departments
   * report (街道吹哨、部门报到), and a street that cannot settle a matter reports to the city grid centre,
   * which dispatches it to the joint-duty departments (大联勤; docs/domain.md §4). A holder whistles
   * at once when the matter is beyond its authority, and when half its time limit again has passed;
   * between one and one and a half limits the platform urges (督办).
   *
   * @return the table as JSON text
   */
  static String escalationJson() {
    ObjectNode t = mapper().createObjectNode();
    t.put("name", "escalation");
    t.put("id", "tongcheng-sample-escalation");
    t.put("hitPolicy", "UNIQUE");
    ArrayNode inputs = t.putArray("inputs");
    column(inputs, "level", "string", LEVELS);
    column(inputs, "beyondAuthority", "boolean", null);
    column(inputs, "overdueShare", "number", null).put("allowedValues", ">= 0");
    ArrayNode outputs = t.putArray("outputs");
    column(outputs, "action", "string", List.of("NONE", "URGE", "WHISTLE"));
    List<String> whistlers = new ArrayList<>(LEVELS);
    whistlers.add("none");
    column(outputs, "whistler", "string", whistlers);
    column(
        outputs,
        "reporters",
        "string",
        List.of("NONE", "PARTY_MEMBERS", "DEPARTMENTS", "CITY_DEPARTMENTS", "JOINT_DEPARTMENTS"));
    column(outputs, "reportWithin", "string", null);
    ArrayNode rules = t.putArray("rules");
    String[][] rungs = {
      {"\"compound\",\"micro\"", "community", "PARTY_MEMBERS", "1 working day", "社区吹哨、党员报到"},
      {"community", "street", "DEPARTMENTS", "1 working day", "街道吹哨、部门报到"},
      {"street", "city", "JOINT_DEPARTMENTS", "2 working days", "街道报市网格中心，派单至大联勤单位"},
      {
        "district",
        "city",
        "JOINT_DEPARTMENTS",
        "1 working day",
        "区吹哨、市直部门报到 (unused: Tongcheng has no district)"
      }
    };
    for (String[] r : rungs) {
      rule(
          rules,
          r[0],
          "true",
          null,
          "WHISTLE",
          r[1],
          r[2],
          r[3],
          "beyond the level's authority: " + r[4]);
      rule(
          rules,
          r[0],
          "false",
          ">= 1.5",
          "WHISTLE",
          r[1],
          r[2],
          r[3],
          "overdue by half its time limit again: " + r[4]);
      rule(
          rules,
          r[0],
          "false",
          "[1..1.5)",
          "URGE",
          "none",
          "NONE",
          "none",
          "overdue: inspection and urging (督办)");
      rule(
          rules,
          r[0],
          "false",
          "< 1",
          "NONE",
          "none",
          "NONE",
          "none",
          "on time and within authority: stays");
    }
    rule(
        rules,
        "city",
        "true",
        null,
        "URGE",
        "none",
        "NONE",
        "none",
        "beyond the city's authority: the grid centre urges (督办); there is no level above");
    rule(
        rules,
        "city",
        "false",
        ">= 1",
        "URGE",
        "none",
        "NONE",
        "none",
        "overdue at the city: the grid centre urges the departments (督办)");
    rule(rules, "city", "false", "< 1", "NONE", "none", "NONE", "none", "on time: stays");
    return pretty(t);
  }

  private static ObjectNode column(ArrayNode to, String name, String type, List<String> allowed) {
    ObjectNode c = to.addObject();
    c.put("name", name);
    c.put("type", type);
    if (allowed != null) {
      ArrayNode a = c.putArray("allowedValues");
      allowed.forEach(a::add);
    }
    return c;
  }

  private static void rule(
      ArrayNode rules,
      String level,
      String beyond,
      String overdue,
      String action,
      String whistler,
      String reporters,
      String within,
      String annotation) {
    ObjectNode r = rules.addObject();
    r.put("id", String.format("t%02d", rules.size()));
    ObjectNode when = r.putObject("when");
    when.put("level", level.startsWith("\"") ? level : "\"" + level + "\"");
    when.put("beyondAuthority", beyond);
    if (overdue != null) {
      when.put("overdueShare", overdue);
    }
    ObjectNode then = r.putObject("then");
    then.put("action", action);
    then.put("whistler", whistler);
    then.put("reporters", reporters);
    then.put("reportWithin", within);
    r.put("annotation", annotation);
  }

  /**
   * The grid, community and street scheme of the sample: illustrative weights in the GB/T 30428.4
   * lineage with Tongcheng's direct deduction for overdue cases; the complement of the
   * public-report rate rewards grids whose workers find problems before citizens report them.
   */
  static String gridSchemeJson() {
    return """
        {
          "id": "tongcheng-sample-grid",
          "name": "网格考核（样例）",
          "citation": {
            "title": "GridGov sample grid scheme, after GB/T 30428.4 and the Tongcheng practice",
            "source": "docs/domain.md §6 (Tongcheng: overdue cases deduct points directly) and §7 (region formula, grades)",
            "note": "Illustrative weights, not a published scheme: on-time handling 40, satisfaction 30, 1 − rework rate 20, self-discovery (1 − public-report rate) 10; 0.25 points off per overdue case, at most 10."
          },
          "unitKinds": ["grid", "community", "street"],
          "additive": false,
          "notApplicable": "exclude",
          "censoring": "count-suspended-when-overdue",
          "components": [
            {"indicator": "on_time_handling_rate", "weight": 40, "label": "按期处置率"},
            {"indicator": "satisfaction", "weight": 30, "label": "群众满意度"},
            {"indicator": "rework_rate", "weight": 20, "label": "1 − 返工率", "transform": "complement"},
            {"indicator": "public_report_rate", "weight": 10, "label": "自主发现率", "transform": "complement"}
          ],
          "deductions": [
            {"indicator": "overdue_count", "pointsEach": 0.25, "cap": 10}
          ],
          "warnings": {"yellow": 0.8, "red": 1.0},
          "grades": [
            {"grade": "A", "min": 90},
            {"grade": "B", "min": 75},
            {"grade": "C", "min": 60},
            {"grade": "D", "min": 40},
            {"grade": "E"}
          ]
        }
        """;
  }

  private static String manifestJson(GridMap map, List<PatrolPoint> points) {
    ObjectNode o = mapper().createObjectNode();
    o.put("format", SampleCity.MANIFEST_FORMAT);
    o.put("name", CITY_NAME);
    o.put("nameEn", "Tongcheng (sample town)");
    o.put("year", 2026);
    o.put("generator", SampleCityGenerator.class.getName());
    o.put("seed", SEED);
    ObjectNode counts = o.putObject("counts");
    counts.put("streets", map.hierarchy().gridsAt(GridLevel.STREET).size());
    counts.put("communities", map.hierarchy().gridsAt(GridLevel.COMMUNITY).size());
    counts.put(
        "grids",
        map.hierarchy().gridsAt(GridLevel.COMPOUND).stream()
            .filter(g -> g.kind() == GridKind.TERRITORIAL)
            .count());
    counts.put(
        "exclusiveGrids",
        map.hierarchy().grids().stream().filter(g -> g.kind() == GridKind.EXCLUSIVE).count());
    counts.put("patrolPoints", points.size());
    ArrayNode sources = o.putArray("sources");
    source(
        sources,
        "sizes: 3 streets, 23 communities, 105 grids of 300–500 households, 539 patrol points, 9 categories / 32 sub-categories / 90 items, 22 joint-duty departments",
        "储江, 数字赋能基层网格化建设的“桐城样本”, 决策网 / 《决策》2022年第6期 (GridGov docs/domain.md §1–§3)");
    source(
        sources,
        "calendar: 2026 public holidays and make-up working days (official)",
        "国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04 (新华社; https://politics.gmw.cn/2025-11/04/content_38391083.htm)");
    source(
        sources,
        "lists and dispatch table",
        "grid-rules shipped sample (org/gridgov/rules/sample/lists.json, dispatch-2026), Tongcheng-based;"
            + " the matters departments admitted to grid workers are handled in the responsibility grids"
            + " (item level compound, access entry repeated for that level)");
    source(
        sources,
        "escalation table",
        "Zhengzhou's whistle-and-report rungs on Tongcheng's ladder: community, street, then the city grid"
            + " centre and its 22 joint-duty departments (GridGov docs/domain.md §4)");
    source(
        sources,
        "department scheme",
        "grid-scoring built-in tongcheng-2022 (its citation says which parts are illustrative)");
    source(
        sources,
        "credit scheme: deductions -20 contract breach, -50 losing a breach lawsuit, -100 damaging public equipment, -5 to -50 by circumstance",
        "Rongcheng (Shandong) credit rules as published in translation (GridGov docs/domain.md §9)");
    source(
        sources,
        "credit scheme: honours national 30, provincial 20, city 10, county 5, town 3, village 1 (the social organisation's 0.5 left out: points are whole numbers)",
        "Baoji honours points as published (GridGov docs/domain.md §9)");
    source(
        sources,
        "credit scheme: volunteering, reports and good deeds, caps, expiry, repair waiting periods, appeal windows, start, floor and levels are ILLUSTRATIVE",
        "Tongcheng credit community pilot: recognition, appeal and repair (认定、申诉、修复), no published numbers (GridGov docs/domain.md §9)");
    ArrayNode notes = o.putArray("notes");
    notes.add(
        "Geometry, households, population, land use and patrol points are generated (seeded), not surveyed.");
    notes.add(
        "The street names are Tongcheng's; community, grid, school and market names are illustrative.");
    notes.add(
        "Coordinates are WGS-84, rounded to 7 decimals; the town sits near Tongcheng's real position.");
    notes.add(
        "The credit residents, their ids (<grid>-<nnn>) and a year of credit entries are generated (seed "
            + SampleCredit.SEED
            + "); nobody real is scored.");
    return pretty(o);
  }

  private static void source(ArrayNode sources, String what, String where) {
    ObjectNode s = sources.addObject();
    s.put("what", what);
    s.put("source", where);
  }

  private static ObjectMapper mapper() {
    return Json.newMapper();
  }

  private static String pretty(ObjectNode o) {
    try {
      return mapper().writeValueAsString(o) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path text(Path file, String content) throws IOException {
    String body = content.endsWith("\n") ? content : content + "\n";
    Files.writeString(file, body, StandardCharsets.UTF_8);
    return file;
  }

  // ------------------------------------------------------------------ helpers

  private static List<GridId> idsAt(GridHierarchy h, GridLevel level) {
    List<GridId> out = new ArrayList<>();
    for (Grid g : h.gridsAt(level)) {
      if (g.kind() == GridKind.TERRITORIAL) {
        out.add(g.id());
      }
    }
    out.sort(null);
    return out;
  }

  private static Geometry round(Geometry g) {
    Geometry c = g.copy();
    c.apply(
        new CoordinateSequenceFilter() {
          @Override
          public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, 0, r7(seq.getX(i)));
            seq.setOrdinate(i, 1, r7(seq.getY(i)));
          }

          @Override
          public boolean isDone() {
            return false;
          }

          @Override
          public boolean isGeometryChanged() {
            return true;
          }
        });
    return c;
  }

  static double r7(double v) {
    return Math.round(v * 1e7) / 1e7;
  }

  private static String schemeJson(org.gridgov.scoring.ScoringScheme scheme) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ScoringSchemes.write(scheme, out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
