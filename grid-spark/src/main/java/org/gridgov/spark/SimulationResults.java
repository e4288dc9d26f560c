package org.gridgov.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.gridgov.core.io.Csv;
import org.gridgov.core.io.Json;
import org.gridgov.lab.PolicySimulation;
import org.gridgov.lab.SimulationReport;

/**
 * What {@link GridGovSpark#simulate} collects: for every city and seed the {@link SimulationReport}
 * that {@link PolicySimulation#run} gives on one machine, and the side-by-side comparison across
 * seeds: for every city, variant and measure of the reports ({@link SimulationReport#measures}),
 * the mean, standard deviation, minimum and maximum over the seeds, and for each variant other than
 * the baseline the mean and standard deviation of its difference from the baseline seed by seed
 * (both run on the same stream, so the paired difference is what the variant changes). Render the
 * comparison with {@link #toText()}, {@link #toCsv()} or {@link #toJson()} (formats in {@code
 * docs/spark.md}); each report renders itself.
 *
 * <p>Reports are ordered by city name, then seed; statistics by city name, variant name, then the
 * measures in report order. Standard deviations are sample deviations (divisor n − 1), empty with
 * fewer than two values. Immutable and thread-safe.
 */
public final class SimulationResults {
  /** The JSON format tag of {@link #toJson()}. */
  public static final String FORMAT = "gridgov.simulation-summary/1";

  private final String baseline;
  private final List<SimulationReport> reports;
  private final List<MeasureStats> stats;

  /**
   * The statistics of one measure of one variant in one city over the seeds.
   *
   * @param city the city's name
   * @param variant the variant's name
   * @param measure the measure, as named in the reports
   * @param n the number of seeds where the measure has a value
   * @param mean the mean over those seeds
   * @param sd the sample standard deviation (empty below two values)
   * @param min the smallest value
   * @param max the largest value
   * @param deltaMean the mean of (variant − baseline) over the seeds where both have a value; empty
   *     for the baseline itself
   * @param deltaSd the sample standard deviation of the same differences
   */
  public record MeasureStats(
      String city,
      String variant,
      String measure,
      int n,
      OptionalDouble mean,
      OptionalDouble sd,
      OptionalDouble min,
      OptionalDouble max,
      OptionalDouble deltaMean,
      OptionalDouble deltaSd) {
    /**
     * Checks for nulls.
     *
     * @param city the city
     * @param variant the variant
     * @param measure the measure
     * @param n the count
     * @param mean the mean
     * @param sd the deviation
     * @param min the minimum
     * @param max the maximum
     * @param deltaMean the mean difference
     * @param deltaSd the deviation of the differences
     */
    public MeasureStats {
      Objects.requireNonNull(city, "city");
      Objects.requireNonNull(variant, "variant");
      Objects.requireNonNull(measure, "measure");
      Objects.requireNonNull(mean, "mean");
      Objects.requireNonNull(sd, "sd");
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      Objects.requireNonNull(deltaMean, "deltaMean");
      Objects.requireNonNull(deltaSd, "deltaSd");
    }
  }

  private SimulationResults(
      String baseline, List<SimulationReport> reports, List<MeasureStats> stats) {
    this.baseline = baseline;
    this.reports = List.copyOf(reports);
    this.stats = List.copyOf(stats);
  }

  /**
   * Collects reports of the same variants (one per city and seed, ordered by city name, then seed)
   * and computes the statistics.
   *
   * @param baseline the baseline's name
   * @param reports the reports, ordered
   * @return the results
   */
  static SimulationResults of(String baseline, List<SimulationReport> reports) {
    Map<String, List<SimulationReport>> byCity = new LinkedHashMap<>();
    for (SimulationReport r : reports) {
      byCity.computeIfAbsent(r.city(), c -> new ArrayList<>()).add(r);
    }
    List<MeasureStats> stats = new ArrayList<>();
    for (Map.Entry<String, List<SimulationReport>> city : byCity.entrySet()) {
      List<SimulationReport> runs = city.getValue();
      Set<String> variants = new LinkedHashSet<>();
      runs.forEach(r -> r.variants().forEach(v -> variants.add(v.name())));
      // measures in report order, the union over the seeds
      Set<String> measures = new LinkedHashSet<>();
      for (SimulationReport r : runs) {
        for (String v : variants) {
          if (r.variant(v).isPresent()) {
            measures.addAll(r.measures(v).keySet());
          }
        }
      }
      for (String v : variants) {
        for (String m : measures) {
          List<Double> values = new ArrayList<>();
          List<Double> deltas = new ArrayList<>();
          for (SimulationReport r : runs) {
            OptionalDouble x = value(r, v, m);
            if (x.isEmpty()) {
              continue;
            }
            values.add(x.getAsDouble());
            OptionalDouble b = value(r, baseline, m);
            if (!v.equals(baseline) && b.isPresent()) {
              deltas.add(x.getAsDouble() - b.getAsDouble());
            }
          }
          stats.add(
              new MeasureStats(
                  city.getKey(),
                  v,
                  m,
                  values.size(),
                  mean(values),
                  sd(values),
                  values.stream().mapToDouble(Double::doubleValue).min(),
                  values.stream().mapToDouble(Double::doubleValue).max(),
                  mean(deltas),
                  sd(deltas)));
        }
      }
    }
    return new SimulationResults(baseline, reports, stats);
  }

