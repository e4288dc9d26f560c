package org.gridgov.geo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Builds small GeoJSON documents and geometries for tests, near Zhengzhou (lon 113.6, lat 34.7).
 */
final class GeoJsonText {
  static final GeometryFactory FACTORY = new GeometryFactory();
  static final double X = 113.6;
  static final double Y = 34.7;

  private GeoJsonText() {}

  /** A FeatureCollection of the given features. */
  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[\n"
        + String.join(",\n", features)
        + "\n]}";
  }

  /** A territorial feature with a polygon (parent may be null). */
  static String feature(String id, String level, String parent, String geometry) {
    String props =
        "\"level\":\"" + level + "\"" + (parent == null ? "" : ",\"parent\":\"" + parent + "\"");
    return featureWith(id, props, geometry);
  }

  /** A feature with raw properties JSON (without braces). */
  static String featureWith(String id, String properties, String geometry) {
    return "{\"type\":\"Feature\",\"id\":\""
        + id
        + "\",\"properties\":{"
        + properties
        + "},\"geometry\":"
        + geometry
        + "}";
  }

  /** A Polygon geometry for the rectangle of cells (cell = 0.01°) from (x0, y0) to (x1, y1). */
  static String rect(double x0, double y0, double x1, double y1) {
    return "{\"type\":\"Polygon\",\"coordinates\":[" + ring(x0, y0, x1, y1, false) + "]}";
  }

  /** A counter-clockwise (or clockwise) closed ring of a cell rectangle, as JSON. */
  static String ring(double x0, double y0, double x1, double y1, boolean clockwise) {
    double[][] ccw = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ccw.length; i++) {
      double[] p = ccw[clockwise ? ccw.length - 1 - i : i];
      out.add(pos(p[0], p[1]));
    }
    return "[" + String.join(",", out) + "]";
  }

  /** A position in cell units, as JSON. */
  static String pos(double cx, double cy) {
    return String.format(Locale.ROOT, "[%s,%s]", lon(cx), lat(cy));
  }

  static double lon(double cx) {
    return X + cx / 100.0;
  }

  static double lat(double cy) {
    return Y + cy / 100.0;
  }

  /** The JTS polygon of a cell rectangle. */
  static Polygon box(double x0, double y0, double x1, double y1) {
    return (Polygon)
        wkt(
            String.format(
                Locale.ROOT,
                "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                lon(x0),
                lat(y0),
                lon(x1),
                lat(y0),
                lon(x1),
                lat(y1),
                lon(x0),
                lat(y1),
                lon(x0),
                lat(y0)));
  }

  /** A JTS polygon from cell positions x0 y0 x1 y1 ... (closed automatically). */
  static Polygon cells(double... xy) {
    StringJoiner j = new StringJoiner(", ", "POLYGON ((", "))");
    for (int i = 0; i < xy.length; i += 2) {
      j.add(lon(xy[i]) + " " + lat(xy[i + 1]));
    }
    j.add(lon(xy[0]) + " " + lat(xy[1]));
    return (Polygon) wkt(j.toString());
  }

  static Geometry wkt(String text) {
    try {
      return new WKTReader(FACTORY).read(text);
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static GridMap read(String json, GridMapOptions options) {
    return GridMaps.readGeoJson(
        new ByteArrayInputStream(json.getBytes(UTF_8)), "test.geojson", options);
  }

  static GridMap read(String json) {
    return read(json, GridMapOptions.defaults());
  }
}
