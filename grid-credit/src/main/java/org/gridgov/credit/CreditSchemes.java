package org.gridgov.credit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonDocument;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.time.TimeLimit;

/**
 * Reads and writes {@link CreditScheme}s in the JSON format {@code gridgov.credit-scheme/1}
 * (docs/credit.md), all or nothing: every problem is reported at once with the file, line, column
 * and JSON pointer; unknown members get a "did you mean"; duplicate rule codes, {@code min > max},
 * levels that are not highest first and the like are errors at the member that breaks them.
 * Stateless and thread-safe.
 */
public final class CreditSchemes {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.credit-scheme/1";

  private static final List<String> ROOT_KEYS =
      List.of("format", "from", "to", "start", "floor", "rules", "levels", "appeal");
  private static final List<String> RULE_KEYS =
      List.of(
          "code",
          "name",
          "points",
          "min",
          "max",
          "recognisedBy",
          "expiresAfterDays",
          "capPerMonth",
          "repairable",
          "repairAfterDays",
          "repairNeeds",
          "repairPercent",
          "evidence",
          "basis");
  private static final List<String> NEEDS_KEYS = List.of("rules", "points");
  private static final List<String> LEVEL_KEYS = List.of("name", "min");
  private static final List<String> APPEAL_KEYS = List.of("fileWithin", "decideWithin");

  private CreditSchemes() {}

  /**
   * Reads a scheme file.
   *
   * @param file the JSON file
   * @return the scheme
   * @throws InvalidInputException listing every problem, located; also when the file cannot be read
   */
  public static CreditScheme read(Path file) {
    Objects.requireNonNull(file, "file");
    return read(Json.parse(file));
  }

