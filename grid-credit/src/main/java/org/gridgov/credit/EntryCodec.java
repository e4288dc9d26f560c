package org.gridgov.credit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import org.gridgov.core.io.Json;

/**
 * The JSON form of an {@link Entry} in the file journal: one compact object, members {@code seq,
 * at, resident, kind, rule, points, by, refersTo, evidence}, the optional ones left out when
 * absent. Round-trips every field exactly: {@code at} as {@link Instant#toString()} (nanoseconds
 * kept), strings through JSON escapes (surrogates are written as {@code \\uXXXX} escapes, so even a
 * lone surrogate survives). Thread-safe.
 */
final class EntryCodec {
  private static final JsonFactory FACTORY = Json.newFactory();

  private EntryCodec() {}

  /** A record could not be decoded; the message says why. */
  static final class DecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }
  }

  static byte[] encode(Entry e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(160);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("seq", e.seq());
      g.writeStringField("at", e.at().toString());
      g.writeStringField("resident", e.resident());
      g.writeStringField("kind", e.kind().name());
      if (e.rule().isPresent()) {
        g.writeStringField("rule", e.rule().get());
      }
      g.writeNumberField("points", e.points());
      g.writeStringField("by", e.by());
      if (e.refersTo().isPresent()) {
        g.writeNumberField("refersTo", e.refersTo().getAsLong());
      }
      if (e.evidence().isPresent()) {
        g.writeStringField("evidence", e.evidence().get());
      }
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex); // cannot happen: in memory
    }
    return out.toByteArray();
  }

  static Entry decode(byte[] bytes, int offset, int length) throws DecodeException {
    Long seq = null;
    Instant at = null;
    String resident = null;
    EntryKind kind = null;
    Optional<String> rule = Optional.empty();
    Long points = null;
    String by = null;
    OptionalLong refersTo = OptionalLong.empty();
    Optional<String> evidence = Optional.empty();
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new DecodeException("the record is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "seq" -> seq = longValue(p, v, name);
          case "at" -> at = instant(stringValue(p, v, name));
          case "resident" -> resident = stringValue(p, v, name);
          case "kind" -> kind = kind(stringValue(p, v, name));
          case "rule" -> rule = Optional.of(stringValue(p, v, name));
          case "points" -> points = longValue(p, v, name);
          case "by" -> by = stringValue(p, v, name);
          case "refersTo" -> refersTo = OptionalLong.of(longValue(p, v, name));
          case "evidence" -> evidence = Optional.of(stringValue(p, v, name));
          default -> throw new DecodeException("unknown member '" + name + "'");
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new DecodeException("the record is not one JSON object");
      }
    } catch (IOException ex) {
      throw new DecodeException("not valid JSON: " + originalMessage(ex));
    }
    require(seq, "seq");
    require(at, "at");
    require(resident, "resident");
    require(kind, "kind");
    require(points, "points");
    require(by, "by");
    try {
      return new Entry(seq, at, resident, kind, rule, points, by, refersTo, evidence);
    } catch (IllegalArgumentException ex) {
      throw new DecodeException(ex.getMessage());
    }
  }

  private static String originalMessage(IOException ex) {
    return ex instanceof com.fasterxml.jackson.core.JsonProcessingException j
        ? j.getOriginalMessage()
        : String.valueOf(ex.getMessage());
  }

  private static void require(Object value, String name) throws DecodeException {
    if (value == null) {
      throw new DecodeException("member '" + name + "' is missing");
    }
  }

  private static long longValue(JsonParser p, JsonToken v, String name)
      throws IOException, DecodeException {
    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new DecodeException("member '" + name + "' is not a 64-bit integer");
    }
    return p.getLongValue();
  }

  private static String stringValue(JsonParser p, JsonToken v, String name)
      throws IOException, DecodeException {
    if (v != JsonToken.VALUE_STRING) {
      throw new DecodeException("member '" + name + "' is not a string");
    }
    return p.getText();
  }

  private static Instant instant(String text) throws DecodeException {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException ex) {
      throw new DecodeException("member 'at' is not an instant: " + text);
    }
  }

  private static EntryKind kind(String text) throws DecodeException {
    try {
      return EntryKind.valueOf(text);
    } catch (IllegalArgumentException ex) {
      throw new DecodeException("member 'kind' is not an entry kind: " + text);
    }
  }
}
