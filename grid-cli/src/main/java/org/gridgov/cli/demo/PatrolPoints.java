package org.gridgov.cli.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.Json;

/**
 * Reads and writes the sample city's patrol points: a GeoJSON FeatureCollection of Point features
 * with the properties {@code id}, {@code name}, {@code kind} ({@code residential}, {@code road},
 * {@code market}, {@code school}) and {@code grid} (see {@code docs/demo.md}). Reading is
 * all-or-nothing with located errors. Stateless and thread-safe.
 */
public final class PatrolPoints {
  private static final ObjectMapper MAPPER = Json.newMapper();
  private static final JsonFactory FACTORY = Json.newFactory();
  private static final Set<String> PROPERTIES = Set.of("id", "name", "kind", "grid");

  private PatrolPoints() {}

  /**
   * Reads a patrol-point file.
   *
   * @param file the file
   * @return the points, in file order
   * @throws InvalidInputException naming the file and JSON pointer of the first problem
   */
  public static List<PatrolPoint> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw InvalidInputException.at(file.toString(), "", "cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads patrol points from a stream.
   *
   * @param in the stream, read to its end and not closed
   * @param source the name used in messages
   * @return the points, in document order
   * @throws InvalidInputException naming the source and JSON pointer of the first problem
   */
  public static List<PatrolPoint> read(InputStream in, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          source,
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr(),
          "",
          "malformed JSON: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw InvalidInputException.at(source, "", "cannot read: " + e.getMessage());
    }
    if (root == null
        || !root.isObject()
        || !"FeatureCollection".equals(root.path("type").asText())) {
      throw InvalidInputException.at(source, "", "expected a GeoJSON FeatureCollection");
    }
    JsonNode features = root.get("features");
    if (features == null || !features.isArray()) {
      throw InvalidInputException.at(source, "/features", "expected an array of features");
    }
    List<PatrolPoint> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < features.size(); i++) {
      String p = "/features/" + i;
      JsonNode f = features.get(i);
      JsonNode geometry = f.path("geometry");
      JsonNode xy = geometry.path("coordinates");
      if (!"Point".equals(geometry.path("type").asText())
          || !xy.isArray()
          || xy.size() != 2
          || !xy.get(0).isNumber()
          || !xy.get(1).isNumber()) {
        throw InvalidInputException.at(source, p + "/geometry", "expected a Point [lon, lat]");
      }
      JsonNode props = f.path("properties");
      if (!props.isObject()) {
        throw InvalidInputException.at(source, p + "/properties", "expected an object");
      }
      for (var names = props.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!PROPERTIES.contains(name)) {
          throw InvalidInputException.at(
              source, p + "/properties/" + name, "unknown property; expected " + PROPERTIES);
        }
      }
      String id = text(props, source, p, "id");
      if (!ids.add(id)) {
        throw InvalidInputException.at(
            source, p + "/properties/id", "patrol point " + id + " twice");
      }
      String kindText = text(props, source, p, "kind");
      PatrolPoint.Kind kind;
      try {
        kind = PatrolPoint.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.at(
            source,
            p + "/properties/kind",
            "unknown kind '" + kindText + "'; expected residential, road, market or school");
      }
      GridId grid;
      GeoPoint at;
      try {
        grid = GridId.of(text(props, source, p, "grid"));
        at = GeoPoint.of(xy.get(0).doubleValue(), xy.get(1).doubleValue());
      } catch (IllegalArgumentException e) {
        throw InvalidInputException.at(source, p, e.getMessage());
      }
      out.add(new PatrolPoint(id, text(props, source, p, "name"), kind, grid, at));
    }
    return List.copyOf(out);
  }

  private static String text(JsonNode props, String source, String p, String name) {
    JsonNode v = props.get(name);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw InvalidInputException.at(source, p + "/properties/" + name, "expected a text");
    }
    return v.asText();
  }

  /**
   * Writes patrol points, one feature per line, in the given order.
   *
   * @param points the points
   * @param out the stream; flushed, not closed
   * @throws IOException when writing fails
   */
  public static void write(List<PatrolPoint> points, OutputStream out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("type", "FeatureCollection");
    g.writeArrayFieldStart("features");
    for (PatrolPoint pt : points) {
      g.writeRaw('\n');
      g.writeStartObject();
      g.writeStringField("type", "Feature");
      g.writeObjectFieldStart("geometry");
      g.writeStringField("type", "Point");
      g.writeArrayFieldStart("coordinates");
      g.writeNumber(pt.position().lon());
      g.writeNumber(pt.position().lat());
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      g.writeStringField("id", pt.id());
      g.writeStringField("name", pt.name());
      g.writeStringField("kind", pt.kind().key());
      g.writeStringField("grid", pt.grid().value());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeRaw('\n');
    g.writeEndArray();
    g.writeEndObject();
    g.writeRaw('\n');
    g.close();
    out.flush();
  }
}