  /**
   * Reads a scheme from a stream of UTF-8 JSON, read to its end and not closed.
   *
   * @param in the stream
   * @param source the name used in errors (a file name), may be empty
   * @return the scheme
   * @throws InvalidInputException listing every problem, located
   */
  public static CreditScheme read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    return read(Json.parse(in, source));
  }

  private static CreditScheme read(JsonDocument doc) {
    return doc.read(Problems.Mode.ALL_ERRORS, CreditSchemes::scheme);
  }

  private static CreditScheme scheme(JsonNodeAt root) {
    root.requireObject();
    root.onlyKeys(ROOT_KEYS);
    Problems p = root.problems();
    root.requireFormat(FORMAT);
    LocalDate from = p.attempt(() -> root.parsed("from", "date", LocalDate::parse)).orElse(null);
    LocalDate to = p.attempt(() -> root.parsed("to", "date", LocalDate::parse)).orElse(null);
    if (from != null && to != null && from.isAfter(to)) {
      p.error(InputCode.BAD_VALUE, root.at("to"), "'to' " + to + " is before 'from' " + from);
    }
    long start = p.attempt(() -> root.longValue("start")).orElse(0L);
    OptionalLong floor = root.optLong("floor");
    if (floor.isPresent() && floor.getAsLong() > start) {
      p.error(
          InputCode.BAD_VALUE,
          root.at("floor"),
          "the floor " + floor.getAsLong() + " is above 'start' " + start);
    }
    List<PointRule> rules =
        p.attempt(() -> root.get("rules").elements(CreditSchemes::rule)).orElse(List.of());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      Integer first = seen.putIfAbsent(rules.get(i).code(), i);
      if (first != null) {
        p.error(
            InputCode.BAD_VALUE,
            "/rules/" + indexOf(root, rules.get(i).code(), i) + "/code",
            "rule code " + Problems.quote(rules.get(i).code()) + " appears twice");
      }
    }
    checkRepairNeeds(root, rules);
    List<CreditLevel> levels = p.attempt(() -> levels(root)).orElse(List.of());
    AppealWindows appeal = p.attempt(() -> appeal(root.object("appeal"))).orElse(null);
    if (p.hasErrors()) {
      return null;
    }
    return root.guard(() -> new CreditScheme(from, to, start, floor, rules, levels, appeal));
  }

  /** Every rule a {@code repairNeeds} names must be a rewarding rule of the scheme. */
  private static void checkRepairNeeds(JsonNodeAt root, List<PointRule> rules) {
    Map<String, PointRule> byCode = new HashMap<>();
    rules.forEach(r -> byCode.putIfAbsent(r.code(), r));
    List<JsonNodeAt> nodes = root.has("rules") ? root.array("rules") : List.of();
    java.util.Set<String> inFile = new java.util.HashSet<>();
    for (JsonNodeAt r : nodes) {
      if (r.isObject() && r.node().path("code").isTextual()) {
        inFile.add(r.node().path("code").textValue());
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      JsonNodeAt r = nodes.get(i);
      if (!r.isObject() || !r.node().path("repairNeeds").path("rules").isArray()) {
        continue;
      }
      List<JsonNodeAt> named = r.get("repairNeeds").array("rules");
      for (JsonNodeAt n : named) {
        if (!n.isString()) {
          continue;
        }
        String code = n.asString();
        PointRule target = byCode.get(code);
        if (target == null && inFile.contains(code)) {
          continue; // the rule itself has errors, reported at it
        }
        if (target == null) {
          n.error(
              "unknown rule "
                  + Problems.quote(code)
                  + org.gridgov.core.io.Suggestions.hint(code, byCode.keySet()));
        } else if (target.deducts()) {
          n.error(
              "rule "
                  + Problems.quote(code)
                  + " deducts; repairNeeds counts points of rewarding rules (e.g. volunteering)");
        }
      }
    }
  }

  /** The index in the file of the n-th rule read with a code (rules that failed are left out). */
  private static int indexOf(JsonNodeAt root, String code, int readIndex) {
    List<JsonNodeAt> all = root.array("rules");
    int count = 0;
    for (int i = 0; i < all.size(); i++) {
      JsonNodeAt r = all.get(i);
      if (r.isObject() && r.node().path("code").isTextual()) {
        if (r.node().path("code").textValue().equals(code) && count++ > 0) {
          return i;
        }
      }
    }
    return readIndex;
  }

  private static PointRule rule(JsonNodeAt r) {
    r.requireObject();
    r.onlyKeys(RULE_KEYS);
    Problems p = r.problems();
    int errors = p.errorCount();
    String code = r.string("code");
    if (code.isBlank()) {
      throw r.fail("code", "a rule's code is blank");
    }
    String name = r.string("name");
    String basis = r.string("basis");
    long min;
    long max;
    if (r.has("points")) {
      if (r.has("min") || r.has("max")) {
        throw r.fail("points", "give either 'points' or 'min' and 'max', not both");
      }
      min = r.longValue("points");
      max = min;
      if (min == 0) {
        throw r.fail("points", "a rule's points must not be 0");
      }
    } else {
      if (!r.has("min") && !r.has("max")) {
        throw p.fail(
            InputCode.MISSING,
            r.pointer(),
            "a rule needs 'points', or 'min' and 'max' for a range");
      }
      min = r.longValue("min");
      max = r.longValue("max");
      if (min > max) {
        throw r.fail("min", "min " + min + " is greater than max " + max);
      }
      if (min <= 0 && max >= 0) {
        throw r.fail(
            "min",
            "the range "
                + min
                + ".."
                + max
                + " must be all positive (a reward) or all negative (a deduction)");
      }
    }
    List<String> posts = r.get("recognisedBy").elements(JsonNodeAt::asString);
    if (posts.isEmpty()) {
      throw r.fail("recognisedBy", "names no post; at least one post must be able to recognise");
    }
    OptionalInt expires = r.optInt("expiresAfterDays");
    OptionalLong cap = r.optLong("capPerMonth");
    boolean repairable = r.bool("repairable");
    OptionalInt after = r.optInt("repairAfterDays");
    if (repairable && after.isEmpty()) {
      throw p.fail(
          InputCode.MISSING,
          r.at("repairAfterDays"),
          "required field 'repairAfterDays' is missing (the rule is repairable)");
    }
    Optional<PointRule.RepairNeeds> needs = Optional.empty();
    if (r.has("repairNeeds")) {
      JsonNodeAt n = r.object("repairNeeds");
      n.onlyKeys(NEEDS_KEYS);
      List<String> codes = n.get("rules").elements(JsonNodeAt::asString);
      long points = n.longValue("points");
      if (codes.isEmpty()) {
        n.error("'rules' names no rule; name the rewarding rules whose points count");
      } else if (codes.stream().distinct().count() != codes.size()) {
        n.error("'rules' names a rule twice");
      }
      if (points < 1) {
        p.error(InputCode.BAD_VALUE, n.at("points"), "must be at least 1, not " + points);
      }
      if (!repairable) {
        p.error(
            InputCode.BAD_VALUE,
            r.at("repairNeeds"),
            "the rule is not repairable; repairNeeds applies to repairable rules only");
      }
      if (p.errorCount() == errors) {
        needs = Optional.of(new PointRule.RepairNeeds(codes, points));
      }
    }
    OptionalInt percent = r.optInt("repairPercent");
    if (percent.isPresent()) {
      if (percent.getAsInt() < 1 || percent.getAsInt() > 100) {
        p.error(
            InputCode.BAD_VALUE,
            r.at("repairPercent"),
            "must be 1 to 100 (percent of the deduction), not " + percent.getAsInt());
      } else if (!repairable) {
        p.error(
            InputCode.BAD_VALUE,
            r.at("repairPercent"),
            "the rule is not repairable; repairPercent applies to repairable rules only");
      }
    }
    Optional<Boolean> evidence = r.optBool("evidence");
    if (p.errorCount() > errors) {
      return null;
    }
    Optional<PointRule.RepairNeeds> repairNeeds = needs;
    return r.guard(
        () ->
            new PointRule(
                code,
                name,
                min,
                max,
                posts,
                expires,
                cap,
                repairable,
                after.orElse(0),
                basis,
                repairNeeds,
                percent.orElse(100),
                evidence
                    .map(b -> b ? PointRule.Evidence.REQUIRED : PointRule.Evidence.NOT_REQUIRED)
                    .orElse(PointRule.Evidence.UNSTATED)));
  }

  private static List<CreditLevel> levels(JsonNodeAt root) {
    Problems p = root.problems();
    List<JsonNodeAt> nodes = root.array("levels");
    if (nodes.isEmpty()) {
      throw root.fail("levels", "the scheme has no levels");
    }
    List<CreditLevel> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    CreditLevel above = null;
    for (JsonNodeAt n : nodes) {
      CreditLevel l =
          p.attempt(
                  () -> {
                    n.requireObject();
                    n.onlyKeys(LEVEL_KEYS);
                    String name = n.string("name");
                    long min = n.longValue("min");
                    return n.guard(() -> new CreditLevel(name, min));
                  })
              .orElse(null);
      if (l == null) {
        above = null;
        continue;
      }
      if (names.putIfAbsent(l.name(), out.size()) != null) {
        p.error(
            InputCode.BAD_VALUE,
            n.at("name"),
            "level name " + Problems.quote(l.name()) + " appears twice");
      }
      if (above != null && l.min() >= above.min()) {
        p.error(
            InputCode.BAD_VALUE,
            n.at("min"),
            "levels are listed highest first: "
                + l.name()
                + " (min "
                + l.min()
                + ") must be below "
                + above.name()
                + " (min "
                + above.min()
                + ")");
      }
      above = l;
      out.add(l);
    }
    return out;
  }

  private static AppealWindows appeal(JsonNodeAt a) {
    a.onlyKeys(APPEAL_KEYS);
    TimeLimit file = a.parsed("fileWithin", "time limit", TimeLimit::parse);
    TimeLimit decide = a.parsed("decideWithin", "time limit", TimeLimit::parse);
    return new AppealWindows(file, decide);
  }

  /**
   * Writes a scheme's canonical JSON form (indented, UTF-8), which {@link #read(InputStream,
   * String)} reads back to an equal scheme. The stream is flushed, not closed.
   *
   * @param scheme the scheme
   * @param out where to write
   * @throws java.io.UncheckedIOException when the stream cannot be written
   */
  public static void write(CreditScheme scheme, OutputStream out) {
    Json.writePretty(tree(scheme), out);
  }

  /**
   * Writes a scheme's canonical JSON form to a file, replacing it atomically.
   *
   * @param scheme the scheme
   * @param file the file
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(CreditScheme scheme, Path file) {
    AtomicFiles.write(file, out -> write(scheme, out));
  }

  private static ObjectNode tree(CreditScheme s) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("format", FORMAT);
    o.put("from", s.from().toString());
    o.put("to", s.to().toString());
    o.put("start", s.start());
    s.floor().ifPresent(v -> o.put("floor", v));
    ArrayNode rules = o.putArray("rules");
    for (PointRule r : s.rules()) {
      ObjectNode n = rules.addObject();
      n.put("code", r.code());
      n.put("name", r.name());
      if (r.isFixed()) {
        n.put("points", r.min());
      } else {
        n.put("min", r.min());
        n.put("max", r.max());
      }
      ArrayNode posts = n.putArray("recognisedBy");
      r.recognisedBy().forEach(posts::add);
      r.expiresAfterDays().ifPresent(v -> n.put("expiresAfterDays", v));
      r.capPerMonth().ifPresent(v -> n.put("capPerMonth", v));
      n.put("repairable", r.repairable());
      if (r.repairable() || r.repairAfterDays() != 0) {
        n.put("repairAfterDays", r.repairAfterDays());
      }
      r.repairNeeds()
          .ifPresent(
              needs -> {
                ObjectNode o2 = n.putObject("repairNeeds");
                ArrayNode codes = o2.putArray("rules");
                needs.rules().forEach(codes::add);
                o2.put("points", needs.points());
              });
      if (r.repairPercent() != 100) {
        n.put("repairPercent", r.repairPercent());
      }
      if (r.evidence() != PointRule.Evidence.UNSTATED) {
        n.put("evidence", r.evidence() == PointRule.Evidence.REQUIRED);
      }
      n.put("basis", r.basis());
    }
    ArrayNode levels = o.putArray("levels");
    for (CreditLevel l : s.levels()) {
      levels.addObject().put("name", l.name()).put("min", l.min());
    }
    ObjectNode appeal = o.putObject("appeal");
    appeal.put("fileWithin", s.appeal().fileWithin().toString());
    appeal.put("decideWithin", s.appeal().decideWithin().toString());
    return o;
  }
}
