package org.gridgov.geo.internal.geojson;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Property;
import org.gridgov.testkit.Source;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** The byte scanner builds exactly what the Jackson path builds, or declines. */
class GeometryScannerTest {
  private static final GeometryFactory F = new GeometryFactory();
  private static final GeoJsonGridReader JACKSON = new GeoJsonGridReader(F, Integer.MAX_VALUE);

  @Test
  void declinesAnythingButThePlainCase() {
    String ring = "[[0,0],[1,0],[1,1],[0,0]]";
    for (String geometry :
        List.of(
            "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "],\"bbox\":[0,0,1,1]}",
            "{\"typ\\u0065\":\"Polygon\",\"coordinates\":[" + ring + "]}",
            "{\"type\":\"Point\",\"coordinates\":[0,0]}",
            "{\"type\":\"Polygon\",\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}",
            "{\"type\":\"MultiPolygon\",\"coordinates\":[" + ring + "]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,0.5]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[NaN,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[181,0],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,91],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[+1,0],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[01,0],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1.,0],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[.5,0],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1e,0],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1],[1,1],[0,0]]]}",
            "{\"type\":\"Polygon\",\"coordinates\":[]}",
            "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]} ",
            "{\"type\":\"Polygon\"}",
            "{}")) {
      byte[] b = geometry.getBytes(UTF_8);
      assertThat((Object) new GeometryScanner(F).parse(b, 0, b.length)).as(geometry).isNull();
    }
  }

  /** For any well-formed geometry, the scanner and Jackson agree bit for bit. */
  @Property(tries = 300)
  void agreesWithJacksonBitForBit(@ForAll("geometries") String geometry) throws IOException {
    byte[] b = geometry.getBytes(UTF_8);
    Geometry scanned = new GeometryScanner(F).parse(b, 0, b.length);
    assertThat((Object) scanned).as(geometry).isNotNull();

    String doc =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\","
            + "\"properties\":{\"level\":\"street\"},\"geometry\":"
            + geometry
            + "}]}";
    Geometry parsed =
        JACKSON
            .read(new ByteArrayInputStream(doc.getBytes(UTF_8)), "x")
            .features()
            .get(0)
            .geometry();

    assertThat(scanned.getGeometryType()).isEqualTo(parsed.getGeometryType());
    assertThat(bits(scanned)).isEqualTo(bits(parsed));
  }

  Gen<String> geometries() {
    return src -> {
      boolean multi = src.booleans();
      int parts = multi ? src.ints(1, 3) : 1;
      List<String> polygons = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        List<String> rings = new ArrayList<>();
        for (int r = src.ints(1, 2); r > 0; r--) {
          rings.add(ring(src));
        }
        polygons.add("[" + String.join(ws(src) + "," + ws(src), rings) + "]");
      }
      String coordinates = multi ? "[" + String.join(",", polygons) + "]" : polygons.get(0);
      String type =
          "\"type\"" + ws(src) + ":" + ws(src) + (multi ? "\"MultiPolygon\"" : "\"Polygon\"");
      String coords = "\"coordinates\"" + ws(src) + ":" + ws(src) + coordinates;
      return "{"
          + ws(src)
          + (src.booleans() ? type + "," + coords : coords + "," + type)
          + ws(src)
          + "}";
    };
  }

  private static String ring(Source src) {
    int n = src.ints(3, 8);
    List<String> positions = new ArrayList<>();
    String first = null;
    for (int i = 0; i < n; i++) {
      String pos =
          "["
              + ws(src)
              + number(src, src.ints(-179_000, 179_000) / 1000.0 + src.ints(0, 999) * 1e-9)
              + ws(src)
              + ","
              + ws(src)
              + number(src, src.ints(-89_000, 89_000) / 1000.0 + src.ints(0, 999) * 1e-9)
              + (src.ints(0, 4) == 0 ? "," + number(src, src.ints(-100, 100)) : "")
              + ws(src)
              + "]";
      positions.add(pos);
      if (first == null) {
        first = pos;
      }
    }
    positions.add(first);
    return "[" + String.join("," + ws(src), positions) + "]";
  }

  /** The same value spelled in one of the ways JSON allows. */
  private static String number(Source src, double v) {
    return switch (src.ints(0, 6)) {
      case 0 -> Double.toString(v).replace("E", "e");
      case 1 -> String.format(Locale.ROOT, "%.7f", v);
      case 2 -> String.format(Locale.ROOT, "%.3E", v).replace("E+", "E+");
      case 3 -> String.format(Locale.ROOT, "%.20f", v);
      case 4 -> Long.toString(Math.round(v));
      case 5 -> String.format(Locale.ROOT, "%.15f", v);
      default -> v == 0 ? "-0" : Double.toString(v);
    };
  }

  private static String ws(Source src) {
    return switch (src.ints(0, 4)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t";
      default -> "";
    };
  }

  private static List<Long> bits(Geometry g) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Polygon p = (Polygon) g.getGeometryN(i);
      ordinates(p.getExteriorRing(), out);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        ordinates(p.getInteriorRingN(h), out);
      }
      out.add(Long.MIN_VALUE); // polygon separator
    }
    return out;
  }

  private static void ordinates(LineString ring, List<Long> out) {
    CoordinateSequence s = ring.getCoordinateSequence();
    for (int i = 0; i < s.size(); i++) {
      out.add(Double.doubleToRawLongBits(s.getX(i)));
      out.add(Double.doubleToRawLongBits(s.getY(i)));
    }
    out.add(Long.MAX_VALUE);
  }
}
