package org.gridgov.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.Severity;
import org.gridgov.core.io.Json;
import org.gridgov.credit.CreditEntries;
import org.gridgov.credit.CreditPosts;
import org.gridgov.credit.CreditReplay;
import org.gridgov.credit.CreditScheme;
import org.gridgov.credit.CreditSchemes;
import org.gridgov.credit.Entry;
import org.gridgov.credit.EntryLog;
import org.gridgov.credit.InvalidEntryException;
import org.gridgov.credit.ReplayOptions;
import org.gridgov.geo.CoverageFinding;
import org.gridgov.geo.GridLocator;
import org.gridgov.geo.GridMap;
import org.gridgov.geo.Location;
import org.gridgov.lab.City;
import org.gridgov.lab.CityDirectory;
import org.gridgov.org.OrgDirectories;
import org.gridgov.org.OrgDirectory;
import org.gridgov.rules.PolicySet;
import org.gridgov.rules.PolicySets;
import org.gridgov.rules.lists.ListConsistencyChecker;
import org.gridgov.rules.lists.ListFinding;
import org.gridgov.rules.table.TableFinding;
import org.gridgov.rules.table.TableVerifier;
import org.gridgov.scoring.SchemeFinding;
import org.gridgov.scoring.ScoringScheme;
import org.gridgov.scoring.ScoringSchemes;
import org.locationtech.jts.geom.Geometry;

/**
 * The bundled sample city (样例城市), loaded and validated: the grid map, the three lists, the policy
 * (dispatch and escalation tables), the working calendar, the patrol points and the two scoring
 * schemes. {@link #bundled()} reads the copy bundled on the class path (the repository's {@code
 * sample-town/}, copied by the build); {@link #read(Path)} reads a directory with the same files
 * (see {@code docs/demo.md}), so a vendor can copy the sample, change it and run the demo's pieces
 * on it.
 *
 * <p>Loading is all-or-nothing: a malformed file is an {@link InvalidInputException} naming it.
 * Validation is separate and never throws: {@link #findings()} lists what every validator found —
 * grid coverage (grid-geo), list consistency (grid-rules), decision-table verification
 * (grid-rules), scoring-scheme validation (grid-scoring), and the sample's own checks (patrol
 * points inside their grids, exclusive-grid coverage matching the polygons). Immutable and
 * thread-safe.
 */
public final class SampleCity {
  /** The manifest: name, year, seed, sources. */
  public static final String MANIFEST = "sample.json";

  /** The manifest's {@code format}. */
  public static final String MANIFEST_FORMAT = "gridgov-sample/1";

  /** Every grid of every level, territorial and exclusive, as one GeoJSON file. */
  public static final String GRIDS = CityDirectory.GRIDS;

  /** The three lists and the departments ({@code gridgov-lists/1}). */
  public static final String LISTS = CityDirectory.LISTS;

  /** The working calendar ({@code gridgov.calendar/1}). */
  public static final String CALENDAR = CityDirectory.CALENDAR;

  /** The policy document ({@code gridgov-policy/1}) naming the lists and the two tables. */
  public static final String POLICY = "policy.json";

  /** The dispatch decision table. */
  public static final String DISPATCH = "dispatch.json";

  /** The escalation decision table. */
  public static final String ESCALATION = "escalation.json";

  /** The patrol points (in a folder of their own, so that the folder reads as a city directory). */
  public static final String PATROL_POINTS = "patrol/points.geojson";

  /** The scheme ranking the joint-duty departments. */
  public static final String DEPARTMENT_SCHEME = "scheme-departments.json";

  /** The scheme ranking grids, communities and streets. */
  public static final String GRID_SCHEME = "scheme-grids.json";

  /** The resident credit scheme ({@code gridgov.credit-scheme/1}). */
  public static final String CREDIT_SCHEME = "credit-scheme.json";

  /** Who holds which credit post ({@code gridgov.credit-posts/1}). */
  public static final String CREDIT_POSTS = "credit-posts.json";

  /** A year of credit ledger entries (JSON Lines). */
  public static final String CREDIT_ENTRIES = "credit-entries.jsonl";

