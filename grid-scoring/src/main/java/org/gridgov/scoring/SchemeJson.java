package org.gridgov.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.scoring.ScoringScheme.Band;
import org.gridgov.scoring.ScoringScheme.CensoringRule;
import org.gridgov.scoring.ScoringScheme.Citation;
import org.gridgov.scoring.ScoringScheme.Component;
import org.gridgov.scoring.ScoringScheme.Deduction;
import org.gridgov.scoring.ScoringScheme.Grade;
import org.gridgov.scoring.ScoringScheme.NotApplicablePolicy;
import org.gridgov.scoring.ScoringScheme.RatingWeights;
import org.gridgov.scoring.ScoringScheme.Transform;
import org.gridgov.scoring.ScoringScheme.WarningThresholds;

/**
 * Reads a scoring scheme from a JSON tree, collecting every structural problem with its JSON
 * pointer instead of stopping at the first, and writes the canonical JSON form. One reader per
 * document; not thread-safe.
 */
final class SchemeJson {
  private static final Set<String> TOP =
      Set.of(
          "id",
          "name",
          "citation",
          "effective",
          "unitKinds",
          "additive",
          "range",
          "notApplicable",
          "censoring",
          "ratingWeights",
          "warnings",
          "components",
          "deductions",
          "deductionCap",
          "grades",
          "description");

  private final List<SchemeFinding> findings = new ArrayList<>();

  /** The problems found so far. */
  List<SchemeFinding> findings() {
    return findings;
  }

  /**
   * Reads a scheme; returns empty when a structural error was found (see {@link #findings()}).
   * Semantic validation runs in the {@link ScoringScheme} constructor; when the structure is sound
   * the caller lets that throw, when not, the caller reports structure and semantics together via
   * {@link SchemeValidator}.
   *
   * @param root the document root
   * @return the builder inputs, or empty
   */
  Optional<ScoringScheme.Builder> read(JsonNode root) {
    if (root == null || !root.isObject()) {
      error("TYPE", "", "a scheme is a JSON object");
      return Optional.empty();
    }
    onlyFields(root, "", TOP);
    String id = text(root, "", "id", true).orElse("invalid");
    String name = text(root, "", "name", true).orElse(id);
    Citation citation = citation(root);
    ScoringScheme.Builder b =
        ScoringScheme.builder(id, name, citation == null ? placeholderCitation() : citation);
    JsonNode eff = root.get("effective");
    if (eff != null) {
      if (expectObject(eff, "/effective")) {
        onlyFields(eff, "/effective", Set.of("from", "to"));
        b.effective(date(eff, "/effective", "from"), date(eff, "/effective", "to"));
      }
    }
    JsonNode kinds = root.get("unitKinds");
    if (kinds != null && expectArray(kinds, "/unitKinds")) {
      Set<UnitKind> set = EnumSet.noneOf(UnitKind.class);
      for (int i = 0; i < kinds.size(); i++) {
        String ptr = "/unitKinds/" + i;
        JsonNode k = kinds.get(i);
        Optional<UnitKind> kind = k.isTextual() ? UnitKind.parse(k.asText()) : Optional.empty();
        if (kind.isEmpty()) {
          error(
              "BAD_VALUE",
              ptr,
              "unknown unit kind " + k + "; use grid, worker, community, street or department");
        } else {
          set.add(kind.get());
        }
      }
      b.unitKinds(set);
    }
    bool(root, "", "additive").ifPresent(b::additive);
    JsonNode range = root.get("range");
    if (range != null && expectObject(range, "/range")) {
      onlyFields(range, "/range", Set.of("min", "max"));
      OptionalDouble min = number(range, "/range", "min", true);
      OptionalDouble max = number(range, "/range", "max", true);
      if (min.isPresent() && max.isPresent()) {
        b.range(min.getAsDouble(), max.getAsDouble());
      }
    }
    text(root, "", "notApplicable", false)
        .ifPresent(
            t ->
                NotApplicablePolicy.byKey(t)
                    .ifPresentOrElse(
                        b::notApplicable,
                        () ->
                            error(
                                "BAD_VALUE",
                                "/notApplicable",
                                "unknown policy '"
                                    + t
                                    + "'; use exclude, rank-last or renormalise")));
    text(root, "", "censoring", false)
        .ifPresent(
            t ->
                CensoringRule.byKey(t)
                    .ifPresentOrElse(
                        b::censoring,
                        () ->
                            error(
                                "BAD_VALUE",
                                "/censoring",
                                "unknown censoring rule '"
                                    + t
                                    + "'; use exclude-suspended or count-suspended-when-overdue")));
    JsonNode rw = root.get("ratingWeights");
    if (rw != null && expectObject(rw, "/ratingWeights")) {
      onlyFields(rw, "/ratingWeights", Set.of("satisfied", "basicallySatisfied", "dissatisfied"));
      double s = number(rw, "/ratingWeights", "satisfied", false).orElse(1.0);
      double bs = number(rw, "/ratingWeights", "basicallySatisfied", false).orElse(0.9);
      double d = number(rw, "/ratingWeights", "dissatisfied", false).orElse(0.0);
      attempt("/ratingWeights", () -> b.ratingWeights(new RatingWeights(s, bs, d)));
    }
    JsonNode warn = root.get("warnings");
    if (warn != null && expectObject(warn, "/warnings")) {
      onlyFields(warn, "/warnings", Set.of("yellow", "red"));
      double y = number(warn, "/warnings", "yellow", false).orElse(0.8);
      double r = number(warn, "/warnings", "red", false).orElse(1.0);
      attempt("/warnings", () -> b.warnings(new WarningThresholds(y, r)));
    }
    b.components(list(root, "components", true, this::component));
    b.deductions(list(root, "deductions", false, this::deduction));
    OptionalDouble cap = number(root, "", "deductionCap", false);
    b.deductionCap(cap);
    if (root.has("grades")) {
      b.grades(list(root, "grades", true, this::grade));
    }
    return hasErrors() ? Optional.empty() : Optional.of(b);
  }

