package org.gridgov.geo.internal.geojson;

import static org.gridgov.core.InputCode.BAD_VALUE;
import static org.gridgov.core.InputCode.MISSING;
import static org.gridgov.core.InputCode.SYNTAX;
import static org.gridgov.core.InputCode.TYPE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gridgov.core.Finding;
import org.gridgov.core.Findings;
import org.gridgov.core.Grid;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.GridLevel;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.LevelLadder;
import org.gridgov.core.Severity;
import org.gridgov.core.SourceLocation;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.Pointers;
import org.gridgov.core.io.Positions;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.geo.internal.coverage.Rings;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * Reads the grids of one GeoJSON (RFC 7946) FeatureCollection with Jackson's streaming parser and
 * builds their JTS geometries directly, keeping every property (JTS's own GeoJSON reader drops
 * them). The format is described in {@code docs/geojson.md}.
 *
 * <p>Every problem is an {@link InvalidInputException} made of one located {@link Finding} (code
 * {@link InputCode}) naming the source, the line and column and the JSON pointer; nothing is
 * returned from a document with a problem, and the first problem ends the read (a stream cannot be
 * checked further once its structure is wrong). Positions are checked while they stream past, so a
 * bad coordinate is reported at its own line and column.
 *
 * <p>Limits: the parser comes from {@link Json#newStreamingFactory()}, so nesting, strings, names
 * and numbers have the limits of every other GridGov JSON input, and a map, which is streamed and
 * never held as a tree, may have up to {@link Json#MAX_STREAMED_DOCUMENT_BYTES}; the same limits
 * hold in the sequential and in the parallel path; over a limit is an error with code {@link
 * InputCode#LIMIT}.
 *
 * <p>Thread-safe: each {@link #read} call uses its own parser state.
 */
public final class GeoJsonGridReader {
  /** Property names with a meaning of their own; every other property becomes an attribute. */
  public static final Set<String> RESERVED =
      Set.of(
          "id",
          "parent",
          "level",
          "name",
          "kind",
          "owner",
          "coverage",
          "households",
          "population",
          "validFrom",
          "validTo");

  /** The geometry types a grid may have. */
  private static final List<String> GRID_GEOMETRIES = List.of("Polygon", "MultiPolygon");

  /** The top-level foreign member that declares the coordinate system of the positions. */
  public static final String COORDINATE_SYSTEM_MEMBER = "coordinateSystem";

  /** The top-level foreign member that declares the level ladder, top first. */
  public static final String LEVELS_MEMBER = "levels";

  /** The top-level members GridGov reads: GeoJSON's own and its two foreign members. */
  private static final List<String> KNOWN_MEMBERS =
      List.of("type", "features", "bbox", COORDINATE_SYSTEM_MEMBER, LEVELS_MEMBER);

  /**
   * Top-level names that mean a GridGov member under another name; other foreign members (a layer's
   * {@code name}, GDAL's {@code crs}, a {@code title}) are ignored as RFC 7946 §6.1 allows.
   */
  private static final Map<String, String> MEMBER_ALIASES =
      Map.of(
          "ladder", LEVELS_MEMBER,
          "levelladder", LEVELS_MEMBER,
          "level_ladder", LEVELS_MEMBER,
          "levelnames", LEVELS_MEMBER,
          "gridlevels", LEVELS_MEMBER,
          "coordsystem", COORDINATE_SYSTEM_MEMBER,
          "coordinatesys", COORDINATE_SYSTEM_MEMBER,
          "coordinatereferencesystem", COORDINATE_SYSTEM_MEMBER);

  private static final int MAX_DEPTH = 8;

  /** By default, documents from this size on are split and their features parsed in parallel. */
  private static final int PARALLEL_MIN_BYTES = 4 << 20;

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** Positions are stored packed, 16 bytes each: a city has millions of them. */
  private static final PackedCoordinateSequenceFactory PACKED =
      PackedCoordinateSequenceFactory.DOUBLE_FACTORY;

  /** GridGov's JSON factory (limits, duplicate detection) with two GeoJSON read features. */
  private static final JsonFactory FACTORY =
      Json.newStreamingFactory()
          .rebuild()
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          // NaN and Infinity parse as numbers so that they are reported as bad coordinates
          // with their pointer rather than as a syntax error.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  /**
   * Reads one property value as a tree in the middle of the stream: GridGov's mapper, without the
   * check for trailing tokens (the feature goes on after the value) and with numbers as doubles, so
   * that attribute text is what GeoJSON numbers mean ({@code 1.50} becomes {@code "1.5"}).
   */
  private static final ObjectReader PROPERTY_READER =
      Json.newMapper()
          .reader()
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .without(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final GeometryFactory factory;
  private final int parallelMinBytes;

  /**
   * Creates a reader.
   *
   * @param factory builds the rings, polygons and multipolygons (their coordinates are always
   *     packed double sequences)
   */
  public GeoJsonGridReader(GeometryFactory factory) {
    this(factory, PARALLEL_MIN_BYTES);
  }

  /**
   * Creates a reader that parses in-memory documents in parallel from a given size on.
   *
   * @param factory builds the geometries
   * @param parallelMinBytes the smallest document split for parallel parsing (0 splits all)
   */
  public GeoJsonGridReader(GeometryFactory factory, int parallelMinBytes) {
    this.factory = java.util.Objects.requireNonNull(factory, "factory");
    this.parallelMinBytes = parallelMinBytes;
  }

  /**
   * The factory of the streaming parsers, for tests: GridGov's limits plus the GeoJSON features.
   *
   * @return the factory
   */
  static JsonFactory factory() {
    return FACTORY;
  }

  /**
   * Reads one FeatureCollection.
   *
   * @param in the document; not closed
   * @param source the name used in messages
   * @return the grids
   * @throws InvalidInputException for malformed JSON or any feature that is not a valid grid
   * @throws IOException when the stream cannot be read
   */
  public GeoJsonDocument read(InputStream in, String source) throws IOException {
    return read(in, source, FeatureRules.DEFAULT);
  }

  /**
   * Reads one FeatureCollection whose ids and parents may be in other properties.
   *
   * @param in the document; not closed
   * @param source the name used in messages
   * @param rules where the ids and parents are
   * @return the grids
   * @throws InvalidInputException for malformed JSON or any feature that is not a valid grid
   * @throws IOException when the stream cannot be read
   */
  public GeoJsonDocument read(InputStream in, String source, FeatureRules rules)
      throws IOException {
    return sequential(FACTORY.createParser(in), source, null, rules);
  }

  /**
   * The problem with a top-level member name, when it looks meant for GridGov but is not one of its
   * members: a known alias ({@code ladder} for {@code levels}) or a near miss of a member.
   *
   * @param name the member name
   * @return the reason, or empty for a member GridGov reads or ignores
   */
  static Optional<String> unknownMember(String name) {
    if (KNOWN_MEMBERS.contains(name)) {
      return Optional.empty();
    }
    String meant = MEMBER_ALIASES.get(name.toLowerCase(Locale.ROOT));
    if (meant == null) {
      meant = Suggestions.didYouMean(name, KNOWN_MEMBERS).orElse(null);
    }
    if (meant == null) {
      return Optional.empty();
    }
    String how =
        meant.equals(LEVELS_MEMBER)
            ? "; the levels of a map are declared, top first, with \"levels\": [\"street\","
                + " \"community\", \"micro\"]"
            : meant.equals(COORDINATE_SYSTEM_MEMBER)
                ? "; the coordinate system is declared with \"coordinateSystem\": \"GCJ02\""
                : "";
    return Optional.of(
        "unknown GridGov member "
            + Problems.quote(name)
            + " (did you mean '"
            + meant
            + "'?)"
            + how);
  }

  /** Reads a document with one parser, turning parse errors into located ones. */
  private GeoJsonDocument sequential(
      JsonParser parser, String source, byte[] bytes, FeatureRules rules) throws IOException {
    try (JsonParser p = parser) {
      Run run = new Run(p, source, rules);
      try {
        return run.document();
      } catch (JsonProcessingException e) {
        throw Json.syntaxError(source, e, p, bytes);
      }
    }
  }

  /**
   * Reads one FeatureCollection held in memory. Large documents are split at feature boundaries
   * ({@link FeatureSplitter}) and their features parsed in parallel on the common fork-join pool;
   * if anything is wrong the document is read again sequentially, so that the problem is reported
   * exactly as {@link #read(InputStream, String)} reports it.
   *
   * @param bytes the document, UTF-8
   * @param source the name used in messages
   * @return the grids
   * @throws InvalidInputException for malformed JSON or any feature that is not a valid grid
   * @throws IOException when reading fails
   */
  public GeoJsonDocument read(byte[] bytes, String source) throws IOException {
    return read(bytes, source, FeatureRules.DEFAULT);
  }

  /**
   * Reads one FeatureCollection held in memory whose ids and parents may be in other properties, as
   * {@link #read(byte[], String)} does.
   *
   * @param bytes the document, UTF-8
   * @param source the name used in messages
   * @param rules where the ids and parents are
   * @return the grids
   * @throws InvalidInputException for malformed JSON or any feature that is not a valid grid
   * @throws IOException when reading fails
   */
  public GeoJsonDocument read(byte[] bytes, String source, FeatureRules rules) throws IOException {
    if (bytes.length > Json.MAX_STREAMED_DOCUMENT_BYTES) {
      throw tooLarge(source, bytes.length);
    }
    if (bytes.length >= parallelMinBytes) {
      FeatureSplitter.Layout layout = FeatureSplitter.split(bytes, 0, bytes.length);
      GeoJsonDocument doc = layout == null ? null : parallel(bytes, source, layout, rules);
      if (doc != null) {
        return doc;
      }
    }
    return sequential(FACTORY.createParser(bytes), source, bytes, rules);
  }

  /**
   * The error for a map over {@link Json#MAX_STREAMED_DOCUMENT_BYTES}, before it is parsed.
   *
   * @param source the name used in messages
   * @param size its size in bytes
   * @return the exception to throw
   */
  public static InvalidInputException tooLarge(String source, long size) {
    return located(
        InputCode.LIMIT,
        source,
        0,
        0,
        "",
        "the document has "
            + size
            + " bytes; the limit of GridGov grid maps is "
            + Json.MAX_STREAMED_DOCUMENT_BYTES);
  }

  /** Parses a split document; {@code null} when anything is wrong. */
  GeoJsonDocument parallel(byte[] bytes, String source, FeatureSplitter.Layout layout) {
    return parallel(bytes, source, layout, FeatureRules.DEFAULT);
  }

  /** Parses a split document; {@code null} when anything is wrong. */
  GeoJsonDocument parallel(
      byte[] bytes, String source, FeatureSplitter.Layout layout, FeatureRules rules) {
    String type = null;
    String crs = null;
    List<GridLevel> levels = null;
    for (FeatureSplitter.Member m : layout.members()) {
      if (m.name().equals("features")) {
        continue;
      }
      if (unknownMember(m.name()).isPresent()) {
        return null; // read again sequentially to report it
      }
      try (JsonParser p = FACTORY.createParser(bytes, m.start(), m.end() - m.start())) {
        JsonToken t = p.nextToken();
        if (m.name().equals(LEVELS_MEMBER)) {
          levels = new ArrayList<>();
          if (t != JsonToken.START_ARRAY) {
            return null;
          }
          while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            levels.add(GridLevel.of(p.getText()));
          }
          if (t != JsonToken.END_ARRAY || levels.isEmpty()) {
            return null;
          }
          LevelLadder.of(levels); // distinct
        } else if (m.name().equals("type") || m.name().equals(COORDINATE_SYSTEM_MEMBER)) {
          if (t != JsonToken.VALUE_STRING) {
            return null;
          }
          if (m.name().equals("type")) {
            type = p.getText();
          } else {
            crs = p.getText();
          }
        } else {
          p.skipChildren();
        }
        if (p.nextToken() != null) {
          return null;
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }
    if (!"FeatureCollection".equals(type)) {
      return null;
    }
    int n = layout.starts().length;
    int chunks = Math.max(1, Math.min(n, 8 * Runtime.getRuntime().availableProcessors()));
    List<List<GeoJsonFeature>> parts =
        IntStream.range(0, chunks)
            .parallel()
            .mapToObj(
                c -> {
                  int from = (int) ((long) n * c / chunks);
                  int to = (int) ((long) n * (c + 1) / chunks);
                  List<GeoJsonFeature> out = new ArrayList<>(to - from);
                  GeometryScanner scanner = new GeometryScanner(factory);
                  for (int i = from; i < to; i++) {
                    GeoJsonFeature f = feature(bytes, source, layout, i, scanner, rules);
                    if (f == null) {
                      return null; // read again sequentially to report it
                    }
                    out.add(f);
                  }
                  return out;
                })
            .collect(Collectors.toList());
    List<GeoJsonFeature> features = new ArrayList<>(n);
    for (List<GeoJsonFeature> part : parts) {
      if (part == null) {
        return null;
      }
      features.addAll(part);
    }
    return new GeoJsonDocument(
        source, Optional.ofNullable(crs), Optional.ofNullable(levels), features);
  }

  /**
   * Parses one feature of a split document: its geometry by the {@link GeometryScanner} when it
   * can, everything else (and the geometry when the scanner gives up) by Jackson.
   *
   * @return the feature, or {@code null} when anything is wrong
   */
  private GeoJsonFeature feature(
      byte[] bytes,
      String source,
      FeatureSplitter.Layout layout,
      int i,
      GeometryScanner scanner,
      FeatureRules rules) {
    int start = layout.starts()[i];
    int end = layout.ends()[i];
    int geometryStart = layout.geometryStarts()[i];
    Geometry geometry =
        geometryStart < 0 ? null : scanner.parse(bytes, geometryStart, layout.geometryEnds()[i]);
    byte[] text = bytes;
    int offset = start;
    int length = end - start;
    if (geometry != null) {
      // The feature without its geometry, which Jackson then sees as null.
      int geometryEnd = layout.geometryEnds()[i];
      text = new byte[(geometryStart - start) + NULL.length + (end - geometryEnd)];
      System.arraycopy(bytes, start, text, 0, geometryStart - start);
      System.arraycopy(NULL, 0, text, geometryStart - start, NULL.length);
      System.arraycopy(
          bytes, geometryEnd, text, geometryStart - start + NULL.length, end - geometryEnd);
      offset = 0;
      length = text.length;
    }
    try (JsonParser p = FACTORY.createParser(text, offset, length)) {
      Run run = new Run(p, source, rules);
      run.parsedGeometry = geometry;
      GeoJsonFeature f = run.feature(i, p.nextToken());
      if (p.nextToken() != null) {
        return null;
      }
      // Located in the whole document, not in the slice the parser saw.
      return new GeoJsonFeature(
          f.source(),
          i,
          f.idPointer(),
          f.grid(),
          f.geometry(),
          layout.lines()[i],
          layout.columns()[i],
          f.parentPointer(),
          f.levelDepth());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The state of reading one document. */
  private final class Run {
    private final JsonParser p;
    private final String source;
    private final FeatureRules rules;

    /** The indices below {@code .../coordinates} of the array being read, for pointers. */
    private final int[] path = new int[MAX_DEPTH + 1];

    private String coordinatesPointer = "";

    /** Where the feature being read starts, to locate problems found after its end. */
    private int featureLine;

    private int featureColumn;

    /** A geometry parsed beforehand, standing for the {@code null} the parser will see. */
    private Geometry parsedGeometry;

    private double lastX;
    private double lastY;

    Run(JsonParser p, String source, FeatureRules rules) {
      this.p = p;
      this.source = source;
      this.rules = rules;
    }

    GeoJsonDocument document() throws IOException {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw failHere(
            TYPE, "", "expected a GeoJSON FeatureCollection object, found " + describe(t));
      }
      String type = null;
      String crs = null;
      List<GridLevel> levels = null;
      List<GeoJsonFeature> features = null;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        t = p.nextToken();
        switch (name) {
          case "type" -> type = requireString(t, "/type");
          case COORDINATE_SYSTEM_MEMBER -> crs = requireString(t, "/" + COORDINATE_SYSTEM_MEMBER);
          case LEVELS_MEMBER -> levels = levels(t);
          case "features" -> features = features(t);
          default -> {
            Optional<String> unknown = unknownMember(name);
            if (unknown.isPresent()) {
              throw failHere(BAD_VALUE, Pointers.child("", name), unknown.get());
            }
            p.skipChildren();
          }
        }
      }
      if (type == null) {
        throw fail(MISSING, "", "the document has no \"type\"; expected \"FeatureCollection\"");
      }
      if (!type.equals("FeatureCollection")) {
        throw fail(
            BAD_VALUE,
            "/type",
            "expected type \"FeatureCollection\", found " + Problems.quote(type));
      }
      if (features == null) {
        throw fail(MISSING, "", "the FeatureCollection has no \"features\" array");
      }
      if (p.nextToken() != null) {
        throw failHere(SYNTAX, "", "unexpected content after the end of the FeatureCollection");
      }
      return new GeoJsonDocument(
          source, Optional.ofNullable(crs), Optional.ofNullable(levels), features);
    }

    /** The {@code levels} member: level names, top first, distinct, at least one. */
    private List<GridLevel> levels(JsonToken t) throws IOException {
      String ptr = "/" + LEVELS_MEMBER;
      if (t != JsonToken.START_ARRAY) {
        throw failHere(
            TYPE,
            ptr,
            "\"levels\" must be an array of level names, top first, found " + describe(t));
      }
      List<GridLevel> out = new ArrayList<>();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        String itemPtr = Pointers.child(ptr, out.size());
        String name = requireString(t, itemPtr);
        JsonLocation at = p.currentTokenLocation();
        GridLevel level;
        try {
          level = GridLevel.of(name);
        } catch (IllegalArgumentException e) {
          throw fail(BAD_VALUE, at, itemPtr, e.getMessage());
        }
        if (out.contains(level)) {
          throw fail(BAD_VALUE, at, itemPtr, "level " + Problems.quote(name) + " is listed twice");
        }
        out.add(level);
      }
      if (out.isEmpty()) {
        throw failHere(BAD_VALUE, ptr, "\"levels\" lists no level; name them top first");
      }
      return out;
    }

    private List<GeoJsonFeature> features(JsonToken t) throws IOException {
      if (t != JsonToken.START_ARRAY) {
        throw failHere(TYPE, "/features", "\"features\" must be an array, found " + describe(t));
      }
      List<GeoJsonFeature> out = new ArrayList<>();
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        out.add(feature(out.size(), t));
      }
      featureLine = 0; // later problems concern the document
      featureColumn = 0;
      return out;
    }

    private GeoJsonFeature feature(int index, JsonToken t) throws IOException {
      String ptr = Pointers.child("/features", index);
      if (t != JsonToken.START_OBJECT) {
        throw failHere(TYPE, ptr, "a feature must be an object, found " + describe(t));
      }
      JsonLocation start = p.currentTokenLocation();
      featureLine = start.getLineNr();
      featureColumn = start.getColumnNr();
      String type = null;
      String id = null;
      Map<String, Prop> props = Map.of();
      Geometry geometry = null;
      boolean geometrySeen = false;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        t = p.nextToken();
        switch (name) {
          case "type" -> type = requireString(t, ptr + "/type");
          case "id" -> id = idText(t, ptr + "/id");
          case "properties" -> props = properties(t, ptr + "/properties");
          case "geometry" -> {
            geometrySeen = true;
            geometry = t == JsonToken.VALUE_NULL ? parsedGeometry : geometry(t, ptr + "/geometry");
          }
          default -> p.skipChildren();
        }
      }
      if (type == null) {
        throw fail(MISSING, ptr, "the feature has no \"type\"; expected \"Feature\"");
      }
      if (!type.equals("Feature")) {
        throw fail(
            BAD_VALUE, ptr + "/type", "expected type \"Feature\", found " + Problems.quote(type));
      }
      if (geometry == null) {
        throw fail(
            MISSING,
            ptr + (geometrySeen ? "/geometry" : ""),
            "the feature has no geometry; every grid needs a Polygon or MultiPolygon");
      }
      return grid(index, ptr, id, props, geometry);
    }

    // ---- properties --------------------------------------------------------------------------

    /** A property value with the place it started. */
    private record Prop(JsonNode value, int line, int column) {}

    private Map<String, Prop> properties(JsonToken t, String ptr) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return Map.of();
      }
      if (t != JsonToken.START_OBJECT) {
        throw failHere(TYPE, ptr, "\"properties\" must be an object or null, found " + describe(t));
      }
      Map<String, Prop> out = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        JsonLocation at = p.currentTokenLocation();
        JsonNode value = PROPERTY_READER.readTree(p);
        if (value != null && !value.isNull()) {
          out.put(name, new Prop(value, at.getLineNr(), at.getColumnNr()));
        }
      }
      return out;
    }

    private GeoJsonFeature grid(
        int index, String ptr, String featureId, Map<String, Prop> props, Geometry geometry) {
      String propsPtr = ptr + "/properties";
      Prop idProp = props.get("id");
      String propertyId = idProp == null ? null : idText(idProp, propsPtr + "/id");
      if (featureId != null && propertyId != null && !featureId.equals(propertyId)) {
        throw fail(
            BAD_VALUE,
            idProp,
            propsPtr + "/id",
            "properties.id "
                + Problems.quote(propertyId)
                + " differs from the feature id "
                + Problems.quote(featureId));
      }
      String idText = featureId != null ? featureId : propertyId;
      String idPointer = featureId != null ? ptr + "/id" : propsPtr + "/id";
      Prop idAt = featureId != null ? null : idProp;
      if (!rules.idPath().isEmpty() && !rules.idPath().equals(List.of("id"))) {
        // The id comes from the named property; the feature's own id, if any, must agree.
        String pathPtr = pathPointer(propsPtr, rules.idPath());
        Prop named = at(props, rules.idPath(), propsPtr, "id property");
        if (named == null) {
          throw fail(
              MISSING,
              ptr,
              "the feature has no id: no \"properties."
                  + FeatureRules.dotted(rules.idPath())
                  + "\" (the id property)");
        }
        String namedId = idText(named, pathPtr);
        if (idText != null && !idText.equals(namedId)) {
          throw fail(
              BAD_VALUE,
              named,
              pathPtr,
              "properties."
                  + FeatureRules.dotted(rules.idPath())
                  + " "
                  + Problems.quote(namedId)
                  + " (the id property) differs from the feature's id "
                  + Problems.quote(idText));
        }
        idText = namedId;
        idPointer = pathPtr;
        idAt = named;
      }
      if (idText == null) {
        throw fail(
            MISSING, ptr, "the feature has no id; set the feature's \"id\" or \"properties.id\"");
      }
      String finalId = idText;
      GridId id = parse(() -> GridId.of(finalId), idAt, idPointer);

      Prop levelProp = props.get("level");
      if (levelProp == null) {
        throw fail(MISSING, ptr, "grid " + id + " has no \"properties.level\"");
      }
      GridLevel level;
      int levelDepth = 0;
      if (levelProp.value().isNumber()) {
        levelDepth = depth(levelProp, propsPtr + "/level");
        level = depthPlaceholder(levelDepth);
      } else {
        String levelText = string(levelProp, propsPtr + "/level");
        level = parse(() -> GridLevel.of(levelText), levelProp, propsPtr + "/level");
      }

      GridKind kind = GridKind.TERRITORIAL;
      Prop kindProp = props.get("kind");
      if (kindProp != null) {
        String k = string(kindProp, propsPtr + "/kind");
        kind =
            switch (k.toLowerCase(Locale.ROOT)) {
              case "territorial" -> GridKind.TERRITORIAL;
              case "exclusive" -> GridKind.EXCLUSIVE;
              default ->
                  throw fail(
                      BAD_VALUE,
                      kindProp,
                      propsPtr + "/kind",
                      "kind "
                          + Problems.quote(k)
                          + " is neither \"territorial\" nor \"exclusive\"");
            };
      }
      Optional<GridId> owner = optionalId(props.get("owner"), propsPtr + "/owner");
      Grid.Builder b;
      if (kind == GridKind.EXCLUSIVE) {
        if (owner.isEmpty()) {
          throw fail(MISSING, propsPtr, "exclusive grid " + id + " has no \"owner\"");
        }
        b = Grid.exclusive(id, level, owner.get());
      } else {
        b = Grid.territorial(id, level);
        // A territorial grid with an owner is reported by the hierarchy builder.
        owner.ifPresent(b::owner);
      }
      String parentPointer = propsPtr + "/parent";
      if (rules.parentPath().isEmpty()) {
        optionalId(props.get("parent"), parentPointer).ifPresent(b::parent);
      } else {
        parentPointer = pathPointer(propsPtr, rules.parentPath());
        if (!rules.parentPath().get(0).equals("parent") && props.containsKey("parent")) {
          throw fail(
              BAD_VALUE,
              props.get("parent"),
              propsPtr + "/parent",
              "grid "
                  + id
                  + " has \"properties.parent\", but parents are read from \"properties."
                  + FeatureRules.dotted(rules.parentPath())
                  + "\" (the parent property); remove one of them");
        }
        optionalId(at(props, rules.parentPath(), propsPtr, "parent property"), parentPointer)
            .ifPresent(b::parent);
      }
      field(props, propsPtr, "name", this::string, b::name);
      field(props, propsPtr, "coverage", this::idList, b::coverage);
      field(props, propsPtr, "households", this::count, b::households);
      field(props, propsPtr, "population", this::count, b::population);
      field(props, propsPtr, "validFrom", this::date, b::validFrom);
      field(props, propsPtr, "validTo", this::date, b::validTo);
      Prop to = props.get("validTo");
      Map<String, String> attributes = new TreeMap<>();
      props.forEach(
          (name, prop) -> {
            if (!RESERVED.contains(name) && !consumed(name)) {
              JsonNode v = prop.value();
              attributes.put(name, v.isValueNode() ? v.asText() : v.toString());
            }
          });
      b.attributes(attributes);
      Grid grid = parse(b::build, to, to != null ? propsPtr + "/validTo" : propsPtr);
      return new GeoJsonFeature(
          source,
          index,
          idPointer,
          grid,
          geometry,
          featureLine,
          featureColumn,
          parentPointer,
          levelDepth);
    }

    /** Whether a property is read as the id or parent through a property path. */
    private boolean consumed(String name) {
      return (!rules.idPath().isEmpty() && rules.idPath().get(0).equals(name))
          || (!rules.parentPath().isEmpty() && rules.parentPath().get(0).equals(name));
    }

    /**
     * The value at a property path, or {@code null} when a segment is missing or {@code null}; a
     * segment that is not an object on the way is an error.
     */
    private Prop at(Map<String, Prop> props, List<String> path, String propsPtr, String what) {
      Prop top = props.get(path.get(0));
      if (top == null) {
        return null;
      }
      JsonNode v = top.value();
      String ptr = Pointers.child(propsPtr, path.get(0));
      for (int i = 1; i < path.size(); i++) {
        if (!v.isObject()) {
          throw fail(
              TYPE,
              top,
              ptr,
              "expected an object holding \""
                  + path.get(i)
                  + "\" (the "
                  + what
                  + " is "
                  + FeatureRules.dotted(path)
                  + "), found "
                  + v.getNodeType());
        }
        v = v.get(path.get(i));
        ptr = Pointers.child(ptr, path.get(i));
        if (v == null || v.isNull()) {
          return null;
        }
      }
      return new Prop(v, top.line(), top.column());
    }

    private String pathPointer(String propsPtr, List<String> path) {
      String ptr = propsPtr;
      for (String segment : path) {
        ptr = Pointers.child(ptr, segment);
      }
      return ptr;
    }

    /** A level written as its 1-based depth on the ladder. */
    private int depth(Prop prop, String ptr) {
      JsonNode v = prop.value();
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
        throw fail(
            BAD_VALUE,
            prop,
            ptr,
            "a level is a name on the ladder or its depth, a whole number from 1 (the top), found "
                + v);
      }
      return v.asInt();
    }

    /** Parses an optional property and hands its value to a setter. */
    private <T> void field(
        Map<String, Prop> props,
        String propsPtr,
        String name,
        BiFunction<Prop, String, T> parse,
        Consumer<T> set) {
      Prop prop = props.get(name);
      if (prop != null) {
        set.accept(parse.apply(prop, Pointers.child(propsPtr, name)));
      }
    }

    private String idText(JsonToken t, String ptr) throws IOException {
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
        return p.getText();
      }
      throw failHere(TYPE, ptr, "an id must be a string or an integer, found " + describe(t));
    }

    private String idText(Prop prop, String ptr) {
      JsonNode v = prop.value();
      if (v.isTextual() || v.isIntegralNumber()) {
        return v.asText();
      }
      throw fail(TYPE, prop, ptr, "an id must be a string or an integer, found " + v.getNodeType());
    }

    private Optional<GridId> optionalId(Prop prop, String ptr) {
      if (prop == null) {
        return Optional.empty();
      }
      String text = idText(prop, ptr);
      return Optional.of(parse(() -> GridId.of(text), prop, ptr));
    }

    private List<GridId> idList(Prop prop, String ptr) {
      JsonNode v = prop.value();
      if (!v.isArray()) {
        throw fail(TYPE, prop, ptr, "\"coverage\" must be an array of grid ids");
      }
      List<GridId> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        Prop item = new Prop(v.get(i), prop.line(), prop.column());
        String itemPtr = Pointers.child(ptr, i);
        String text = idText(item, itemPtr);
        out.add(parse(() -> GridId.of(text), item, itemPtr));
      }
      return out;
    }

    private String string(Prop prop, String ptr) {
      if (!prop.value().isTextual()) {
        throw fail(TYPE, prop, ptr, "expected a string, found " + prop.value().getNodeType());
      }
      return prop.value().textValue();
    }

    private int count(Prop prop, String ptr) {
      JsonNode v = prop.value();
      // an integer written as an integer, as the hierarchy format requires: 1e3 and 1.0 are not
      if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
        throw fail(
            BAD_VALUE,
            prop,
            ptr,
            "expected a whole number from 0 to 2147483647 written without a fraction or exponent,"
                + " found "
                + v);
      }
      return v.asInt();
    }

    private LocalDate date(Prop prop, String ptr) {
      String text = string(prop, ptr);
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw fail(
            BAD_VALUE,
            prop,
            ptr,
            "expected an ISO date such as 2026-01-31, found " + Problems.quote(text));
      }
    }

    private <T> T parse(Checked<T> parse, Prop at, String ptr) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw at == null
            ? fail(BAD_VALUE, ptr, e.getMessage())
            : fail(BAD_VALUE, at, ptr, e.getMessage());
      }
    }

    // ---- geometry ----------------------------------------------------------------------------

    private Geometry geometry(JsonToken t, String ptr) throws IOException {
      if (t != JsonToken.START_OBJECT) {
        throw failHere(TYPE, ptr, "a geometry must be an object or null, found " + describe(t));
      }
      String type = null;
      JsonLocation typeAt = null;
      Node coordinates = null;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        t = p.nextToken();
        switch (name) {
          case "type" -> {
            typeAt = p.currentTokenLocation();
            type = requireString(t, ptr + "/type");
          }
          case "coordinates" -> {
            coordinatesPointer = ptr + "/coordinates";
            if (t != JsonToken.START_ARRAY) {
              throw failHere(
                  TYPE, coordinatesPointer, "coordinates must be an array, found " + describe(t));
            }
            coordinates = array(0);
          }
          default -> p.skipChildren();
        }
      }
      if (type == null) {
        throw fail(MISSING, ptr, "the geometry has no \"type\"");
      }
      switch (type) {
        case "Polygon", "MultiPolygon" -> {}
        case "Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection" ->
            throw fail(
                BAD_VALUE,
                typeAt,
                ptr + "/type",
                "geometry type "
                    + Problems.quote(type)
                    + " cannot be a grid; use Polygon or MultiPolygon");
        default ->
            throw fail(
                BAD_VALUE,
                typeAt,
                ptr + "/type",
                "unknown geometry type "
                    + Problems.quote(type)
                    + "; a grid is a Polygon or MultiPolygon"
                    + Suggestions.didYouMean(type, GRID_GEOMETRIES)
                        .map(s -> " (did you mean \"" + s + "\"?)")
                        .orElse(""));
      }
      String cptr = ptr + "/coordinates";
      if (coordinates == null) {
        throw fail(MISSING, ptr, "the " + type + " has no \"coordinates\"");
      }
      if (type.equals("Polygon")) {
        return polygon(coordinates, cptr);
      }
      List<Node> parts =
          branch(coordinates, cptr, "a MultiPolygon's coordinates are an array of polygons");
      if (parts.isEmpty()) {
        throw fail(BAD_VALUE, cptr, "the MultiPolygon has no polygons");
      }
      Polygon[] polygons = new Polygon[parts.size()];
      for (int i = 0; i < polygons.length; i++) {
        polygons[i] = polygon(parts.get(i), Pointers.child(cptr, i));
      }
      return factory.createMultiPolygon(polygons);
    }

    private Polygon polygon(Node node, String ptr) {
      List<Node> rings = branch(node, ptr, "a polygon is an array of linear rings");
      if (rings.isEmpty()) {
        throw fail(BAD_VALUE, node, ptr, "the polygon has no rings");
      }
      LinearRing shell = ring(rings.get(0), Pointers.child(ptr, 0), true);
      LinearRing[] holes = new LinearRing[rings.size() - 1];
      for (int i = 1; i < rings.size(); i++) {
        holes[i - 1] = ring(rings.get(i), Pointers.child(ptr, i), false);
      }
      return factory.createPolygon(shell, holes);
    }

    private List<Node> branch(Node node, String ptr, String expected) {
      if (node instanceof Branch b) {
        return b.children();
      }
      throw fail(
          BAD_VALUE,
          node,
          ptr,
          expected + ", found " + (node == POSITION ? "a position" : "an array of positions"));
    }

    private LinearRing ring(Node node, String ptr, boolean shell) {
      if (!(node instanceof Ring r)) {
        throw fail(
            BAD_VALUE,
            node,
            ptr,
            "a linear ring is an array of positions, found "
                + (node == POSITION ? "a position" : "a deeper array"));
      }
      int n = r.size();
      double[] xy = r.xy();
      if (n < 4) {
        throw fail(
            BAD_VALUE,
            node,
            ptr,
            "the linear ring has "
                + n
                + " position"
                + (n == 1 ? "" : "s")
                + "; RFC 7946 §3.1.6 needs at least 4, the last equal to the first");
      }
      int last = 2 * (n - 1);
      if (xy[0] != xy[last] || xy[1] != xy[last + 1]) {
        throw fail(
            BAD_VALUE,
            node,
            Pointers.child(ptr, n - 1),
            "the linear ring is not closed: its last position ["
                + xy[last]
                + ", "
                + xy[last + 1]
                + "] differs from its first ["
                + xy[0]
                + ", "
                + xy[1]
                + "]");
      }
      return orientedRing(factory, xy, n, shell);
    }

    /**
     * Reads the array whose START_ARRAY is the current token; {@code path[0..depth)} locates it.
     */
    private Node array(int depth) throws IOException {
      if (depth > MAX_DEPTH) {
        throw failHere(BAD_VALUE, pointer(depth), "coordinates are nested too deeply");
      }
      JsonToken t = p.nextToken();
      if (t == JsonToken.END_ARRAY) {
        return Branch.EMPTY;
      }
      if (t.isNumeric()) {
        position(depth);
        return POSITION;
      }
      List<Node> children = null;
      double[] ring = null;
      int positions = 0;
      int i = 0;
      int line = 0;
      int column = 0;
      for (; t == JsonToken.START_ARRAY; i++, t = p.nextToken()) {
        path[depth] = i;
        if (i == 0) { // the first element locates the array: once per ring, not per position
          JsonLocation at = p.currentTokenLocation();
          line = at.getLineNr();
          column = at.getColumnNr();
        }
        Node child = array(depth + 1);
        if (child == POSITION) {
          if (children != null) {
            throw failHere(BAD_VALUE, pointer(depth + 1), "a position among arrays of positions");
          }
          if (ring == null) {
            ring = new double[16];
          } else if (2 * positions + 2 > ring.length) {
            ring = Arrays.copyOf(ring, ring.length * 2);
          }
          ring[2 * positions] = lastX;
          ring[2 * positions + 1] = lastY;
          positions++;
        } else {
          if (ring != null) {
            throw failHere(
                BAD_VALUE,
                pointer(depth + 1),
                "an array of positions where a position was expected");
          }
          if (children == null) {
            children = new ArrayList<>();
          }
          children.add(child);
        }
      }
      if (t != JsonToken.END_ARRAY) {
        path[depth] = i;
        throw failHere(TYPE, pointer(depth + 1), "expected an array, found " + describe(t));
      }
      return ring != null
          ? new Ring(ring, positions, line, column)
          : new Branch(children, line, column);
    }

    /** Reads a position whose first number is the current token. */
    private void position(int depth) throws IOException {
      String what = null;
      int count = 0;
      JsonToken t = p.currentToken();
      for (; t != JsonToken.END_ARRAY; t = p.nextToken(), count++) {
        if (!t.isNumeric()) {
          path[depth] = count;
          throw failHere(
              TYPE, pointer(depth + 1), "a coordinate must be a number, found " + describe(t));
        }
        if (count == 0) {
          lastX = p.getDoubleValue();
        } else if (count == 1) {
          lastY = p.getDoubleValue();
        }
        // A third number is the altitude; RFC 7946 §3.1.1 lets readers ignore it (and more).
      }
      if (count < 2) {
        what = "a position needs a longitude and a latitude, found " + count + " number";
      } else if (!Double.isFinite(lastX) || lastX < -180 || lastX > 180) {
        what = "longitude " + lastX + " is not within [-180, 180]";
      } else if (!Double.isFinite(lastY) || lastY < -90 || lastY > 90) {
        what = "latitude " + lastY + " is not within [-90, 90]" + Positions.swapHint(lastX, lastY);
      }
      if (what != null) {
        throw failHere(
            BAD_VALUE, pointer(depth), what); // located at the position's closing bracket
      }
    }

    private String pointer(int depth) {
      StringBuilder sb = new StringBuilder(coordinatesPointer);
      for (int i = 0; i < depth; i++) {
        sb.append('/').append(path[i]);
      }
      return sb.toString();
    }

    // ---- failures ----------------------------------------------------------------------------

    private String requireString(JsonToken t, String ptr) throws IOException {
      if (t != JsonToken.VALUE_STRING) {
        throw failHere(TYPE, ptr, "expected a string, found " + describe(t));
      }
      return p.getText();
    }

    /** A problem at the current token. */
    private InvalidInputException failHere(InputCode code, String ptr, String reason) {
      return fail(code, p.currentTokenLocation(), ptr, reason);
    }

    private InvalidInputException fail(InputCode code, JsonLocation at, String ptr, String reason) {
      return located(code, source, at.getLineNr(), at.getColumnNr(), ptr, reason);
    }

    /** A problem in a property value, located where the value starts. */
    private InvalidInputException fail(InputCode code, Prop at, String ptr, String reason) {
      return located(code, source, at.line(), at.column(), ptr, reason);
    }

    /** A problem in a coordinates array, located at its first element. */
    private InvalidInputException fail(InputCode code, Node at, String ptr, String reason) {
      int line = at instanceof Ring r ? r.line() : at instanceof Branch b ? b.line() : 0;
      int column = at instanceof Ring r ? r.column() : at instanceof Branch b ? b.column() : 0;
      return line > 0 ? located(code, source, line, column, ptr, reason) : fail(code, ptr, reason);
    }

    /**
     * A problem found after the values it concerns were read: located at the start of the feature
     * being read (0 outside a feature); the pointer says exactly where.
     */
    private InvalidInputException fail(InputCode code, String ptr, String reason) {
      return located(code, source, featureLine, featureColumn, ptr, reason);
    }
  }

  /**
   * The level a grid whose level is written as a depth carries until the ladder is known (a
   * document may declare its {@code levels} after its features); {@code GridMaps} replaces it with
   * the ladder's level at that depth before the hierarchy is built.
   *
   * @param depth the 1-based depth
   * @return the placeholder
   */
  static GridLevel depthPlaceholder(int depth) {
    return GridLevel.of("#depth " + depth + " #");
  }

  /** One located error as the toolkit reports it. */
  private static InvalidInputException located(
      InputCode code, String source, int line, int column, String pointer, String reason) {
    return InvalidInputException.of(
        Findings.of(
            Finding.at(
                Severity.ERROR,
                code,
                new SourceLocation(source, Math.max(0, line), Math.max(0, column), pointer),
                reason)));
  }

  /**
   * A linear ring of packed positions, wound as RFC 7946 §3.1.6 recommends: exterior rings
   * counter-clockwise, holes clockwise. Readers must not reject the other winding, so it is
   * reversed here; nothing else about the ring changes.
   *
   * @param factory the geometry factory
   * @param xy positions x0, y0, x1, y1, …, checked closed; may be reversed in place
   * @param n how many positions
   * @param shell true for an exterior ring
   * @return the ring
   */
  static LinearRing orientedRing(GeometryFactory factory, double[] xy, int n, boolean shell) {
    double[] packed = xy.length == 2 * n ? xy : Arrays.copyOf(xy, 2 * n);
    CoordinateSequence seq = PACKED.create(packed, 2);
    if (Rings.needsReversal(seq, shell)) {
      reverse(packed, n);
      seq = PACKED.create(packed, 2);
    }
    return factory.createLinearRing(seq);
  }

  private static void reverse(double[] xy, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      xy[2 * i] = xy[2 * j];
      xy[2 * i + 1] = xy[2 * j + 1];
      xy[2 * j] = x;
      xy[2 * j + 1] = y;
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  /** A parse step that may throw {@link IllegalArgumentException}. */
  @FunctionalInterface
  private interface Checked<T> {
    T get();
  }

  /** A node of a coordinates array. */
  private sealed interface Node permits Branch, Ring, PositionMarker {}

  /** An array of arrays (polygons, rings). */
  private record Branch(List<Node> children, int line, int column) implements Node {
    static final Branch EMPTY = new Branch(List.of(), 0, 0);
  }

  /** An array of positions, packed as x0, y0, x1, y1, … */
  private record Ring(double[] xy, int size, int line, int column) implements Node {}

  /** Marks that a position was read into {@code lastX, lastY}. */
  private static final class PositionMarker implements Node {}

  private static final Node POSITION = new PositionMarker();
}