  /** The organisations, people and posts on the grids ({@code gridgov.org/1}). */
  public static final String ORG = "org.json";

  /** Every file of a sample directory. */
  public static final List<String> FILES =
      List.of(
          GRIDS,
          PATROL_POINTS,
          LISTS,
          DISPATCH,
          ESCALATION,
          POLICY,
          CALENDAR,
          DEPARTMENT_SCHEME,
          GRID_SCHEME,
          CREDIT_SCHEME,
          CREDIT_POSTS,
          CREDIT_ENTRIES,
          ORG,
          MANIFEST);

  /** Where the bundled sample lives on the class path. */
  public static final String RESOURCE_DIR = "/org/gridgov/cli/sample/";

  private static final ObjectMapper MAPPER = Json.newMapper();

  private final String name;
  private final int year;
  private final City city;
  private final GridMap map;
  private final PolicySet policy;
  private final ScoringScheme departmentScheme;
  private final ScoringScheme gridScheme;
  private final List<PatrolPoint> patrolPoints;
  private final List<String> sources;
  private final List<SampleFinding> findings;
  private final CreditScheme creditScheme;
  private final CreditPosts creditPosts;
  private final EntryLog creditEntries;
  private final OrgDirectory org;

  private SampleCity(
      String name,
      int year,
      City city,
      PolicySet policy,
      ScoringScheme departmentScheme,
      ScoringScheme gridScheme,
      List<PatrolPoint> patrolPoints,
      List<String> sources,
      List<SampleFinding> findings,
      CreditScheme creditScheme,
      CreditPosts creditPosts,
      EntryLog creditEntries,
      OrgDirectory org) {
    this.name = name;
    this.year = year;
    this.city = city;
    this.map = city.map().orElseThrow();
    this.policy = policy;
    this.departmentScheme = departmentScheme;
    this.gridScheme = gridScheme;
    this.patrolPoints = List.copyOf(patrolPoints);
    this.sources = List.copyOf(sources);
    this.findings = List.copyOf(findings);
    this.creditScheme = creditScheme;
    this.creditPosts = creditPosts;
    this.creditEntries = creditEntries;
    this.org = org;
  }