  /** Whether an error has been found. */
  boolean hasErrors() {
    return findings.stream().anyMatch(SchemeFinding::isError);
  }

  private static Citation placeholderCitation() {
    return new Citation("?", "?", Optional.empty(), Optional.empty(), Optional.empty());
  }

  private Citation citation(JsonNode root) {
    JsonNode c = root.get("citation");
    if (c == null) {
      error("MISSING_FIELD", "/citation", "a scheme must cite the document its weights come from");
      return null;
    }
    if (!expectObject(c, "/citation")) {
      return null;
    }
    onlyFields(c, "/citation", Set.of("title", "source", "url", "published", "note"));
    Optional<String> title = text(c, "/citation", "title", true);
    Optional<String> source = text(c, "/citation", "source", true);
    if (title.isEmpty() || source.isEmpty()) {
      return null;
    }
    if (title.get().isBlank() || source.get().isBlank()) {
      error("BAD_VALUE", "/citation", "citation title and source must not be blank");
      return null;
    }
    return new Citation(
        title.get(),
        source.get(),
        text(c, "/citation", "url", false),
        text(c, "/citation", "published", false),
        text(c, "/citation", "note", false));
  }

  private Component component(JsonNode n, String at) {
    onlyFields(n, at, Set.of("indicator", "weight", "transform", "clamp", "label"));
    Optional<Indicator> ind = indicator(n, at);
    OptionalDouble weight = number(n, at, "weight", true);
    Transform t = transform(n.get("transform"), at + "/transform");
    Optional<Component.Clamp> clamp = Optional.empty();
    JsonNode cl = n.get("clamp");
    if (cl != null && expectObject(cl, at + "/clamp")) {
      onlyFields(cl, at + "/clamp", Set.of("min", "max"));
      OptionalDouble lo = number(cl, at + "/clamp", "min", true);
      OptionalDouble hi = number(cl, at + "/clamp", "max", true);
      if (lo.isPresent() && hi.isPresent()) {
        clamp = Optional.of(new Component.Clamp(lo.getAsDouble(), hi.getAsDouble()));
      }
    }
    Optional<String> label = text(n, at, "label", false);
    if (ind.isEmpty() || weight.isEmpty() || t == null) {
      return null;
    }
    return new Component(ind.get(), weight.getAsDouble(), t, clamp, label);
  }

