package org.gridgov.geo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridLevel;
import org.gridgov.core.HierarchyException;
import org.gridgov.core.HierarchyProblem;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.cases.Case;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.geo.internal.geojson.FeatureRules;
import org.gridgov.geo.internal.geojson.GeoJsonDocument;
import org.gridgov.geo.internal.geojson.GeoJsonFeature;
import org.gridgov.geo.internal.geojson.GeoJsonGridReader;
import org.gridgov.geo.internal.geojson.GeoJsonGridWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * The front door of grid-geo: reads grid maps from GeoJSON, assembles them from a hierarchy and
 * polygons, and writes them back. The format is described in {@code docs/geojson.md}.
 *
 * <pre>{@code
 * GridMap map = GridMaps.read(Path.of("city.geojson"));
 * GridMap messy = GridMaps.read(List.of(streets, communities, micro),
 *     GridMapOptions.defaults().lenient().withCoordinateSystem(CoordinateSystem.GCJ02));
 * messy.coverage().all().forEach(f -> System.out.println(f.render()));
 * GridMaps.write(map, Path.of("out.geojson"), 7);
 * }</pre>
 *
 * <p>Readers and writers are named as in every GridGov module: {@code read(Path...)}, {@code
 * read(List<Path>, options)}, {@code read(InputStream, sourceName[, options])} and {@code
 * write(map, OutputStream | Path[, decimals])}. {@code readGeoJson} and {@code writeGeoJson} are
 * the same methods under their first names, kept for code written against them.
 *
 * <p>The level ladder and the coordinate system are the caller's ({@link GridMapOptions}) or the
 * document's (the top-level members {@code levels} and {@code coordinateSystem}; caller and
 * documents must agree), else the default ladder and WGS-84 ({@link
 * GridMap#coordinateSystemDeclared()} is then false). A vendor's file whose ids and parents are in
 * other properties reads with {@link GridMapOptions#withIdProperty}, {@link
 * GridMapOptions#withParentProperty} and {@link GridMapOptions#withExternalParents}.
 *
 * <p>Loading is all-or-nothing: malformed JSON, a bad geometry, a feature without an id, an id
 * twice or a missing parent is an {@link InvalidInputException} naming the file, the line and
 * column and the JSON pointer; in {@link GridMapOptions.Mode#STRICT strict} mode a map with
 * coverage findings is a {@link CoverageException}. JSON limits (document size, nesting, string and
 * number length) are those of every GridGov JSON input. Caller mistakes (a {@code null} argument,
 * no file at all) are {@link NullPointerException}s and {@link IllegalArgumentException}s.
 *
 * <p>Stateless and thread-safe.
 */
public final class GridMaps {
  /**
   * Longitude/latitude (SRID 4326 for WGS-84); floating precision keeps every input digit; packed
   * coordinates take 16 bytes a position.
   */
  private static final GeometryFactory FACTORY =
      new GeometryFactory(
          new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

  private static final GeoJsonGridReader READER = new GeoJsonGridReader(FACTORY);

  /** Files up to this size are read into memory (and parsed in parallel); larger ones streamed. */
  private static final long IN_MEMORY_MAX_BYTES = 1L << 30;

  private GridMaps() {}

  /**
   * Reads a grid map from one or more GeoJSON files with {@link GridMapOptions#defaults()}
   * (strict).
   *
   * @param files one file with every level, or one file per level; at least one
   * @return the map
   * @throws InvalidInputException when a file cannot be read or is not a valid grid map
   * @throws CoverageException when coverage validation finds problems
   * @throws IllegalArgumentException when no file is given
   */
  public static GridMap read(Path... files) {
    Objects.requireNonNull(files, "files");
    return read(Arrays.asList(files), GridMapOptions.defaults());
  }

  /**
   * Reads a grid map from one or more GeoJSON files. The features of all files are merged, then the
   * hierarchy is built once, so a parent may be in another file than its children.
   *
   * @param files one file with every level, or one file per level; at least one
   * @param options mode, coordinate system, ladder and tolerances
   * @return the map
   * @throws InvalidInputException when a file cannot be read or is not a valid grid map
   * @throws CoverageException in strict mode, when coverage validation finds problems
   * @throws IllegalArgumentException when no file is given
   */
  public static GridMap read(List<Path> files, GridMapOptions options) {
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(options, "options");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("reading a grid map needs at least one file, got none");
    }
    for (int i = 0; i < files.size(); i++) {
      Objects.requireNonNull(files.get(i), "files[" + i + "] is null");
    }
    // Files are parsed in parallel; a failure is reported for the first failing file in the
    // order given, so the message does not depend on scheduling.
    FeatureRules rules = rules(options);
    List<Object> results =
        files.parallelStream().map(f -> readOrFailure(f, rules)).collect(Collectors.toList());
    List<GeoJsonDocument> docs = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof RuntimeException e) {
        throw e;
      }
      docs.add((GeoJsonDocument) r);
    }
    String label = files.stream().map(Path::toString).collect(Collectors.joining(", "));
    return assemble(docs, options, label);
  }

  /**
   * Reads a grid map from a GeoJSON stream with {@link GridMapOptions#defaults()} (strict).
   *
   * @param in the document; read to its end, not closed
   * @param sourceName the name used in messages, such as the file name
   * @return the map
   * @throws InvalidInputException when the document is not a valid grid map
   * @throws CoverageException when coverage validation finds problems
   */
  public static GridMap read(InputStream in, String sourceName) {
    return read(in, sourceName, GridMapOptions.defaults());
  }

  /**
   * Reads a grid map from a GeoJSON stream.
   *
   * @param in the document; read to its end, not closed
   * @param sourceName the name used in messages, such as the file name
   * @param options mode, coordinate system, ladder and tolerances
   * @return the map
   * @throws InvalidInputException when the document is not a valid grid map
   * @throws CoverageException in strict mode, when coverage validation finds problems
   */
  public static GridMap read(InputStream in, String sourceName, GridMapOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(options, "options");
    GeoJsonDocument doc;
    try {
      doc = READER.read(in, sourceName, rules(options));
    } catch (IOException e) {
      throw InvalidInputException.at(sourceName, "", "cannot read the input: " + e.getMessage());
    }
    return assemble(List.of(doc), options, sourceName);
  }

  /**
   * The same as {@link #read(Path...)}, under its first name.
   *
   * @param files one file with every level, or one file per level; at least one
   * @return the map
   * @throws InvalidInputException when a file cannot be read or is not a valid grid map
   * @throws CoverageException when coverage validation finds problems
   */
  public static GridMap readGeoJson(Path... files) {
    return read(files);
  }

  /**
   * The same as {@link #read(List, GridMapOptions)}, under its first name.
   *
   * @param files one file with every level, or one file per level; at least one
   * @param options mode, coordinate system, ladder and tolerances
   * @return the map
   * @throws InvalidInputException when a file cannot be read or is not a valid grid map
   * @throws CoverageException in strict mode, when coverage validation finds problems
   */
  public static GridMap readGeoJson(List<Path> files, GridMapOptions options) {
    return read(files, options);
  }

  /**
   * The same as {@link #read(InputStream, String)}, under its first name.
   *
   * @param in the document; read to its end, not closed
   * @param sourceName the name used in messages, such as the file name
   * @return the map
   * @throws InvalidInputException when the document is not a valid grid map
   * @throws CoverageException when coverage validation finds problems
   */
  public static GridMap readGeoJson(InputStream in, String sourceName) {
    return read(in, sourceName);
  }

  /**
   * The same as {@link #read(InputStream, String, GridMapOptions)}, under its first name.
   *
   * @param in the document; read to its end, not closed
   * @param sourceName the name used in messages, such as the file name
   * @param options mode, coordinate system, ladder and tolerances
   * @return the map
   * @throws InvalidInputException when the document is not a valid grid map
   * @throws CoverageException in strict mode, when coverage validation finds problems
   */
  public static GridMap readGeoJson(InputStream in, String sourceName, GridMapOptions options) {
    return read(in, sourceName, options);
  }

  /**
   * Assembles a grid map from a hierarchy and one polygon per grid, for example from a generator or
   * another format. The polygons are copied.
   *
   * @param hierarchy the grids
   * @param polygons a non-empty Polygon or MultiPolygon for every grid of the hierarchy, and
   *     nothing else
   * @param options the mode, coordinate system (WGS-84 when empty) and tolerances; the ladder is
   *     the hierarchy's own
   * @return the map
   * @throws IllegalArgumentException when a grid has no polygon, a polygon no grid, or a geometry
   *     is not polygonal
   * @throws CoverageException in strict mode, when coverage validation finds problems
   */
  public static GridMap of(
      GridHierarchy hierarchy, Map<GridId, ? extends Geometry> polygons, GridMapOptions options) {
    Objects.requireNonNull(options, "options");
    Geometry[] geometries = new Geometry[hierarchy.size()];
    for (Map.Entry<GridId, ? extends Geometry> e : polygons.entrySet()) {
      int o =
          hierarchy
              .ordinalOf(e.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "polygon for grid "
                              + e.getKey()
                              + ", which the hierarchy does not have"));
      Geometry g = Objects.requireNonNull(e.getValue(), "polygon of " + e.getKey());
      if (!(g instanceof Polygonal) || g.isEmpty()) {
        throw new IllegalArgumentException(
            "grid "
                + e.getKey()
                + " needs a non-empty Polygon or MultiPolygon, got "
                + g.getGeometryType());
      }
      geometries[o] = g.copy();
    }
    for (int o = 0; o < geometries.length; o++) {
      if (geometries[o] == null) {
        throw new IllegalArgumentException("grid " + hierarchy.idAt(o) + " has no polygon");
      }
    }
    CoordinateSystem system = options.coordinateSystem().orElse(CoordinateSystem.WGS84);
    return validated(
        hierarchy, geometries, null, system, options.coordinateSystem().isPresent(), options, "");
  }

  /**
   * Writes a grid map as one GeoJSON FeatureCollection that {@link #read(InputStream, String)}
   * reads back to an equal map: every coordinate is written exactly.
   *
   * @param map the map
   * @param out the stream; flushed, not closed
   * @throws UncheckedIOException when writing fails
   * @throws IllegalArgumentException when a grid attribute uses a reserved property name
   */
  public static void write(GridMap map, OutputStream out) {
    write(map, out, -1);
  }

  /**
   * Writes a grid map with coordinates rounded to a number of decimal places. RFC 7946 §11.2
   * recommends no more precision than needed: 6 decimals of a degree are about 10 cm, 7 about 1 cm,
   * and every extra digit costs file size and reading time. Equal coordinates round equally, so
   * shared borders stay shared; rounding can still collapse detail finer than the precision, so
   * validate the result ({@link CoverageValidator}) when that matters.
   *
   * @param map the map
   * @param out the stream; flushed, not closed
   * @param decimals 0 to 15 decimal places, or -1 for exact
   * @throws UncheckedIOException when writing fails
   * @throws IllegalArgumentException for decimals out of range, or a grid attribute that uses a
   *     reserved property name
   */
  public static void write(GridMap map, OutputStream out, int decimals) {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(out, "out");
    GeoJsonGridWriter.checkDecimals(decimals);
    Geometry[] geometries = map.geometriesByOrdinal();
    try {
      GeoJsonGridWriter.writeGrids(
          out, map.hierarchy(), o -> geometries[o], systemMember(map.coordinateSystem()), decimals);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a grid map to a file, exactly, and atomically ({@code core.io.AtomicFiles}): into a
   * temporary file next to it, moved into place when complete.
   *
   * @param map the map
   * @param file the target
   * @throws UncheckedIOException when writing fails (the target is then unchanged)
   */
  public static void write(GridMap map, Path file) {
    write(map, file, -1);
  }

  /**
   * Writes a grid map to a file atomically, coordinates rounded as {@link #write(GridMap,
   * OutputStream, int)} does.
   *
   * @param map the map
   * @param file the target
   * @param decimals 0 to 15 decimal places, or -1 for exact
   * @throws UncheckedIOException when writing fails (the target is then unchanged)
   * @throws IllegalArgumentException for decimals out of range (the target is not touched)
   */
  public static void write(GridMap map, Path file, int decimals) {
    Objects.requireNonNull(map, "map");
    Objects.requireNonNull(file, "file");
    GeoJsonGridWriter.checkDecimals(decimals);
    AtomicFiles.<RuntimeException>write(file, out -> write(map, out, decimals));
  }

  /**
   * The same as {@link #write(GridMap, OutputStream)}, under its first name.
   *
   * @param map the map
   * @param out the stream; flushed, not closed
   */
  public static void writeGeoJson(GridMap map, OutputStream out) {
    write(map, out);
  }

  /**
   * The same as {@link #write(GridMap, OutputStream, int)}, under its first name.
   *
   * @param map the map
   * @param out the stream; flushed, not closed
   * @param decimals 0 to 15 decimal places, or -1 for exact
   */
  public static void writeGeoJson(GridMap map, OutputStream out, int decimals) {
    write(map, out, decimals);
  }

  /**
   * The same as {@link #write(GridMap, Path)}, under its first name.
   *
   * @param map the map
   * @param file the target
   */
  public static void writeGeoJson(GridMap map, Path file) {
    write(map, file);
  }

  /**
   * The same as {@link #write(GridMap, Path, int)}, under its first name.
   *
   * @param map the map
   * @param file the target
   * @param decimals 0 to 15 decimal places, or -1 for exact
   */
  public static void writeGeoJson(GridMap map, Path file, int decimals) {
    write(map, file, decimals);
  }

  /**
   * Writes located cases as GeoJSON Point features, for a map viewer: properties {@code id}, {@code
   * item}, {@code grid}, {@code path} (root → grid, joined by {@code /}), {@code state}, {@code
   * channel}, {@code reportedAt}, {@code urgent} and the other known fields, as described in {@code
   * docs/geojson.md}.
   *
   * @param cases the cases, in the order to write
   * @param hierarchy the grids, to spell out each case's path
   * @param out the stream; flushed, not closed
   * @throws UncheckedIOException when writing fails
   */
  public static void writeCasesGeoJson(
      Iterable<Case> cases, GridHierarchy hierarchy, OutputStream out) {
    try {
      GeoJsonGridWriter.writeCases(
          out,
          cases,
          id -> hierarchy.contains(id) ? Optional.of(hierarchy.path(id)) : Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- package internals ---------------------------------------------------------------------

  private static FeatureRules rules(GridMapOptions options) {
    return new FeatureRules(
        options
            .idProperty()
            .map(p -> GridMapOptions.propertyPath(p, "id property"))
            .orElse(List.of()),
        options
            .parentProperty()
            .map(p -> GridMapOptions.propertyPath(p, "parent property"))
            .orElse(List.of()));
  }

  private static Object readOrFailure(Path file, FeatureRules rules) {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > Json.MAX_STREAMED_DOCUMENT_BYTES) {
        return GeoJsonGridReader.tooLarge(source, size);
      }
      if (size > IN_MEMORY_MAX_BYTES) {
        // Too large for one array: streamed, feature by feature.
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
          return READER.read(in, source, rules);
        }
      }
      // In memory, a large document is parsed in parallel.
      return READER.read(Files.readAllBytes(file), source, rules);
    } catch (NoSuchFileException e) {
      return InvalidInputException.at(source, "", "no such file");
    } catch (IOException e) {
      return InvalidInputException.at(source, "", "cannot read the file: " + e.getMessage());
    } catch (InvalidInputException e) {
      return e;
    }
  }

  private static GridMap assemble(
      List<GeoJsonDocument> docs, GridMapOptions options, String label) {
    CoordinateSystem system = coordinateSystem(docs, options);
    boolean declared =
        options.coordinateSystem().isPresent()
            || docs.stream().anyMatch(d -> d.coordinateSystem().isPresent());
    Ladder ladder = ladder(docs, options);
    Map<GridId, GeoJsonFeature> byId = new HashMap<>();
    List<GeoJsonFeature> features = new ArrayList<>();
    for (GeoJsonDocument doc : docs) {
      for (GeoJsonFeature read : doc.features()) {
        GeoJsonFeature f = withDepthResolved(read, ladder);
        GeoJsonFeature first = byId.putIfAbsent(f.grid().id(), f);
        if (first != null) {
          throw new InvalidInputException(
              f.source(),
              f.line(),
              f.column(),
              f.idPointer(),
              "grid id \""
                  + f.grid().id()
                  + "\" appears twice; first at "
                  + where(first, first.idPointer(), f.source()),
              null);
        }
        features.add(f);
      }
    }
    if (byId.isEmpty()) {
      throw InvalidInputException.at(label, "/features", "the grid map has no features");
    }
    GridHierarchy.Builder builder = GridHierarchy.builder(ladder.ladder());
    for (GeoJsonFeature f : features) {
      Grid g = f.grid();
      if (options.externalParents() == GridMapOptions.ExternalParents.IGNORE
          && g.parent().isPresent()
          && !byId.containsKey(g.parent().get())) {
        // The caller said a parent outside the map makes its grid a root.
        g = withoutParent(g);
        byId.put(g.id(), f.withGrid(g));
      }
      builder.add(g);
    }
    GridHierarchy hierarchy;
    try {
      hierarchy = builder.build(); // checks the structure once, reporting every problem
    } catch (HierarchyException e) {
      throw hierarchyFailure(e, byId, ladder, options);
    }
    Geometry[] geometries = new Geometry[hierarchy.size()];
    SourceLocation[] origins = new SourceLocation[hierarchy.size()];
    for (int o = 0; o < geometries.length; o++) {
      GeoJsonFeature f = byId.get(hierarchy.idAt(o));
      geometries[o] = f.geometry();
      origins[o] = f.geometryLocation();
    }
    return validated(hierarchy, geometries, origins, system, declared, options, label);
  }

  /** The ladder of a load and who declared it, for messages. */
  private record Ladder(LevelLadder ladder, String declaredBy) {}

  /**
   * The ladder: the caller's, else the documents' {@code levels} (which must agree), else the
   * default one; a document whose levels differ from the caller's is refused.
   */
  private static Ladder ladder(List<GeoJsonDocument> docs, GridMapOptions options) {
    LevelLadder chosen = options.declaredLadder().orElse(null);
    String chosenBy = chosen == null ? null : "the options";
    for (GeoJsonDocument doc : docs) {
      if (doc.levels().isEmpty()) {
        continue;
      }
      LevelLadder declared = LevelLadder.of(doc.levels().get());
      if (chosen != null && !chosen.equals(declared)) {
        throw InvalidInputException.at(
            doc.source(),
            "/" + GeoJsonGridReader.LEVELS_MEMBER,
            "the document declares the levels "
                + declared
                + " but "
                + chosenBy
                + (chosenBy.equals("the options") ? " say " : " says ")
                + chosen);
      }
      chosen = declared;
      chosenBy = doc.source();
    }
    return chosen == null ? new Ladder(LevelLadder.defaults(), null) : new Ladder(chosen, chosenBy);
  }

  /** A feature whose level was written as a depth, with the ladder's level at that depth. */
  private static GeoJsonFeature withDepthResolved(GeoJsonFeature f, Ladder ladder) {
    int depth = f.levelDepth();
    if (depth == 0) {
      return f;
    }
    List<GridLevel> levels = ladder.ladder().levels();
    if (depth > levels.size()) {
      throw new InvalidInputException(
          f.source(),
          f.line(),
          f.column(),
          f.propertyPointer("level"),
          "grid "
              + f.grid().id()
              + " has level "
              + depth
              + ", a depth, but the ladder "
              + ladder.ladder()
              + " has "
              + levels.size()
              + " level"
              + (levels.size() == 1 ? "" : "s")
              + (ladder.declaredBy() == null
                  ? " (the default ladder; " + HOW_TO_DECLARE + ")"
                  : ""),
          null);
    }
    Grid g = f.grid();
    return f.withGrid(
        new Grid(
            g.id(),
            g.name(),
            levels.get(depth - 1),
            g.kind(),
            g.parent(),
            g.owner(),
            g.coverage(),
            g.households(),
            g.population(),
            g.validFrom(),
            g.validTo(),
            g.attributes()));
  }

  private static Grid withoutParent(Grid g) {
    return new Grid(
        g.id(),
        g.name(),
        g.level(),
        g.kind(),
        Optional.empty(),
        g.owner(),
        g.coverage(),
        g.households(),
        g.population(),
        g.validFrom(),
        g.validTo(),
        g.attributes());
  }

  private static final String HOW_TO_DECLARE =
      "declare the map's levels, top first, with the top-level member \"levels\": [...] or"
          + " GridMapOptions.withLevels (gridgov: --levels)";

  private static GridMap validated(
      GridHierarchy hierarchy,
      Geometry[] geometries,
      SourceLocation[] origins,
      CoordinateSystem system,
      boolean declared,
      GridMapOptions options,
      String label) {
    GridMap unchecked = new GridMap(hierarchy, geometries, system, declared, List.of(), origins);
    if (options.mode() == GridMapOptions.Mode.TRUSTED) {
      return unchecked;
    }
    List<CoverageFinding> findings = CoverageValidator.of(options.tolerances()).validate(unchecked);
    if (findings.isEmpty()) {
      return unchecked;
    }
    if (options.mode() == GridMapOptions.Mode.STRICT) {
      throw new CoverageException(label, findings);
    }
    return new GridMap(hierarchy, geometries, system, declared, findings, origins);
  }

  private static CoordinateSystem coordinateSystem(
      List<GeoJsonDocument> docs, GridMapOptions options) {
    CoordinateSystem chosen = options.coordinateSystem().orElse(null);
    String chosenBy = "the options";
    for (GeoJsonDocument doc : docs) {
      if (doc.coordinateSystem().isEmpty()) {
        continue;
      }
      String pointer = "/" + GeoJsonGridReader.COORDINATE_SYSTEM_MEMBER;
      CoordinateSystem declared;
      try {
        declared = CoordinateSystem.parse(doc.coordinateSystem().get());
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.at(doc.source(), pointer, e.getMessage());
      }
      if (chosen != null && chosen != declared) {
        throw InvalidInputException.at(
            doc.source(),
            pointer,
            "the document declares " + declared + " but " + chosenBy + " say " + chosen);
      }
      chosen = declared;
      chosenBy = doc.source();
    }
    return chosen == null ? CoordinateSystem.WGS84 : chosen;
  }

  private static Optional<String> systemMember(CoordinateSystem system) {
    return system == CoordinateSystem.WGS84 ? Optional.empty() : Optional.of(system.name());
  }

  private static InvalidInputException hierarchyFailure(
      HierarchyException cause,
      Map<GridId, GeoJsonFeature> byId,
      Ladder ladder,
      GridMapOptions options) {
    List<HierarchyProblem> problems = cause.problems();
    HierarchyProblem first = problems.get(0);
    GeoJsonFeature at = byId.get(first.ids().get(0));
    StringBuilder reason = new StringBuilder(first.message());
    if (first.kind() == HierarchyProblem.Kind.UNKNOWN_LEVEL && ladder.declaredBy() == null) {
      reason.append(" (the default ladder; ").append(HOW_TO_DECLARE).append(')');
    }
    if (first.kind() == HierarchyProblem.Kind.UNKNOWN_PARENT
        && options.externalParents() == GridMapOptions.ExternalParents.ERROR) {
      reason.append(
          " (a parent outside the map makes its grid a root only when the caller says so:"
              + " GridMapOptions.withExternalParents(IGNORE), gridgov: --external-parents ignore)");
    }
    if (problems.size() > 1) {
      reason.append(" (and ").append(problems.size() - 1).append(" more: ");
      for (int i = 1; i < problems.size() && i <= 10; i++) {
        HierarchyProblem p = problems.get(i);
        GeoJsonFeature f = byId.get(p.ids().get(0));
        reason.append(i > 1 ? "; " : "").append(p.message());
        if (f != null) {
          reason.append(" at ").append(where(f, pointer(p, f), at == null ? "" : at.source()));
        }
      }
      reason.append(problems.size() > 11 ? "; …)" : ")");
    }
    return new InvalidInputException(
        at == null ? "" : at.source(),
        at == null ? 0 : at.line(),
        at == null ? 0 : at.column(),
        at == null ? "" : pointer(first, at),
        reason.toString(),
        cause);
  }

  /** The member of a feature that a hierarchy problem is about. */
  private static String pointer(HierarchyProblem p, GeoJsonFeature f) {
    return switch (p.kind()) {
      case DUPLICATE_ID -> f.idPointer();
      case UNKNOWN_PARENT, CYCLE, EXCLUSIVE_WITH_PARENT ->
          f.grid().parent().isPresent() ? f.parentPointer() : f.propertyPointer("owner");
      case UNKNOWN_LEVEL, LEVEL_OUT_OF_ORDER -> f.propertyPointer("level");
      case MISSING_OWNER, OWNER_NOT_TERRITORIAL, TERRITORIAL_WITH_OWNER ->
          f.grid().owner().isPresent() ? f.propertyPointer("owner") : f.pointer() + "/properties";
      case BAD_COVERAGE -> f.propertyPointer("coverage");
    };
  }

  private static String where(GeoJsonFeature f, String pointer, String currentSource) {
    return (f.source().equals(currentSource) ? "" : f.source() + " ") + pointer;
  }
}
