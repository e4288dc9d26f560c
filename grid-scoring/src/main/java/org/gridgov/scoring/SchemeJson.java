package org.gridgov.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.gridgov.core.BasicFinding;
import org.gridgov.core.Finding;
import org.gridgov.core.InputCode;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;
import org.gridgov.core.io.Suggestions;
import org.gridgov.scoring.SchemeFinding.Code;
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
 * Reads a scoring scheme with the I/O toolkit ({@link JsonNodeAt}, all-errors mode): every
 * structural problem is collected with its JSON pointer (and, through the toolkit, its line and
 * column) instead of stopping at the first, and unknown members and indicators get a "did you
 * mean". Also writes the canonical JSON form. One reader per document; not thread-safe.
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

  /** Problems recorded with a scheme-specific code, by pointer and reason. */
  private final Map<String, Code> refined = new HashMap<>();

  private Problems problems;

  /**
   * Reads a scheme's structure. Semantic validation runs when the builder builds; the caller does
   * that only when this read recorded no error, so structure and semantics are reported together by
   * {@link SchemeValidator}.
   *
   * @param root the document root
   * @return the builder inputs (only meaningful when no error was recorded)
   */
  ScoringScheme.Builder read(JsonNodeAt root) {
    problems = root.problems();
    if (!root.isObject()) {
      throw problems.fail(InputCode.TYPE, root.pointer(), "a scheme is a JSON object");
    }
    root.onlyKeys(TOP);
    String id = attempt(() -> root.string("id")).orElse("invalid");
    String name = attempt(() -> root.string("name")).orElse(id);
    Citation citation = citation(root);
    ScoringScheme.Builder b =
        ScoringScheme.builder(id, name, citation == null ? placeholderCitation() : citation);
    root.opt("effective")
        .flatMap(e -> attempt(e::requireObject))
        .ifPresent(
            eff -> {
              eff.onlyKeys(Set.of("from", "to"));
              b.effective(date(eff, "from"), date(eff, "to"));
            });
    root.opt("unitKinds")
        .flatMap(k -> attempt(() -> k.elements(SchemeJson::unitKind)))
        .ifPresent(kinds -> b.unitKinds(kinds.isEmpty() ? Set.of() : EnumSet.copyOf(kinds)));
    root.optBool("additive").ifPresent(b::additive);
    root.opt("range")
        .flatMap(r -> attempt(r::requireObject))
        .ifPresent(
            range -> {
              range.onlyKeys(Set.of("min", "max"));
              Optional<Double> min = attempt(() -> range.number("min"));
              Optional<Double> max = attempt(() -> range.number("max"));
              if (min.isPresent() && max.isPresent()) {
                b.range(min.get(), max.get());
              }
            });
    root.optString("notApplicable")
        .ifPresent(
            t ->
                NotApplicablePolicy.byKey(t)
                    .ifPresentOrElse(
                        b::notApplicable,
                        () ->
                            problems.error(
                                InputCode.BAD_VALUE,
                                root.at("notApplicable"),
                                "unknown policy "
                                    + Problems.quote(t)
                                    + "; use exclude, rank-last or renormalise")));
    root.optString("censoring")
        .ifPresent(
            t ->
                CensoringRule.byKey(t)
                    .ifPresentOrElse(
                        b::censoring,
                        () ->
                            problems.error(
                                InputCode.BAD_VALUE,
                                root.at("censoring"),
                                "unknown censoring rule "
                                    + Problems.quote(t)
                                    + "; use exclude-suspended or count-suspended-when-overdue")));
    root.opt("ratingWeights")
        .flatMap(r -> attempt(r::requireObject))
        .ifPresent(
            rw -> {
              rw.onlyKeys(Set.of("satisfied", "basicallySatisfied", "dissatisfied"));
              double sat = rw.optDouble("satisfied").orElse(1.0);
              double basic = rw.optDouble("basicallySatisfied").orElse(0.9);
              double dis = rw.optDouble("dissatisfied").orElse(0.0);
              attempt(() -> rw.guard(() -> new RatingWeights(sat, basic, dis)))
                  .ifPresent(b::ratingWeights);
            });
    root.opt("warnings")
        .flatMap(w -> attempt(w::requireObject))
        .ifPresent(
            warn -> {
              warn.onlyKeys(Set.of("yellow", "red"));
              double yellow = warn.optDouble("yellow").orElse(0.8);
              double red = warn.optDouble("red").orElse(1.0);
              attempt(() -> warn.guard(() -> new WarningThresholds(yellow, red)))
                  .ifPresent(b::warnings);
            });
    b.components(attempt(() -> root.get("components").elements(this::component)).orElse(List.of()));
    b.deductions(
        root.opt("deductions")
            .flatMap(d -> attempt(() -> d.elements(this::deduction)))
            .orElse(List.of()));
    b.deductionCap(root.optDouble("deductionCap"));
    root.opt("grades").flatMap(g -> attempt(() -> g.elements(this::grade))).ifPresent(b::grades);
    return b;
  }

  /**
   * Turns the toolkit's findings into scheme findings: the toolkit's input codes become the scheme
   * codes ({@code UNKNOWN_NAME} → {@code UNKNOWN_FIELD}, {@code MISSING} → {@code MISSING_FIELD}),
   * problems this reader recorded with a scheme-specific code keep it.
   *
   * @param found the toolkit's findings, located
   * @return the scheme findings, in the order found
   */
  List<SchemeFinding> findings(Iterable<Finding> found) {
    List<SchemeFinding> out = new ArrayList<>();
    for (Finding f : found) {
      String pointer = f.location().map(l -> l.pointer()).orElse("");
      Code code = refined.get(key(pointer, f.message()));
      if (code == null) {
        code = f instanceof BasicFinding bf && bf.kind() instanceof InputCode c ? code(c) : null;
      }
      out.add(
          new SchemeFinding(
              f.severity(),
              code == null ? Code.BAD_VALUE : code,
              f.location().orElse(org.gridgov.core.SourceLocation.UNKNOWN),
              f.message()));
    }
    return out;
  }

  /**
   * The scheme code of an input code.
   *
   * @param c the toolkit's code
   * @return the scheme code
   */
  static Code code(InputCode c) {
    return switch (c) {
      case SYNTAX -> Code.SYNTAX;
      case LIMIT -> Code.LIMIT;
      case ENCODING -> Code.ENCODING;
      case TYPE -> Code.TYPE;
      case MISSING -> Code.MISSING_FIELD;
      case UNKNOWN_NAME -> Code.UNKNOWN_FIELD;
      case BAD_VALUE -> Code.BAD_VALUE;
    };
  }

  private static String key(String pointer, String reason) {
    return pointer + '\u0000' + reason;
  }

  /** Records an error with a scheme-specific code. */
  private void error(Code code, InputCode base, String pointer, String reason) {
    refined.put(key(pointer, reason), code);
    problems.error(base, pointer, reason);
  }

  private <T> Optional<T> attempt(Supplier<T> read) {
    return problems.attempt(read);
  }

  private static Citation placeholderCitation() {
    return new Citation("?", "?", Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static UnitKind unitKind(JsonNodeAt k) {
    Optional<UnitKind> kind = k.isString() ? UnitKind.parse(k.asString()) : Optional.empty();
    if (kind.isEmpty()) {
      throw k.fail(
          "unknown unit kind " + k.node() + "; use grid, worker, community, street or department");
    }
    return kind.get();
  }

  private Citation citation(JsonNodeAt root) {
    if (!root.has("citation")) {
      problems.error(
          InputCode.MISSING,
          root.at("citation"),
          "a scheme must cite the document its weights come from");
      return null;
    }
    Optional<JsonNodeAt> found = attempt(() -> root.object("citation"));
    if (found.isEmpty()) {
      return null;
    }
    JsonNodeAt c = found.get();
    c.onlyKeys(Set.of("title", "source", "url", "published", "note"));
    Optional<String> title = attempt(() -> c.string("title"));
    Optional<String> source = attempt(() -> c.string("source"));
    if (title.isEmpty() || source.isEmpty()) {
      return null;
    }
    if (title.get().isBlank() || source.get().isBlank()) {
      c.error("citation title and source must not be blank");
      return null;
    }
    return new Citation(
        title.get(),
        source.get(),
        c.optString("url"),
        c.optString("published"),
        c.optString("note"));
  }

  private Component component(JsonNodeAt n) {
    n.onlyKeys(Set.of("indicator", "weight", "transform", "clamp", "label"));
    Optional<Indicator> ind = indicator(n);
    Optional<Double> weight = attempt(() -> n.number("weight"));
    Transform t = transform(n);
    Optional<Component.Clamp> clamp = Optional.empty();
    Optional<JsonNodeAt> cl = n.opt("clamp").flatMap(x -> attempt(x::requireObject));
    if (cl.isPresent()) {
      JsonNodeAt c = cl.get();
      c.onlyKeys(Set.of("min", "max"));
      Optional<Double> lo = attempt(() -> c.number("min"));
      Optional<Double> hi = attempt(() -> c.number("max"));
      if (lo.isPresent() && hi.isPresent()) {
        clamp = Optional.of(new Component.Clamp(lo.get(), hi.get()));
      }
    }
    Optional<String> label = n.optString("label");
    if (ind.isEmpty() || weight.isEmpty() || t == null) {
      return null;
    }
    return new Component(ind.get(), weight.get(), t, clamp, label);
  }

  private Transform transform(JsonNodeAt n) {
    Optional<JsonNodeAt> found = n.opt("transform");
    if (found.isEmpty()) {
      return new Transform.Rate();
    }
    JsonNodeAt t = found.get();
    if (t.isString()) {
      return switch (t.asString()) {
        case "rate" -> new Transform.Rate();
        case "complement" -> new Transform.Complement();
        default -> {
          t.error(
              "unknown transform "
                  + Problems.quote(t.asString())
                  + "; use \"rate\", \"complement\", {\"type\": \"bands\", …} or"
                  + " {\"type\": \"target\", …}");
          yield null;
        }
      };
    }
    if (attempt(t::requireObject).isEmpty()) {
      return null;
    }
    Optional<String> type = attempt(() -> t.string("type"));
    if (type.isEmpty()) {
      return null;
    }
    switch (type.get()) {
      case "rate":
        t.onlyKeys(Set.of("type"));
        return new Transform.Rate();
      case "complement":
        t.onlyKeys(Set.of("type"));
        return new Transform.Complement();
      case "bands":
        t.onlyKeys(Set.of("type", "bands"));
        return attempt(() -> t.get("bands").elements(this::band))
            .map(Transform.Bands::new)
            .orElse(null);
      case "target":
        t.onlyKeys(Set.of("type", "target", "penaltyPerPercentBelow"));
        Optional<Double> target = attempt(() -> t.number("target"));
        Optional<Double> penalty = attempt(() -> t.number("penaltyPerPercentBelow"));
        if (target.isEmpty() || penalty.isEmpty()) {
          return null;
        }
        return new Transform.Target(target.get(), penalty.get());
      default:
        problems.error(
            InputCode.BAD_VALUE,
            t.at("type"),
            "unknown transform type "
                + Problems.quote(type.get())
                + "; use rate, complement, bands or target");
        return null;
    }
  }

  private Band band(JsonNodeAt n) {
    n.onlyKeys(Set.of("min", "max", "points"));
    Optional<Double> min = attempt(() -> n.number("min"));
    OptionalDouble max = n.optDouble("max");
    Optional<Double> points = attempt(() -> n.number("points"));
    if (min.isEmpty() || points.isEmpty()) {
      return null;
    }
    if (!whole(min.get()) || (max.isPresent() && !whole(max.getAsDouble()))) {
      problems.error(InputCode.TYPE, n.pointer(), "band limits are whole counts");
      return null;
    }
    return new Band(
        (long) (double) min.get(),
        max.isPresent() ? OptionalLong.of((long) max.getAsDouble()) : OptionalLong.empty(),
        points.get());
  }

  private static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }

  private Deduction deduction(JsonNodeAt n) {
    n.onlyKeys(Set.of("indicator", "pointsEach", "cap"));
    Optional<Indicator> ind = indicator(n);
    Optional<Double> each = attempt(() -> n.number("pointsEach"));
    OptionalDouble cap = n.optDouble("cap");
    if (ind.isEmpty() || each.isEmpty()) {
      return null;
    }
    return new Deduction(ind.get(), each.get(), cap);
  }

  private Grade grade(JsonNodeAt n) {
    n.onlyKeys(Set.of("grade", "min"));
    Optional<String> name = attempt(() -> n.string("grade"));
    OptionalDouble min = n.optDouble("min");
    return name.map(g -> new Grade(g, min)).orElse(null);
  }

  private Optional<Indicator> indicator(JsonNodeAt n) {
    Optional<String> key = attempt(() -> n.string("indicator"));
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<Indicator> ind = Indicator.byKey(key.get());
    if (ind.isEmpty()) {
      List<String> known = new ArrayList<>();
      for (Indicator i : Indicator.values()) {
        known.add(i.key());
      }
      error(
          Code.UNKNOWN_INDICATOR,
          InputCode.BAD_VALUE,
          n.at("indicator"),
          "unknown indicator "
              + Problems.quote(key.get())
              + Suggestions.didYouMean(key.get(), known)
                  .map(s -> "; did you mean " + Problems.quote(s) + "?")
                  .orElse("; see docs/scoring.md for the list"));
    }
    return ind;
  }

  private static Optional<LocalDate> date(JsonNodeAt n, String field) {
    return n.optParsed(field, "date YYYY-MM-DD", LocalDate::parse);
  }

  // ------------------------------------------------------------------ writing

  /**
   * The canonical JSON form of a scheme, which {@link #read} reads back to an equal scheme.
   *
   * @param s the scheme
   * @return indented JSON text
   */
  static String write(ScoringScheme s) {
    return Json.pretty(tree(s));
  }

  /**
   * The canonical JSON form as a tree.
   *
   * @param s the scheme
   * @return the tree
   */
  static ObjectNode tree(ScoringScheme s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
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