  private static OptionalDouble value(SimulationReport r, String variant, String measure) {
    if (r.variant(variant).isEmpty()) {
      return OptionalDouble.empty();
    }
    return r.measures(variant).getOrDefault(measure, OptionalDouble.empty());
  }

  private static OptionalDouble mean(List<Double> xs) {
    if (xs.isEmpty()) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (double x : xs) {
      sum += x;
    }
    return OptionalDouble.of(sum / xs.size());
  }

  private static OptionalDouble sd(List<Double> xs) {
    if (xs.size() < 2) {
      return OptionalDouble.empty();
    }
    double m = mean(xs).getAsDouble();
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return OptionalDouble.of(Math.sqrt(ss / (xs.size() - 1)));
  }

  /**
   * The baseline's name.
   *
   * @return the baseline
   */
  public String baseline() {
    return baseline;
  }

  /**
   * Every city's and seed's report, ordered by city name, then seed.
   *
   * @return the reports
   */
  public List<SimulationReport> reports() {
    return reports;
  }

  /**
   * The report of a city and seed.
   *
   * @param city the city's name
   * @param seed the seed
   * @return the report, or empty
   */
  public Optional<SimulationReport> report(String city, long seed) {
    return reports.stream()
        .filter(r -> r.city().equals(city) && r.stream().seed() == seed)
        .findFirst();
  }

  /**
   * The cities' names, sorted.
   *
   * @return the names
   */
  public List<String> cities() {
    return List.copyOf(new TreeSet<>(reports.stream().map(SimulationReport::city).toList()));
  }

  /**
   * The seeds, ascending.
   *
   * @return the seeds
   */
  public List<Long> seeds() {
    return List.copyOf(new TreeSet<>(reports.stream().map(r -> r.stream().seed()).toList()));
  }

  /**
   * Every statistic, ordered by city, variant and measure (report order).
   *
   * @return the statistics
   */
  public List<MeasureStats> stats() {
    return stats;
  }

  /**
   * The statistic of one measure.
   *
   * @param city the city's name
   * @param variant the variant's name
   * @param measure the measure's name, such as {@code settled_in_grid_share}
   * @return the statistic, or empty
   */
  public Optional<MeasureStats> stat(String city, String variant, String measure) {
    return stats.stream()
        .filter(s -> s.city().equals(city) && s.variant().equals(variant))
        .filter(s -> s.measure().equals(measure))
        .findFirst();
  }

  private List<String> variantNames() {
    Set<String> out = new LinkedHashSet<>();
    stats.forEach(s -> out.add(s.variant()));
    return List.copyOf(out);
  }

  private static String number(OptionalDouble v, int decimals) {
    return v.isEmpty()
        ? ""
        : BigDecimal.valueOf(v.getAsDouble())
            .setScale(decimals, RoundingMode.HALF_UP)
            .toPlainString();
  }

  // ---------------------------------------------------------------- text