  private Transform transform(JsonNode t, String at) {
    if (t == null) {
      return new Transform.Rate();
    }
    if (t.isTextual()) {
      return switch (t.asText()) {
        case "rate" -> new Transform.Rate();
        case "complement" -> new Transform.Complement();
        default -> {
          error(
              "BAD_VALUE",
              at,
              "unknown transform '"
                  + t.asText()
                  + "'; use \"rate\", \"complement\", {\"type\": \"bands\", …} or {\"type\": \"target\", …}");
          yield null;
        }
      };
    }
    if (!expectObject(t, at)) {
      return null;
    }
    Optional<String> type = text(t, at, "type", true);
    if (type.isEmpty()) {
      return null;
    }
    switch (type.get()) {
      case "rate":
        onlyFields(t, at, Set.of("type"));
        return new Transform.Rate();
      case "complement":
        onlyFields(t, at, Set.of("type"));
        return new Transform.Complement();
      case "bands":
        onlyFields(t, at, Set.of("type", "bands"));
        List<Band> bands = list(t, at, "bands", true, this::band);
        return bands.isEmpty() && !t.has("bands") ? null : new Transform.Bands(bands);
      case "target":
        onlyFields(t, at, Set.of("type", "target", "penaltyPerPercentBelow"));
        OptionalDouble target = number(t, at, "target", true);
        OptionalDouble penalty = number(t, at, "penaltyPerPercentBelow", true);
        if (target.isEmpty() || penalty.isEmpty()) {
          return null;
        }
        return new Transform.Target(target.getAsDouble(), penalty.getAsDouble());
      default:
        error(
            "BAD_VALUE",
            at + "/type",
            "unknown transform type '" + type.get() + "'; use rate, complement, bands or target");
        return null;
    }
  }

  private Band band(JsonNode n, String at) {
    onlyFields(n, at, Set.of("min", "max", "points"));
    OptionalDouble min = number(n, at, "min", true);
    OptionalDouble max = number(n, at, "max", false);
    OptionalDouble points = number(n, at, "points", true);
    if (min.isEmpty() || points.isEmpty()) {
      return null;
    }
    if (!whole(min.getAsDouble()) || (max.isPresent() && !whole(max.getAsDouble()))) {
      error("TYPE", at, "band limits are whole counts");
      return null;
    }
    return new Band(
        (long) min.getAsDouble(),
        max.isPresent() ? OptionalLong.of((long) max.getAsDouble()) : OptionalLong.empty(),
        points.getAsDouble());
  }

