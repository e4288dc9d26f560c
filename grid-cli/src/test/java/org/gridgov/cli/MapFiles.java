package org.gridgov.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Small GeoJSON grid maps near Zhengzhou for command-line tests; one cell is 0.01°. */
final class MapFiles {
  static final double X = 113.6;
  static final double Y = 34.7;

  private MapFiles() {}

  static double lon(double cx) {
    return X + cx / 100.0;
  }

  static double lat(double cy) {
    return Y + cy / 100.0;
  }

  static String rect(double x0, double y0, double x1, double y1) {
    return String.format(
        Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
        lon(x0),
        lat(y0),
        lon(x1),
        lat(y0),
        lon(x1),
        lat(y1),
        lon(x0),
        lat(y1),
        lon(x0),
        lat(y0));
  }

  static String feature(String id, String properties, String geometry) {
    return "{\"type\":\"Feature\",\"id\":\""
        + id
        + "\",\"properties\":{"
        + properties
        + "},\"geometry\":"
        + geometry
        + "}";
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[\n"
        + String.join(",\n", features)
        + "\n]}\n";
  }

  /** Street S1 (4×2 cells) split into C1 (left) and C2 (right). */
  static String clean() {
    return collection(
        feature("S1", "\"level\":\"street\"", rect(0, 0, 4, 2)),
        feature("C1", "\"level\":\"community\",\"parent\":\"S1\"", rect(0, 0, 2, 2)),
        feature("C2", "\"level\":\"community\",\"parent\":\"S1\"", rect(2, 0, 4, 2)));
  }

  /** Like {@link #clean()} but C2 covers only the lower half: a gap in S1. */
  static String withGap() {
    return collection(
        feature("S1", "\"level\":\"street\"", rect(0, 0, 4, 2)),
        feature("C1", "\"level\":\"community\",\"parent\":\"S1\"", rect(0, 0, 2, 2)),
        feature("C2", "\"level\":\"community\",\"parent\":\"S1\"", rect(2, 0, 4, 1)));
  }

  /** {@link #clean()} plus an exclusive grid E1 (a market) over the middle, owned by S1. */
  static String withExclusive() {
    return collection(
        feature("S1", "\"level\":\"street\"", rect(0, 0, 4, 2)),
        feature("C1", "\"level\":\"community\",\"parent\":\"S1\"", rect(0, 0, 2, 2)),
        feature("C2", "\"level\":\"community\",\"parent\":\"S1\"", rect(2, 0, 4, 2)),
        feature(
            "E1",
            "\"level\":\"community\",\"kind\":\"exclusive\",\"owner\":\"S1\"",
            rect(1.5, 0.5, 2.5, 1.5)));
  }

  static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
