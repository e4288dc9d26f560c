package org.gridgov.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.gridgov.core.GridLevel;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.scoring.Scorecard.UnitScore;
import org.gridgov.scoring.UnitKind;

/**
 * The side-by-side comparison of policy variants on one case stream: for each variant the measures
 * of its {@link LoopSummary} (share settled within the grid, whistles per level, mean and 90th
 * percentile working time to close, overdue cases, deductions) and each ranking, with the units
 * whose rank differs from the baseline's. Variants are ordered by name. Render it with {@link
 * #toText()}, {@link #toCsv()} or {@link #toJson()}; the formats are described in {@code
 * docs/lab.md}.
 *
 * @param city the city's name
 * @param stream what was replayed
 * @param baseline the variant rankings are compared with
 * @param variants one report per variant, ordered by name
 */
public record SimulationReport(
    String city, StreamInfo stream, String baseline, List<VariantReport> variants) {

  /** The JSON format tag. */
  public static final String FORMAT = "gridgov.simulation-report/1";

  /**
   * Validates and copies.
   *
   * @param city the city
   * @param stream the stream
   * @param baseline the baseline
   * @param variants the variants
   */
  public SimulationReport {
    Objects.requireNonNull(city, "city");
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(baseline, "baseline");
    variants = List.copyOf(variants);
  }

  /**
   * The replayed stream.
   *
   * @param start the first day
   * @param days the number of days
   * @param incidents the number of incidents
   * @param seed the seed it was generated from
   */
  public record StreamInfo(LocalDate start, int days, int incidents, long seed) {}

  /**
   * One variant's results.
   *
   * @param name the variant
   * @param description its description
   * @param summary its measures
   * @param rankings its rankings
   */
  public record VariantReport(
      String name, String description, LoopSummary summary, List<RankingReport> rankings) {
    /**
     * Copies.
     *
     * @param name the name
     * @param description the description
     * @param summary the summary
     * @param rankings the rankings
     */
    public VariantReport {
      rankings = List.copyOf(rankings);
    }
  }

  /**
   * One ranking of a variant.
   *
   * @param key {@code <kind>:<scheme id>}
   * @param kind the units ranked
   * @param scheme the scheme's id
   * @param deductions points deducted, summed over the scored units
   * @param units every unit: ranked ones by rank, then the others
   * @param changes units whose rank differs from the baseline's ranking of the same key, by unit
   */
  public record RankingReport(
      String key,
      UnitKind kind,
      String scheme,
      double deductions,
      List<RankedUnit> units,
      List<RankChange> changes) {
    /**
     * Copies.
     *
     * @param key the key
     * @param kind the kind
     * @param scheme the scheme
     * @param deductions the deductions
     * @param units the units
     * @param changes the changes
     */
    public RankingReport {
      units = List.copyOf(units);
      changes = List.copyOf(changes);
    }
  }

  /**
   * A unit's place in a ranking.
   *
   * @param unit the unit id
   * @param rank the rank, empty when not ranked
   * @param score the score, empty when not scored
   * @param grade the grade, empty when not scored
   */
  public record RankedUnit(
      String unit, OptionalInt rank, Optional<BigDecimal> score, Optional<String> grade) {}

  /**
   * A unit ranked differently than in the baseline.
   *
   * @param unit the unit id
   * @param baselineRank its rank in the baseline, empty when not ranked there
   * @param rank its rank in this variant, empty when not ranked
   */
  public record RankChange(String unit, OptionalInt baselineRank, OptionalInt rank) {}

  /**
   * Builds the report from loop results.
   *
   * @param city the city's name
   * @param stream the stream replayed
   * @param baseline the baseline's name, one of the results
   * @param variants the variants, for their descriptions
   * @param results the results, ordered as they should be reported
   * @return the report
   */
  public static SimulationReport of(
      String city,
      CaseStream stream,
      String baseline,
      List<PolicyVariant> variants,
      List<LoopResult> results) {
    List<VariantReport> out = new ArrayList<>();
    for (LoopResult r : results) {
      String description =
          variants.stream()
              .filter(v -> v.name().equals(r.variant()))
              .map(PolicyVariant::description)
              .findFirst()
              .orElse("");
      List<RankingReport> rankings = new ArrayList<>();
      for (RankingResult rr : r.rankings()) {
        List<RankedUnit> units = new ArrayList<>();
        for (UnitScore u : rr.scorecard().units()) {
          units.add(new RankedUnit(u.unit(), u.rank(), u.score(), u.grade()));
        }
        rankings.add(
            new RankingReport(
                rr.ranking().key(),
                rr.ranking().kind(),
                rr.ranking().scheme().id(),
                rr.deductions(),
                units,
                List.of()));
      }
      out.add(new VariantReport(r.variant(), description, r.summary(), rankings));
    }
    return compare(
        city,
        new StreamInfo(stream.start(), stream.days(), stream.size(), stream.seed()),
        baseline,
        out);
  }

  /**
   * Builds the report from the variants' own reports, computing every ranking's changes against the
   * baseline (the changes the given reports carry are replaced): the path {@link #of} takes, open
   * to tools that compute the variants elsewhere (on a cluster's executors, say) and bring back
   * their summaries and rankings.
   *
   * @param city the city's name
   * @param stream the stream replayed
   * @param baseline the baseline's name, one of the variants
   * @param variants the variants' reports, ordered as they should be reported
   * @return the report
   * @throws IllegalArgumentException when no variant is named {@code baseline}
   */
  public static SimulationReport compare(
      String city, StreamInfo stream, String baseline, List<VariantReport> variants) {
    VariantReport base =
        variants.stream()
            .filter(v -> v.name().equals(baseline))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no result for baseline " + baseline));
    List<VariantReport> out = new ArrayList<>();
    for (VariantReport v : variants) {
      List<RankingReport> rankings = new ArrayList<>();
      for (RankingReport r : v.rankings()) {
        List<RankChange> changes = new ArrayList<>();
        if (v != base) {
          base.rankings().stream()
              .filter(b -> b.key().equals(r.key()))
              .findFirst()
              .ifPresent(b -> changes.addAll(changes(b.units(), r.units())));
        }
        rankings.add(
            new RankingReport(r.key(), r.kind(), r.scheme(), r.deductions(), r.units(), changes));
      }
      out.add(new VariantReport(v.name(), v.description(), v.summary(), rankings));
    }
    return new SimulationReport(city, stream, baseline, out);
  }

  private static List<RankChange> changes(List<RankedUnit> base, List<RankedUnit> other) {
    Map<String, OptionalInt> a = new TreeMap<>();
    base.forEach(u -> a.put(u.unit(), u.rank()));
    Map<String, OptionalInt> b = new TreeMap<>();
    other.forEach(u -> b.put(u.unit(), u.rank()));
    TreeSet<String> units = new TreeSet<>(a.keySet());
    units.addAll(b.keySet());
    List<RankChange> out = new ArrayList<>();
    for (String u : units) {
      OptionalInt ra = a.getOrDefault(u, OptionalInt.empty());
      OptionalInt rb = b.getOrDefault(u, OptionalInt.empty());
      if (!ra.equals(rb)) {
        out.add(new RankChange(u, ra, rb));
      }
    }
    return out;
  }

  /**
   * The variant named so.
   *
   * @param name the name
   * @return its report, or empty
   */
  public Optional<VariantReport> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  // ---------------------------------------------------------------- measures, shared by formats

  /** A summary measure: its name, its decimals in the formats (-1: a count) and its value. */
  private record Measure(String name, int decimals, Function<VariantReport, OptionalDouble> value) {
    String format(VariantReport v) {
      OptionalDouble x = value.apply(v);
      if (decimals < 0) {
        return x.isEmpty() ? "" : Long.toString((long) x.getAsDouble());
      }
      return number(x, decimals);
    }
  }

  private static Measure count(String name, java.util.function.ToIntFunction<VariantReport> f) {
    return new Measure(name, -1, v -> OptionalDouble.of(f.applyAsInt(v)));
  }

  /** The summary measures in report order. */
  private List<Measure> measureList() {
    List<Measure> m = new ArrayList<>();
    m.add(count("reported", v -> v.summary().reported()));
    m.add(count("rejected", v -> v.summary().rejected()));
    for (CaseRun.Outcome o : CaseRun.Outcome.values()) {
      if (o != CaseRun.Outcome.CLOSED) {
        m.add(
            count(
                "rejected." + key(o.name()).substring("rejected_".length()),
                v -> v.summary().outcomes().getOrDefault(o, 0)));
      }
    }
    m.add(count("filed", v -> v.summary().filed()));
    m.add(count("closed", v -> v.summary().closed()));
    m.add(count("evaluated", v -> v.summary().evaluated()));
    m.add(count("settled_in_grid", v -> v.summary().settledInGrid()));
    m.add(new Measure("settled_in_grid_share", 4, v -> v.summary().settledInGridShare()));
    m.add(count("admission_denied", v -> v.summary().admissionDenied()));
    m.add(count("escalated_cases", v -> v.summary().escalatedCases()));
    m.add(count("whistles", v -> v.summary().escalations()));
    if (!variants.isEmpty()) {
      for (GridLevel l : variants.get(0).summary().escalationsByLevel().keySet()) {
        m.add(
            count(
                "whistles." + l.name(), v -> v.summary().escalationsByLevel().getOrDefault(l, 0)));
      }
    }
    m.add(count("urged_cases", v -> v.summary().urgedCases()));
    m.add(count("suspended", v -> v.summary().suspended()));
    m.add(count("reworked", v -> v.summary().reworked()));
    m.add(count("overdue", v -> v.summary().overdue()));
    m.add(new Measure("mean_working_hours_to_close", 2, v -> v.summary().meanHoursToClose()));
    m.add(new Measure("p90_working_hours_to_close", 2, v -> v.summary().p90HoursToClose()));
    m.add(count("snapped", v -> v.summary().snapped()));
    m.add(count("table_errors", v -> v.summary().tableErrors()));
    for (String key : rankingKeys()) {
      m.add(
          new Measure(
              "deductions." + key,
              2,
              v ->
                  v.rankings().stream()
                      .filter(r -> r.key().equals(key))
                      .findFirst()
                      .map(r -> OptionalDouble.of(r.deductions()))
                      .orElse(OptionalDouble.empty())));
    }
    return m;
  }

  /** The summary measures in report order: name and the formatted value per variant. */
  private List<Map.Entry<String, Function<VariantReport, String>>> measures() {
    List<Map.Entry<String, Function<VariantReport, String>>> m = new ArrayList<>();
    for (Measure x : measureList()) {
      m.add(Map.entry(x.name(), x::format));
    }
    return m;
  }

  /**
   * A variant's summary measures, unrounded, in report order: the rows of {@link #toText()} and the
   * {@code summary} of {@link #toJson()} (plus {@code deductions.<key>} per ranking key of the
   * report), for tools that aggregate reports, such as a comparison over seeds and cities.
   *
   * @param variant a variant's name
   * @return measure name → value, empty where not applicable (no closed case; a ranking the variant
   *     does not compute)
   * @throws IllegalArgumentException when no variant has that name
   */
  public Map<String, OptionalDouble> measures(String variant) {
    VariantReport v =
        variant(variant)
            .orElseThrow(
                () -> new IllegalArgumentException("no variant '" + variant + "' in the report"));
    Map<String, OptionalDouble> out = new java.util.LinkedHashMap<>();
    for (Measure x : measureList()) {
      out.put(x.name(), x.value().apply(v));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private List<String> rankingKeys() {
    List<String> keys = new ArrayList<>();
    for (VariantReport v : variants) {
      for (RankingReport r : v.rankings()) {
        if (!keys.contains(r.key())) {
          keys.add(r.key());
        }
      }
    }
    return keys;
  }

  private static String key(String enumName) {
    return enumName.toLowerCase(Locale.ROOT);
  }

  private static String number(OptionalDouble v, int decimals) {
    if (v.isEmpty()) {
      return "";
    }
    return BigDecimal.valueOf(v.getAsDouble())
        .setScale(decimals, java.math.RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static String rank(OptionalInt r) {
    return r.isPresent() ? Integer.toString(r.getAsInt()) : "-";
  }

  // ---------------------------------------------------------------- text

  /**
   * A plain-text report: the measures side by side, then per ranking the top and bottom units of
   * each variant and the units whose rank changed against the baseline.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append("Policy simulation of ")
        .append(city)
        .append(": ")
        .append(stream.start())
        .append(" + ")
        .append(stream.days())
        .append(" days, ")
        .append(stream.incidents())
        .append(" incidents (seed ")
        .append(stream.seed())
        .append("); baseline ")
        .append(baseline)
        .append('\n');
    for (VariantReport v : variants) {
      if (!v.description().isEmpty()) {
        sb.append("  ").append(v.name()).append(": ").append(v.description()).append('\n');
      }
    }
    sb.append('\n');
    List<String> header = new ArrayList<>();
    header.add("measure");
    variants.forEach(v -> header.add(v.name()));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Function<VariantReport, String>> m : measures()) {
      List<String> row = new ArrayList<>();
      row.add(m.getKey());
      for (VariantReport v : variants) {
        String s = m.getValue().apply(v);
        row.add(s.isEmpty() ? "-" : s);
      }
      rows.add(row);
    }
    table(sb, header, rows);
    for (String key : rankingKeys()) {
      sb.append('\n').append("Ranking ").append(key).append('\n');
      for (VariantReport v : variants) {
        Optional<RankingReport> r =
            v.rankings().stream().filter(x -> x.key().equals(key)).findFirst();
        if (r.isEmpty()) {
          continue;
        }
        List<RankedUnit> ranked =
            r.get().units().stream().filter(u -> u.rank().isPresent()).toList();
        sb.append("  ").append(v.name()).append(": ");
        sb.append(ranked.size()).append(" ranked");
        if (!ranked.isEmpty()) {
          sb.append("; top ").append(units(ranked.subList(0, Math.min(5, ranked.size()))));
          if (ranked.size() > 5) {
            sb.append("; bottom ")
                .append(units(ranked.subList(Math.max(5, ranked.size() - 5), ranked.size())));
          }
        }
        sb.append('\n');
        if (!v.name().equals(baseline)) {
          List<RankChange> ch = r.get().changes();
          sb.append("    rank changed vs ").append(baseline).append(": ");
          if (ch.isEmpty()) {
            sb.append("none");
          } else {
            sb.append(ch.size()).append(" units: ");
            for (int i = 0; i < ch.size() && i < 20; i++) {
              RankChange c = ch.get(i);
              sb.append(i == 0 ? "" : ", ")
                  .append(c.unit())
                  .append(' ')
                  .append(rank(c.baselineRank()))
                  .append("→")
                  .append(rank(c.rank()));
            }
            if (ch.size() > 20) {
              sb.append(", …");
            }
          }
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String units(List<RankedUnit> us) {
    StringBuilder sb = new StringBuilder();
    for (RankedUnit u : us) {
      sb.append(sb.length() == 0 ? "" : ", ")
          .append(rank(u.rank()))
          .append(". ")
          .append(u.unit())
          .append(u.score().map(s -> " (" + s.toPlainString() + ")").orElse(""));
    }
    return sb.toString();
  }

  private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        String cell = r.get(i);
        if (i == 0) {
          line.append(cell).append(" ".repeat(width[i] - cell.length()));
        } else {
          line.append("  ").append(" ".repeat(width[i] - cell.length())).append(cell);
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  // ---------------------------------------------------------------- csv

  /**
   * A CSV report in long form, header {@code variant,measure,unit,value}: one row per summary
   * measure (unit empty), then per ranking and unit the rows {@code rank:<key>}, {@code
   * score:<key>} and, for units whose rank changed, {@code baseline_rank:<key>}.
   *
   * @return the CSV, lines ending in {@code \n}
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("variant,measure,unit,value\n");
    List<Map.Entry<String, Function<VariantReport, String>>> ms = measures();
    for (VariantReport v : variants) {
      for (Map.Entry<String, Function<VariantReport, String>> m : ms) {
        csv(sb, v.name(), m.getKey(), "", m.getValue().apply(v));
      }
      for (RankingReport r : v.rankings()) {
        Map<String, RankChange> changed = new TreeMap<>();
        r.changes().forEach(c -> changed.put(c.unit(), c));
        for (RankedUnit u : r.units()) {
          csv(
              sb,
              v.name(),
              "rank:" + r.key(),
              u.unit(),
              u.rank().isPresent() ? rank(u.rank()) : "");
          csv(
              sb,
              v.name(),
              "score:" + r.key(),
              u.unit(),
              u.score().map(BigDecimal::toPlainString).orElse(""));
          RankChange c = changed.get(u.unit());
          if (c != null) {
            csv(
                sb,
                v.name(),
                "baseline_rank:" + r.key(),
                u.unit(),
                c.baselineRank().isPresent() ? rank(c.baselineRank()) : "");
          }
        }
      }
    }
    return sb.toString();
  }

  private static void csv(StringBuilder sb, String... cells) {
    Csv.writeRow(sb, List.of(cells));
  }

  // ---------------------------------------------------------------- json

  /**
   * A JSON report ({@value #FORMAT}), pretty-printed.
   *
   * @return the JSON text, ending in a newline
   */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("city", city);
    ObjectNode s = root.putObject("stream");
    s.put("start", stream.start().toString());
    s.put("days", stream.days());
    s.put("incidents", stream.incidents());
    s.put("seed", stream.seed());
    root.put("baseline", baseline);
    ArrayNode vs = root.putArray("variants");
    List<Map.Entry<String, Function<VariantReport, String>>> ms = measures();
    for (VariantReport v : variants) {
      ObjectNode vn = vs.addObject();
      vn.put("name", v.name());
      vn.put("description", v.description());
      ObjectNode summary = vn.putObject("summary");
      for (Map.Entry<String, Function<VariantReport, String>> m : ms) {
        if (m.getKey().startsWith("deductions.")) {
          continue;
        }
        String value = m.getValue().apply(v);
        if (value.isEmpty()) {
          summary.putNull(m.getKey());
        } else {
          summary.put(m.getKey(), new BigDecimal(value));
        }
      }
      ArrayNode rs = vn.putArray("rankings");
      for (RankingReport r : v.rankings()) {
        ObjectNode rn = rs.addObject();
        rn.put("key", r.key());
        rn.put("kind", r.kind().key());
        rn.put("scheme", r.scheme());
        rn.put(
            "deductions",
            BigDecimal.valueOf(r.deductions()).setScale(2, java.math.RoundingMode.HALF_UP));
        ArrayNode us = rn.putArray("units");
        for (RankedUnit u : r.units()) {
          ObjectNode un = us.addObject();
          un.put("unit", u.unit());
          if (u.rank().isPresent()) {
            un.put("rank", u.rank().getAsInt());
          } else {
            un.putNull("rank");
          }
          if (u.score().isPresent()) {
            un.put("score", u.score().get());
          } else {
            un.putNull("score");
          }
          u.grade().ifPresent(g -> un.put("grade", g));
        }
        ArrayNode cs = rn.putArray("changes");
        for (RankChange c : r.changes()) {
          ObjectNode cn = cs.addObject();
          cn.put("unit", c.unit());
          if (c.baselineRank().isPresent()) {
            cn.put("baselineRank", c.baselineRank().getAsInt());
          } else {
            cn.putNull("baselineRank");
          }
          if (c.rank().isPresent()) {
            cn.put("rank", c.rank().getAsInt());
          } else {
            cn.putNull("rank");
          }
        }
      }
    }
    return Json.pretty(root) + "\n";
  }
}