  private static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }

  private Deduction deduction(JsonNode n, String at) {
    onlyFields(n, at, Set.of("indicator", "pointsEach", "cap"));
    Optional<Indicator> ind = indicator(n, at);
    OptionalDouble each = number(n, at, "pointsEach", true);
    OptionalDouble cap = number(n, at, "cap", false);
    if (ind.isEmpty() || each.isEmpty()) {
      return null;
    }
    return new Deduction(ind.get(), each.getAsDouble(), cap);
  }

  private Grade grade(JsonNode n, String at) {
    onlyFields(n, at, Set.of("grade", "min"));
    Optional<String> name = text(n, at, "grade", true);
    OptionalDouble min = number(n, at, "min", false);
    return name.map(g -> new Grade(g, min)).orElse(null);
  }

  private Optional<Indicator> indicator(JsonNode n, String at) {
    Optional<String> key = text(n, at, "indicator", true);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<Indicator> ind = Indicator.byKey(key.get());
    if (ind.isEmpty()) {
      error(
          "UNKNOWN_INDICATOR",
          at + "/indicator",
          "unknown indicator '" + key.get() + "'" + suggestion(key.get()));
    }
    return ind;
  }

  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Indicator i : Indicator.values()) {
      int d = distance(key, i.key());
      if (d < bestDistance) {
        bestDistance = d;
        best = i.key();
      }
    }
    return bestDistance <= 3
        ? " (did you mean " + best + "?)"
        : "; see docs/scoring.md for the list";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private <T> List<T> list(JsonNode parent, String field, boolean required, Reader<T> element) {
    return list(parent, "", field, required, element);
  }

  private <T> List<T> list(
      JsonNode parent, String at, String field, boolean required, Reader<T> element) {
    String ptr = at + "/" + field;
    JsonNode arr = parent.get(field);
    List<T> out = new ArrayList<>();
    if (arr == null) {
      if (required) {
        error("MISSING_FIELD", ptr, "required field '" + field + "' is missing");
      }
      return out;
    }
    if (!expectArray(arr, ptr)) {
      return out;
    }
    for (int i = 0; i < arr.size(); i++) {
      String p = ptr + "/" + i;
      if (expectObject(arr.get(i), p)) {
        T t = element.read(arr.get(i), p);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  /** Reads one array element. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonNode node, String pointer);
  }

  private void attempt(String at, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      error("BAD_VALUE", at, e.getMessage());
    }
  }

  private Optional<LocalDate> date(JsonNode n, String at, String field) {
    return text(n, at, field, false)
        .flatMap(
            t -> {
              try {
                return Optional.of(LocalDate.parse(t));
              } catch (DateTimeParseException e) {
                error("TYPE", at + "/" + field, "'" + t + "' is not a date YYYY-MM-DD");
                return Optional.empty();
              }
            });
  }

  private Optional<String> text(JsonNode n, String at, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        error("MISSING_FIELD", at + "/" + field, "required field '" + field + "' is missing");
      }
      return Optional.empty();
    }
    if (!v.isTextual()) {
      error(
          "TYPE",
          at + "/" + field,
          "'"
              + field
              + "' must be a string, found "
              + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }

  private OptionalDouble number(JsonNode n, String at, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        error("MISSING_FIELD", at + "/" + field, "required field '" + field + "' is missing");
      }
      return OptionalDouble.empty();
    }
    if (!v.isNumber()) {
      error(
          "TYPE",
          at + "/" + field,
          "'"
              + field
              + "' must be a number, found "
              + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(v.asDouble());
  }

  private Optional<Boolean> bool(JsonNode n, String at, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      error("TYPE", at + "/" + field, "'" + field + "' must be true or false");
      return Optional.empty();
    }
    return Optional.of(v.asBoolean());
  }

  private boolean expectObject(JsonNode n, String at) {
    if (n == null || !n.isObject()) {
      error("TYPE", at, "expected a JSON object");
      return false;
    }
    return true;
  }

  private boolean expectArray(JsonNode n, String at) {
    if (!n.isArray()) {
      error("TYPE", at, "expected a JSON array");
      return false;
    }
    return true;
  }

  private void onlyFields(JsonNode n, String at, Set<String> known) {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!known.contains(f)) {
        error(
            "UNKNOWN_FIELD",
            at + "/" + f,
            "unknown field '" + f + "'; expected one of " + new TreeSet<>(known));
      }
    }
  }

  private void error(String code, String at, String reason) {
    findings.add(SchemeFinding.error(code, at, reason));
  }

  // ------------------------------------------------------------------ writing

  /**
   * The canonical JSON form of a scheme, which {@link #read} reads back to an equal scheme.
   *
   * @param s the scheme
   * @param mapper a mapper
   * @return indented JSON text
   */
  static String write(ScoringScheme s, ObjectMapper mapper) {
    try {
      return mapper.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(s, mapper));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The canonical JSON form as a tree.
   *
   * @param s the scheme
   * @param mapper a mapper
   * @return the tree
   */
  static ObjectNode tree(ScoringScheme s, ObjectMapper mapper) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", s.id());
    o.put("name", s.name());
    ObjectNode c = o.putObject("citation");
    c.put("title", s.citation().title());
    c.put("source", s.citation().source());
    s.citation().url().ifPresent(u -> c.put("url", u));
    s.citation().published().ifPresent(p -> c.put("published", p));
    s.citation().note().ifPresent(n -> c.put("note", n));
    if (s.effectiveFrom().isPresent() || s.effectiveTo().isPresent()) {
      ObjectNode e = o.putObject("effective");
      s.effectiveFrom().ifPresent(d -> e.put("from", d.toString()));
      s.effectiveTo().ifPresent(d -> e.put("to", d.toString()));
    }
    if (!s.unitKinds().isEmpty()) {
      ArrayNode k = o.putArray("unitKinds");
      EnumSet.copyOf(s.unitKinds()).forEach(u -> k.add(u.key()));
    }
    o.put("additive", s.additive());
    ObjectNode r = o.putObject("range");
    r.put("min", s.minScore());
    r.put("max", s.maxScore());
    o.put("notApplicable", s.notApplicable().key());
    o.put("censoring", s.censoring().key());
    ObjectNode rw = o.putObject("ratingWeights");
    rw.put("satisfied", s.ratingWeights().satisfied());
    rw.put("basicallySatisfied", s.ratingWeights().basicallySatisfied());
    rw.put("dissatisfied", s.ratingWeights().dissatisfied());
    ObjectNode w = o.putObject("warnings");
    w.put("yellow", s.warnings().yellow());
    w.put("red", s.warnings().red());
    ArrayNode comps = o.putArray("components");
    for (Component k : s.components()) {
      ObjectNode n = comps.addObject();
      n.put("indicator", k.indicator().key());
      n.put("weight", k.weight());
      writeTransform(n, k.transform());
      k.clamp()
          .ifPresent(
              cl -> {
                ObjectNode x = n.putObject("clamp");
                x.put("min", cl.min());
                x.put("max", cl.max());
              });
      k.label().ifPresent(l -> n.put("label", l));
    }
    ArrayNode deds = o.putArray("deductions");
    for (Deduction d : s.deductions()) {
      ObjectNode n = deds.addObject();
      n.put("indicator", d.indicator().key());
      n.put("pointsEach", d.pointsEach());
      d.cap().ifPresent(x -> n.put("cap", x));
    }
    s.deductionCap().ifPresent(x -> o.put("deductionCap", x));
    ArrayNode grades = o.putArray("grades");
    for (Grade g : s.grades()) {
      ObjectNode n = grades.addObject();
      n.put("grade", g.name());
      g.min().ifPresent(m -> n.put("min", m));
    }
    return o;
  }

  private static void writeTransform(ObjectNode n, Transform t) {
    if (t instanceof Transform.Rate) {
      n.put("transform", "rate");
    } else if (t instanceof Transform.Complement) {
      n.put("transform", "complement");
    } else if (t instanceof Transform.Bands b) {
      ObjectNode x = n.putObject("transform");
      x.put("type", "bands");
      ArrayNode arr = x.putArray("bands");
      for (Band band : b.bands()) {
        ObjectNode bn = arr.addObject();
        bn.put("min", band.min());
        band.max().ifPresent(m -> bn.put("max", m));
        bn.put("points", band.points());
      }
    } else if (t instanceof Transform.Target tg) {
      ObjectNode x = n.putObject("transform");
      x.put("type", "target");
      x.put("target", tg.target());
      x.put("penaltyPerPercentBelow", tg.penaltyPerPercentBelow());
    }
  }
}
