package org.gridgov.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gridgov.core.GeoPoint;
import org.gridgov.core.GridId;
import org.gridgov.core.io.JsonNodeAt;

/**
 * The JSON of one {@link RegisterChange} in the {@link RegisterJournal}, with the member names of
 * docs/risk.md (elements, visits) and of {@link ColourMark}. The journal adds its own {@code seq}
 * and {@code last} members. Package-private: the journal's record format, not an exchange format.
 */
final class RegisterChangeCodec {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static final List<String> VERSION_KEYS =
      List.of("seq", "last", "change", "id", "from", "element");
  private static final List<String> ELEMENT_KEYS =
      List.of("type", "grid", "lon", "lat", "name", "attributes", "personal");
  private static final List<String> MARK_KEYS =
      List.of(
          "seq", "last", "change", "element", "colour", "reason", "source", "rule", "from",
          "review", "by");
  private static final List<String> VISIT_KEYS =
      List.of("seq", "last", "change", "element", "at", "by", "checks", "findings", "feedbackAt");

  private RegisterChangeCodec() {}

  static ObjectNode encode(RegisterChange change, long seq, long last) {
    ObjectNode o = F.objectNode();
    o.put("seq", seq);
    o.put("last", last);
    if (change instanceof RegisterChange.Versioned v) {
      ElementVersion version = v.version();
      o.put("change", "version");
      o.put("id", version.id());
      o.put("from", version.from().toString());
      version.element().ifPresent(e -> o.set("element", element(e)));
    } else if (change instanceof RegisterChange.Marked m) {
      ColourMark mark = m.mark();
      o.put("change", "mark");
      o.put("element", m.element());
      mark.colour().ifPresent(c -> o.put("colour", RiskNames.colour(c)));
      o.put("reason", mark.reason());
      o.put("source", mark.source().name().toLowerCase(Locale.ROOT));
      mark.rule().ifPresent(r -> o.put("rule", r));
      o.put("from", mark.from().toString());
      mark.review().ifPresent(r -> o.put("review", r.toString()));
      o.put("by", mark.by());
    } else {
      Visit visit = ((RegisterChange.Visited) change).visit();
      o.put("change", "visit");
      o.put("element", visit.element());
      o.put("at", visit.at().toString());
      o.put("by", visit.by());
      o.set("checks", strings(visit.checks()));
      o.set("findings", strings(visit.findings()));
      visit.feedbackAt().ifPresent(t -> o.put("feedbackAt", t.toString()));
    }
    return o;
  }

  private static ObjectNode element(Element e) {
    ObjectNode o = F.objectNode();
    o.put("type", RiskNames.type(e.type()));
    o.put("grid", e.grid().value());
    e.position()
        .ifPresent(
            p -> {
              o.put("lon", p.lon());
              o.put("lat", p.lat());
            });
    o.put("name", e.name());
    ObjectNode attributes = o.putObject("attributes");
    e.attributes().forEach(attributes::put);
    o.set("personal", strings(e.personal()));
    return o;
  }

  private static ArrayNode strings(Iterable<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  static RegisterChange decode(JsonNodeAt o) {
    String change = o.string("change");
    switch (change) {
      case "version":
        {
          o.onlyKeys(VERSION_KEYS);
          String id = o.string("id");
          LocalDate from = o.parsed("from", "ISO date", LocalDate::parse);
          Optional<Element> element = o.optObject("element").map(e -> element(id, e));
          return RegisterChange.version(new ElementVersion(id, from, element));
        }
      case "mark":
        {
          o.onlyKeys(MARK_KEYS);
          ColourMark mark =
              new ColourMark(
                  o.optParsed("colour", "colour", RegisterChangeCodec::colour),
                  o.string("reason"),
                  o.parsed(
                      "source",
                      "manual or rule",
                      s -> MarkSource.valueOf(s.toUpperCase(Locale.ROOT))),
                  o.optString("rule"),
                  o.parsed("from", "ISO date", LocalDate::parse),
                  o.optParsed("review", "ISO date", LocalDate::parse),
                  o.string("by"));
          return RegisterChange.mark(o.string("element"), mark);
        }
      case "visit":
        {
          o.onlyKeys(VISIT_KEYS);
          return RegisterChange.visit(
              new Visit(
                  o.string("element"),
                  o.parsed("at", "ISO instant", Instant::parse),
                  o.string("by"),
                  o.list("checks", JsonNodeAt::asString),
                  o.list("findings", JsonNodeAt::asString),
                  o.optParsed("feedbackAt", "ISO instant", Instant::parse)));
        }
      default:
        throw o.fail("change", "expected version, mark or visit, found '" + change + "'");
    }
  }

  private static Element element(String id, JsonNodeAt o) {
    o.onlyKeys(ELEMENT_KEYS);
    Optional<GeoPoint> position =
        o.has("lon") || o.has("lat")
            ? Optional.of(o.guard(() -> GeoPoint.of(o.number("lon"), o.number("lat"))))
            : Optional.empty();
    return o.guard(
        () ->
            new Element(
                id,
                o.parsed(
                    "type",
                    "element type",
                    s -> RiskNames.type(s).orElseThrow(IllegalArgumentException::new)),
                o.parsed("grid", "grid id", GridId::of),
                position,
                o.string("name"),
                o.stringMap("attributes"),
                Set.copyOf(o.list("personal", JsonNodeAt::asString))));
  }

  private static org.gridgov.core.risk.RiskColour colour(String name) {
    return RiskNames.colour(name).orElseThrow(IllegalArgumentException::new);
  }
}