  /**
   * A plain-text comparison: a header (cities, seeds, period, baseline), then per city a table with
   * one row per measure, a {@code mean ± sd} column per variant and a {@code Δ <variant>} column
   * ({@code mean ± sd} of the difference from the baseline) per other variant, two decimals.
   *
   * @return the text, lines ending in {@code \n}
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    List<String> cities = cities();
    List<Long> seeds = seeds();
    sb.append("Policy simulation of ")
        .append(cities.size())
        .append(cities.size() == 1 ? " city" : " cities")
        .append(" × ")
        .append(seeds.size())
        .append(seeds.size() == 1 ? " seed" : " seeds")
        .append(" (");
    for (int i = 0; i < seeds.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(seeds.get(i));
    }
    sb.append(')');
    if (!reports.isEmpty()) {
      SimulationReport.StreamInfo s = reports.get(0).stream();
      sb.append(": ").append(s.start()).append(" + ").append(s.days()).append(" days");
    }
    sb.append("; baseline ").append(baseline).append('\n');
    sb.append("mean ± sample standard deviation over the seeds; Δ: difference from the baseline")
        .append(" on the same stream\n");
    List<String> variants = variantNames();
    for (String city : cities) {
      sb.append('\n').append("City ").append(city).append(": incidents");
      for (SimulationReport r : reports) {
        if (r.city().equals(city)) {
          sb.append(' ').append(r.stream().incidents());
        }
      }
      sb.append('\n');
      List<String> header = new ArrayList<>();
      header.add("measure");
      header.addAll(variants);
      variants.stream().filter(v -> !v.equals(baseline)).forEach(v -> header.add("Δ " + v));
      Map<String, List<String>> rows = new LinkedHashMap<>();
      Map<String, List<String>> deltas = new LinkedHashMap<>();
      for (MeasureStats s : stats) {
        if (!s.city().equals(city)) {
          continue;
        }
        rows.computeIfAbsent(s.measure(), m -> new ArrayList<>(List.of(m)))
            .add(cell(s.mean(), s.sd()));
        if (!s.variant().equals(baseline)) {
          deltas
              .computeIfAbsent(s.measure(), m -> new ArrayList<>())
              .add(cell(s.deltaMean(), s.deltaSd()));
        }
      }
      List<List<String>> table = new ArrayList<>();
      for (Map.Entry<String, List<String>> row : rows.entrySet()) {
        List<String> line = new ArrayList<>(row.getValue());
        line.addAll(deltas.getOrDefault(row.getKey(), List.of()));
        table.add(line);
      }
      table(sb, header, table);
    }
    return sb.toString();
  }

  private static String cell(OptionalDouble mean, OptionalDouble sd) {
    if (mean.isEmpty()) {
      return "-";
    }
    return number(mean, 2) + " ± " + (sd.isEmpty() ? "-" : number(sd, 2));
  }

  private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size() && i < width.length; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : all) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size() && i < width.length; i++) {
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
   * A CSV comparison in long form, header {@code
   * city,variant,measure,n,mean,sd,min,max,delta_mean,delta_sd}: one row per statistic, numbers
   * with four decimals, empty where there is no value.
   *
   * @return the CSV, lines ending in {@code \n}
   */
  public String toCsv() {
    StringBuilder sb =
        new StringBuilder("city,variant,measure,n,mean,sd,min,max,delta_mean,delta_sd\n");
    for (MeasureStats s : stats) {
      Csv.writeRow(
          sb,
          List.of(
              s.city(),
              s.variant(),
              s.measure(),
              Integer.toString(s.n()),
              number(s.mean(), 4),
              number(s.sd(), 4),
              number(s.min(), 4),
              number(s.max(), 4),
              number(s.deltaMean(), 4),
              number(s.deltaSd(), 4)));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- json

  /**
   * A JSON comparison ({@value #FORMAT}), pretty-printed: the stream's period, the baseline, the
   * seeds, and per city its incidents per seed and per variant an object of measures, each with
   * {@code n}, {@code mean}, {@code sd}, {@code min}, {@code max}, {@code deltaMean} and {@code
   * deltaSd} (four decimals, {@code null} where there is no value).
   *
   * @return the JSON text, ending in a newline
   */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    if (!reports.isEmpty()) {
      ObjectNode s = root.putObject("stream");
      s.put("start", reports.get(0).stream().start().toString());
      s.put("days", reports.get(0).stream().days());
    }
    root.put("baseline", baseline);
    ArrayNode seedArray = root.putArray("seeds");
    seeds().forEach(seedArray::add);
    ArrayNode cityArray = root.putArray("cities");
    for (String city : cities()) {
      ObjectNode c = cityArray.addObject();
      c.put("city", city);
      ArrayNode incidents = c.putArray("incidents");
      reports.stream()
          .filter(r -> r.city().equals(city))
          .forEach(r -> incidents.add(r.stream().incidents()));
      ArrayNode vs = c.putArray("variants");
      Map<String, ObjectNode> byVariant = new LinkedHashMap<>();
      for (MeasureStats s : stats) {
        if (!s.city().equals(city)) {
          continue;
        }
        ObjectNode measures =
            byVariant.computeIfAbsent(
                s.variant(),
                v -> {
                  ObjectNode vn = vs.addObject();
                  vn.put("name", v);
                  return vn.putObject("measures");
                });
        ObjectNode m = measures.putObject(s.measure());
        m.put("n", s.n());
        put(m, "mean", s.mean());
        put(m, "sd", s.sd());
        put(m, "min", s.min());
        put(m, "max", s.max());
        put(m, "deltaMean", s.deltaMean());
        put(m, "deltaSd", s.deltaSd());
      }
    }
    return Json.pretty(root) + "\n";
  }

  private static void put(ObjectNode node, String field, OptionalDouble v) {
    if (v.isEmpty()) {
      node.putNull(field);
    } else {
      node.put(field, new BigDecimal(number(v, 4)));
    }
  }

  @Override
  public String toString() {
    return "SimulationResults["
        + cities().size()
        + " cities × "
        + seeds().size()
        + " seeds, baseline "
        + baseline
        + "]";
  }
}
