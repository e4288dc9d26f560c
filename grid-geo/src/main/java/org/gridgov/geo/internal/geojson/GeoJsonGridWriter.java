package org.gridgov.geo.internal.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.gridgov.core.Grid;
import org.gridgov.core.GridHierarchy;
import org.gridgov.core.GridId;
import org.gridgov.core.GridKind;
import org.gridgov.core.cases.Case;
import org.gridgov.core.io.Json;
import org.gridgov.geo.internal.coverage.Rings;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes grid maps (and other features) as GeoJSON (RFC 7946) in the format {@link
 * GeoJsonGridReader} reads: one feature per line, rings wound as RFC 7946 §3.1.6 recommends
 * (exterior counter-clockwise, holes clockwise), numbers in the shortest form that reads back to
 * the same double. The generator comes from GridGov's one JSON configuration ({@link
 * Json#newFactory()}); files are written through {@code core.io.AtomicFiles} by the callers.
 * Stateless and thread-safe; the caller's stream is flushed, not closed.
 */
public final class GeoJsonGridWriter {
  /** GridGov's JSON factory, writing doubles fast and leaving the caller's stream open. */
  private static final JsonFactory FACTORY =
      Json.newFactory()
          .rebuild()
          .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private GeoJsonGridWriter() {}

  /**
   * Opens a FeatureCollection; write features with the methods below and finish with {@link
   * #end(JsonGenerator)}.
   *
   * @param out the stream
   * @param coordinateSystem the GridGov {@code coordinateSystem} member, when not WGS-84
   * @return the generator positioned inside the {@code features} array
   * @throws IOException when writing fails
   */
  public static JsonGenerator begin(OutputStream out, Optional<String> coordinateSystem)
      throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    if (coordinateSystem.isPresent()) {
      g.writeStringField(GeoJsonGridReader.COORDINATE_SYSTEM_MEMBER, coordinateSystem.get());
    }
    g.writeFieldName("features");
    g.writeStartArray();
    return g;
  }

  /**
   * Closes the FeatureCollection and flushes.
   *
   * @param g the generator from {@link #begin}
   * @throws IOException when writing fails
   */
  public static void end(JsonGenerator g) throws IOException {
    g.writeRaw('\n');
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
    g.close();
  }

  /**
   * Writes every grid of a hierarchy, in id order.
   *
   * @param out the stream
   * @param hierarchy the grids
   * @param geometryAt the polygon of each ordinal
   * @param coordinateSystem the coordinate system member, when not WGS-84
   * @param decimals round coordinates to this many decimal places (0 to 15), or -1 to write every
   *     double exactly
   * @throws IOException when writing fails
   * @throws IllegalArgumentException when an attribute uses a reserved property name
   */
  public static void writeGrids(
      OutputStream out,
      GridHierarchy hierarchy,
      IntFunction<Geometry> geometryAt,
      Optional<String> coordinateSystem,
      int decimals)
      throws IOException {
    double scale = scale(decimals);
    JsonGenerator g = begin(out, coordinateSystem);
    for (int o = 0; o < hierarchy.size(); o++) {
      writeGrid(g, hierarchy.gridAt(o), geometryAt.apply(o), scale);
    }
    end(g);
  }

  /**
   * Checks a number of decimal places.
   *
   * @param decimals the value given
   * @throws IllegalArgumentException unless it is -1 (exact) or 0 to 15
   */
  public static void checkDecimals(int decimals) {
    if (decimals < -1 || decimals > 15) {
      throw new IllegalArgumentException("decimals must be -1 (exact) or 0 to 15, got " + decimals);
    }
  }

  /** The factor that rounds to a number of decimal places: 10^decimals, or 0 for exact. */
  private static double scale(int decimals) {
    checkDecimals(decimals);
    return decimals < 0 ? 0 : Math.pow(10, decimals);
  }

  private static void writeGrid(JsonGenerator g, Grid grid, Geometry geometry, double scale)
      throws IOException {
    g.writeRaw('\n');
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", grid.id().value());
    g.writeFieldName("geometry");
    writeGeometry(g, geometry, scale);
    g.writeFieldName("properties");
    g.writeStartObject();
    g.writeStringField("id", grid.id().value());
    g.writeStringField("level", grid.level().name());
    g.writeStringField("kind", grid.kind() == GridKind.EXCLUSIVE ? "exclusive" : "territorial");
    if (!grid.name().isEmpty()) {
      g.writeStringField("name", grid.name());
    }
    if (grid.parent().isPresent()) {
      g.writeStringField("parent", grid.parent().get().value());
    }
    if (grid.owner().isPresent()) {
      g.writeStringField("owner", grid.owner().get().value());
    }
    if (!grid.coverage().isEmpty()) {
      g.writeArrayFieldStart("coverage");
      for (GridId id : grid.coverage()) {
        g.writeString(id.value());
      }
      g.writeEndArray();
    }
    if (grid.households().isPresent()) {
      g.writeNumberField("households", grid.households().getAsInt());
    }
    if (grid.population().isPresent()) {
      g.writeNumberField("population", grid.population().getAsInt());
    }
    if (grid.validFrom().isPresent()) {
      g.writeStringField("validFrom", grid.validFrom().get().toString());
    }
    if (grid.validTo().isPresent()) {
      g.writeStringField("validTo", grid.validTo().get().toString());
    }
    for (Map.Entry<String, String> e : grid.attributes().entrySet()) {
      if (GeoJsonGridReader.RESERVED.contains(e.getKey())) {
        throw new IllegalArgumentException(
            "grid "
                + grid.id()
                + " has an attribute named \""
                + e.getKey()
                + "\", which GeoJSON grid maps reserve for the grid's own field");
      }
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * Writes cases as Point features (a case without a location gets a {@code null} geometry), with
   * the properties {@code id}, {@code item}, {@code grid}, {@code path} (ids from the root to the
   * grid joined by {@code /}), {@code state}, {@code channel}, {@code reporter}, {@code
   * reportedAt}, {@code urgent}, {@code assignee}, {@code deadline}, {@code rating}, {@code risk},
   * {@code element} (each when known) and the case's own {@code attributes} as an object.
   *
   * @param out the stream
   * @param cases the cases, in the order to write
   * @param pathOf the path of a grid id, empty for a grid the map does not have
   * @throws IOException when writing fails
   */
  public static void writeCases(
      OutputStream out, Iterable<Case> cases, Function<GridId, Optional<List<GridId>>> pathOf)
      throws IOException {
    JsonGenerator g = begin(out, Optional.empty());
    for (Case c : cases) {
      g.writeRaw('\n');
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeStringField("id", c.id().value());
      g.writeFieldName("geometry");
      if (c.location().isPresent()) {
        g.writeStartObject();
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(c.location().get().lon());
        g.writeNumber(c.location().get().lat());
        g.writeEndArray();
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeObjectFieldStart("properties");
      g.writeStringField("id", c.id().value());
      g.writeStringField("item", c.itemCode());
      if (c.grid().isPresent()) {
        GridId grid = c.grid().get();
        g.writeStringField("grid", grid.value());
        Optional<List<GridId>> path = pathOf.apply(grid);
        if (path.isPresent()) {
          g.writeStringField(
              "path", path.get().stream().map(GridId::value).collect(Collectors.joining("/")));
        }
      }
      g.writeStringField("state", c.state().name());
      g.writeStringField("channel", c.channel().name());
      if (!c.reporter().isEmpty()) {
        g.writeStringField("reporter", c.reporter());
      }
      g.writeStringField("reportedAt", c.reportedAt().toString());
      g.writeBooleanField("urgent", c.urgent());
      optional(g, "assignee", c.assignee());
      optional(g, "deadline", c.deadline());
      optional(g, "rating", c.rating());
      optional(g, "risk", c.risk());
      optional(g, "element", c.element());
      if (!c.attributes().isEmpty()) {
        g.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> e : new TreeMap<>(c.attributes()).entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    end(g);
  }

  private static void optional(JsonGenerator g, String name, Optional<?> value) throws IOException {
    if (value.isPresent()) {
      Object v = value.get();
      g.writeStringField(name, v instanceof Enum<?> e ? e.name() : v.toString());
    }
  }

  /** Writes a Polygon or MultiPolygon geometry object. */
  private static void writeGeometry(JsonGenerator g, Geometry geometry, double scale)
      throws IOException {
    g.writeStartObject();
    if (geometry instanceof Polygon p) {
      g.writeStringField("type", "Polygon");
      g.writeFieldName("coordinates");
      writePolygon(g, p, scale);
    } else if (geometry.getGeometryType().equals(Geometry.TYPENAME_MULTIPOLYGON)) {
      g.writeStringField("type", "MultiPolygon");
      g.writeFieldName("coordinates");
      g.writeStartArray();
      for (int i = 0; i < geometry.getNumGeometries(); i++) {
        writePolygon(g, (Polygon) geometry.getGeometryN(i), scale);
      }
      g.writeEndArray();
    } else {
      throw new IllegalArgumentException(
          "cannot write a " + geometry.getGeometryType() + " as a grid polygon");
    }
    g.writeEndObject();
  }

  private static void writePolygon(JsonGenerator g, Polygon p, double scale) throws IOException {
    g.writeStartArray();
    writeRing(g, p.getExteriorRing(), true, scale);
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      writeRing(g, p.getInteriorRingN(i), false, scale);
    }
    g.writeEndArray();
  }

  private static void writeRing(JsonGenerator g, LineString ring, boolean shell, double scale)
      throws IOException {
    CoordinateSequence s = ring.getCoordinateSequence();
    int n = s.size();
    boolean reverse = Rings.needsReversal(s, shell);
    g.writeStartArray();
    for (int i = 0; i < n; i++) {
      int j = reverse ? n - 1 - i : i;
      g.writeStartArray();
      number(g, s.getX(j), scale);
      number(g, s.getY(j), scale);
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** Writes a coordinate, rounded half up to the scale's decimals unless the scale is 0. */
  private static void number(JsonGenerator g, double v, double scale) throws IOException {
    // Dividing the rounded integer by an exact power of ten gives the double nearest to the
    // decimal, which Jackson writes in its shortest form. Equal inputs stay equal, so shared
    // borders stay shared.
    g.writeNumber(scale == 0 ? v : Math.round(v * scale) / scale);
  }
}