  /**
   * Reads the bundled sample ({@code sample-town/}, from the class path: a folder when run from the
   * build, the jar when run from {@code gridgov.jar}, where it is copied to a temporary folder
   * first, because the policy reader resolves its parts as files).
   *
   * @return the sample city
   * @throws InvalidInputException when a bundled file is malformed (a packaging bug)
   */
  public static SampleCity bundled() {
    URL url = SampleCity.class.getResource(RESOURCE_DIR + MANIFEST);
    if (url == null) {
      throw InvalidInputException.at(RESOURCE_DIR + MANIFEST, "", "not on the class path");
    }
    if ("file".equals(url.getProtocol())) {
      try {
        return read(Path.of(url.toURI()).getParent());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("gridgov-sample");
      for (String f : FILES) {
        Path target = tmp.resolve(f);
        Files.createDirectories(target.getParent());
        try (InputStream in = SampleCity.class.getResourceAsStream(RESOURCE_DIR + f)) {
          if (in == null) {
            throw InvalidInputException.at(RESOURCE_DIR + f, "", "not on the class path");
          }
          Files.copy(in, target);
        }
      }
      return read(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /**
   * Reads and validates a sample directory.
   *
   * @param dir a directory with the files of {@link #FILES}
   * @return the sample city
   * @throws InvalidInputException when a file is missing or malformed
   */
  public static SampleCity read(Path dir) {
    Manifest manifest = Manifest.read(dir.resolve(MANIFEST));
    City read = CityDirectory.read(dir);
    City city =
        new City(manifest.name(), read.hierarchy(), read.map(), read.lists(), read.calendar());
    PolicySet policy = PolicySets.read(dir.resolve(POLICY));
    String departmentJson = text(dir.resolve(DEPARTMENT_SCHEME));
    String gridJson = text(dir.resolve(GRID_SCHEME));
    ScoringScheme departments = scheme(departmentJson, dir.resolve(DEPARTMENT_SCHEME));
    ScoringScheme grids = scheme(gridJson, dir.resolve(GRID_SCHEME));
    List<PatrolPoint> points = PatrolPoints.read(dir.resolve(PATROL_POINTS));
    CreditScheme creditScheme = CreditSchemes.read(dir.resolve(CREDIT_SCHEME));
    CreditPosts creditPosts = CreditPosts.read(dir.resolve(CREDIT_POSTS));
    EntryLog creditEntries = CreditEntries.read(dir.resolve(CREDIT_ENTRIES));
    OrgDirectory org = OrgDirectories.read(dir.resolve(ORG));

    List<SampleFinding> findings = new ArrayList<>();
    GridMap map = city.map().orElseThrow();
    for (CoverageFinding f : map.findings()) {
      findings.add(SampleFinding.of("coverage", GRIDS, f));
    }
    LocalDate asOf = LocalDate.of(manifest.year(), 1, 1);
    for (ListFinding f :
        ListConsistencyChecker.of(policy.escalation().levels()).check(policy.lists(), asOf)) {
      findings.add(SampleFinding.of("lists", LISTS, f));
    }
    if (!policy.lists().equals(city.lists())) {
      findings.add(
          new SampleFinding(
              Severity.ERROR,
              "policy/LISTS_DIFFER",
              POLICY,
              "the policy's lists are not " + LISTS));
    }
    for (TableFinding f : TableVerifier.defaults().verify(policy.dispatcher().table()).findings()) {
      findings.add(SampleFinding.of("table", DISPATCH, f));
    }
    for (TableFinding f : TableVerifier.defaults().verify(policy.escalation().table()).findings()) {
      findings.add(SampleFinding.of("table", ESCALATION, f));
    }
    for (SchemeFinding f : ScoringSchemes.validate(departmentJson)) {
      findings.add(SampleFinding.of("scheme", DEPARTMENT_SCHEME, f));
    }
    for (SchemeFinding f : ScoringSchemes.validate(gridJson)) {
      findings.add(SampleFinding.of("scheme", GRID_SCHEME, f));
    }
    findings.addAll(checkPatrolPoints(map, points));
    findings.addAll(checkExclusiveCoverage(map));
    findings.addAll(checkCredit(map, city, creditScheme, creditPosts, creditEntries));
    if (city.calendar().holidays().stream().noneMatch(d -> d.getYear() == manifest.year())) {
      findings.add(
          new SampleFinding(
              Severity.WARNING,
              "calendar/NO_HOLIDAYS",
              CALENDAR,
              "the calendar has no public holidays in " + manifest.year()));
    }
    findings.sort(
        Comparator.comparing(SampleFinding::severity)
            .reversed()
            .thenComparing(SampleFinding::file)
            .thenComparing(SampleFinding::code)
            .thenComparing(SampleFinding::message));
    return new SampleCity(
        manifest.name(),
        manifest.year(),
        city,
        policy,
        departments,
        grids,
        points,
        manifest.sources(),
        findings,
        creditScheme,
        creditPosts,
        creditEntries,
        org);
  }

  /**
   * The credit ledger must replay under the scheme with the posts and the calendar, and every
   * resident id must name a responsibility grid ({@code <grid>-<nnn>}).
   */
  private static List<SampleFinding> checkCredit(
      GridMap map, City city, CreditScheme scheme, CreditPosts posts, EntryLog entries) {
    List<SampleFinding> out = new ArrayList<>();
    try {
      CreditReplay.replay(
          scheme,
          entries,
          new ReplayOptions(city.calendar(), Optional.of(posts), Optional.empty()));
    } catch (InvalidEntryException e) {
      out.add(
          new SampleFinding(
              Severity.ERROR, "credit/INVALID_ENTRY", CREDIT_ENTRIES, e.getMessage()));
    }
    java.util.Set<String> leaves = new java.util.HashSet<>();
    city.leaves().forEach(g -> leaves.add(g.value()));
    java.util.Set<String> unknown = new java.util.TreeSet<>();
    for (Entry e : entries.entries()) {
      if (!leaves.contains(SampleCredit.gridOf(e.resident()))) {
        unknown.add(e.resident());
      }
    }
    if (!unknown.isEmpty()) {
      out.add(
          new SampleFinding(
              Severity.ERROR,
              "credit/UNKNOWN_GRID",
              CREDIT_ENTRIES,
              unknown.size()
                  + " residents name no responsibility grid of the map, first "
                  + unknown.iterator().next()));
    }
    return out;
  }

  /** Every patrol point must lie in the leaf grid it names. */
  private static List<SampleFinding> checkPatrolPoints(GridMap map, List<PatrolPoint> points) {
    List<SampleFinding> out = new ArrayList<>();
    GridLocator locator = map.locator();
    for (PatrolPoint p : points) {
      Optional<Grid> grid = map.grid(p.grid());
      if (grid.isEmpty()) {
        out.add(
            new SampleFinding(
                Severity.ERROR,
                "patrol/UNKNOWN_GRID",
                PATROL_POINTS,
                "patrol point " + p.id() + " names grid " + p.grid() + ", which the map lacks"));
        continue;
      }
      Optional<Location> at = locator.locate(p.position().lon(), p.position().lat());
      if (at.isEmpty() || !at.get().leaf().equals(p.grid())) {
        out.add(
            new SampleFinding(
                Severity.ERROR,
                "patrol/OUTSIDE_GRID",
                PATROL_POINTS,
                "patrol point "
                    + p.id()
                    + " lies in "
                    + at.map(l -> l.leaf().value()).orElse("no grid")
                    + ", not in "
                    + p.grid()));
      }
    }
    return out;
  }

  /** An exclusive grid's coverage must be the leaves its polygon overlaps. */
  private static List<SampleFinding> checkExclusiveCoverage(GridMap map) {
    List<SampleFinding> out = new ArrayList<>();
    java.util.Map<GridId, Geometry> polygons = new java.util.TreeMap<>();
    for (Grid g : map.hierarchy().grids()) {
      polygons.put(g.id(), map.geometry(g.id()).orElseThrow());
    }
    for (Grid g : map.hierarchy().grids()) {
      if (g.kind() != GridKind.EXCLUSIVE) {
        continue;
      }
      Set<GridId> overlapped =
          SampleCityGenerator.coverage(map.hierarchy(), polygons, polygons.get(g.id()));
      if (!overlapped.equals(g.coverage())) {
        out.add(
            new SampleFinding(
                Severity.WARNING,
                "exclusive/COVERAGE",
                GRIDS,
                "exclusive grid "
                    + g.id()
                    + " lists coverage "
                    + g.coverage()
                    + " but its polygon overlaps "
                    + overlapped));
      }
    }
    return out;
  }

  private static String text(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw InvalidInputException.at(file.toString(), "", "cannot read: " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // a left-over temporary file is harmless
                }
              });
    } catch (IOException ignored) {
      // as above
    }
  }

  /**
   * The display name, such as 桐城（样例城区）.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The year the sample is made for (its calendar and policy).
   *
   * @return the year
   */
  public int year() {
    return year;
  }

  /**
   * The city as the case loop sees it: grids with polygons, lists, calendar.
   *
   * @return the city
   */
  public City city() {
    return city;
  }

  /**
   * The grid map.
   *
   * @return the map
   */
  public GridMap map() {
    return map;
  }

  /**
   * The policy: lists, dispatch table and escalation ladder.
   *
   * @return the policy set
   */
  public PolicySet policy() {
    return policy;
  }

  /**
   * The scheme ranking departments.
   *
   * @return the scheme
   */
  public ScoringScheme departmentScheme() {
    return departmentScheme;
  }

  /**
   * The scheme ranking grids, communities and streets.
   *
   * @return the scheme
   */
  public ScoringScheme gridScheme() {
    return gridScheme;
  }

  /**
   * The patrol points, in file order (by grid).
   *
   * @return the points
   */
  public List<PatrolPoint> patrolPoints() {
    return patrolPoints;
  }

  /**
   * Where the sample's figures come from, one line each.
   *
   * @return the sources
   */
  public List<String> sources() {
    return sources;
  }

  /**
   * What validation found, errors first; empty for the bundled sample.
   *
   * @return the findings
   */
  public List<SampleFinding> findings() {
    return findings;
  }

  /**
   * Whether any finding is an error.
   *
   * @return true when the sample should not be used
   */
  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /**
   * The territorial grids of a level, in id order.
   *
   * @param level the level
   * @return the grids
   */
  public List<Grid> gridsAt(GridLevel level) {
    List<Grid> out = new ArrayList<>();
    for (Grid g : map.hierarchy().gridsAt(level)) {
      if (g.kind() == GridKind.TERRITORIAL) {
        out.add(g);
      }
    }
    out.sort(Comparator.comparing(Grid::id));
    return out;
  }

  /**
   * The exclusive grids, in id order.
   *
   * @return the grids
   */
  public List<Grid> exclusiveGrids() {
    List<Grid> out = new ArrayList<>();
    for (Grid g : map.hierarchy().grids()) {
      if (g.kind() == GridKind.EXCLUSIVE) {
        out.add(g);
      }
    }
    out.sort(Comparator.comparing(Grid::id));
    return out;
  }

  /**
   * A grid's display name, or its id when it has none.
   *
   * @param id the grid
   * @return the name
   */
  public String nameOf(GridId id) {
    return map.grid(id).map(Grid::name).filter(n -> !n.isEmpty()).orElse(id.value());
  }

  /**
   * The resident credit scheme ({@value #CREDIT_SCHEME}).
   *
   * @return the scheme
   */
  public CreditScheme creditScheme() {
    return creditScheme;
  }

  /**
   * Who holds which credit post ({@value #CREDIT_POSTS}).
   *
   * @return the posts
   */
  public CreditPosts creditPosts() {
    return creditPosts;
  }

  /**
   * A year of credit ledger entries ({@value #CREDIT_ENTRIES}), with their lines.
   *
   * @return the entries
   */
  public EntryLog creditEntries() {
    return creditEntries;
  }

  /**
   * The organisation on the grids ({@value #ORG}): party organisations, people, posts and dual
   * reporting, with the three deliberate imperfections of sample-town/README.md.
   *
   * @return the directory
   */
  public OrgDirectory org() {
    return org;
  }

  /**
   * The responsibility grid a credit resident belongs to: the grid id before the {@code -} of the
   * resident's id.
   *
   * @param resident the resident's id
   * @return the grid, when the id names one of the map
   */
  public Optional<GridId> gridOfResident(String resident) {
    Objects.requireNonNull(resident, "resident");
    GridId id;
    try {
      id = GridId.of(SampleCredit.gridOf(resident));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return map.grid(id).map(Grid::id);
  }

  @Override
  public String toString() {
    return "SampleCity[" + name + ", " + map + ", " + findings.size() + " findings]";
  }

  /** The manifest's fields the demo uses. */
  private record Manifest(String name, int year, List<String> sources) {
    static Manifest read(Path file) {
      String source = file.toString();
      JsonNode root;
      try (InputStream in = Files.newInputStream(file)) {
        root = MAPPER.readTree(in);
      } catch (IOException e) {
        throw InvalidInputException.at(source, "", "cannot read: " + e.getMessage());
      }
      if (root == null || !root.isObject()) {
        throw InvalidInputException.at(source, "", "expected a JSON object");
      }
      if (!MANIFEST_FORMAT.equals(root.path("format").asText())) {
        throw InvalidInputException.at(source, "/format", "expected \"" + MANIFEST_FORMAT + "\"");
      }
      JsonNode name = root.get("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        throw InvalidInputException.at(source, "/name", "expected the city's name");
      }
      JsonNode year = root.get("year");
      if (year == null || !year.canConvertToInt() || year.asInt() < 1990 || year.asInt() > 2100) {
        throw InvalidInputException.at(source, "/year", "expected a year between 1990 and 2100");
      }
      List<String> sources = new ArrayList<>();
      for (JsonNode s : root.path("sources")) {
        sources.add(s.path("what").asText() + " — " + s.path("source").asText());
      }
      Objects.requireNonNull(name);
      return new Manifest(name.asText(), year.asInt(), sources);
    }
  }

  private static ScoringScheme scheme(String json, Path file) {
    return ScoringSchemes.read(
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        file.toString());
  }
}
