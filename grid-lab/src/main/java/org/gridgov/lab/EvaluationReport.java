package org.gridgov.lab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gridgov.core.io.Json;
import org.gridgov.watch.Detector;

/**
 * What {@link WatchEvaluation#run} found: per configuration, detector and group of outbreaks the
 * sensitivity and detection delays, the false alerts on the clean background and the precision, and
 * per configuration and detector the verdict against the CIDARS targets. Immutable; rendered with
 * {@link #toText()}, {@link #toCsv()} or {@link #toJson()} (docs/watch.md, "Evaluation", defines
 * every figure). A figure without data (no outbreak in a group, no alert) is {@code NaN}: empty in
 * CSV, {@code null} in JSON, {@code -} in text.
 *
 * @param spec what was run
 * @param units the units per stream
 * @param categories the categories per stream
 * @param casesPerStream the mean cases of a clean stream
 * @param outbreaks the outbreaks injected over all replicates
 * @param rows one row per configuration × detector × group ({@code all} first)
 * @param verdicts one verdict per configuration × detector
 * @param notes what was not evaluated, and why
 */
public record EvaluationReport(
    WatchEvaluation.Spec spec,
    int units,
    int categories,
    long casesPerStream,
    int outbreaks,
    List<EvaluationReport.Row> rows,
    List<EvaluationReport.Verdict> verdicts,
    List<String> notes) {

  /** The CIDARS field figure the sensitivity on outbreaks of at least 3× is held to. */
  public static final double SENSITIVITY_TARGET = 0.95;

  /** The CIDARS field figure the false-alert rate (share of clean cell-days) is held to. */
  public static final double FALSE_ALERT_TARGET = 0.01;

  /** The CIDARS field figure the median delay on outbreaks of at least 3×, in days, is held to. */
  public static final double DELAY_TARGET = 1.0;

  /** The CSV header. */
  public static final String CSV_HEADER =
      "config,detector,group,outbreaks,detected,sensitivity,median_delay,mean_delay,"
          + "delay_0,delay_1,delay_2,delay_3plus,false_alerts_per_100_grid_weeks,"
          + "false_alert_rate,precision,cidars_sensitivity,cidars_delay,cidars_false_alert_rate,"
          + "cidars";

  /**
   * Validates and copies.
   *
   * @param spec the spec
   * @param units units
   * @param categories categories
   * @param casesPerStream mean cases
   * @param outbreaks outbreaks
   * @param rows rows
   * @param verdicts verdicts
   * @param notes notes
   */
  public EvaluationReport {
    Objects.requireNonNull(spec, "spec");
    rows = List.copyOf(rows);
    verdicts = List.copyOf(verdicts);
    notes = List.copyOf(notes);
  }

  /**
   * One configuration × detector × group of outbreaks.
   *
   * @param config the configuration's name
   * @param detector the detector
   * @param group the outbreaks counted: {@code all}, a type ({@code single}, {@code cluster},
   *     {@code citywide}), a size ({@code times>=3}, {@code times<3}, {@code absolute}) or a
   *     background ({@code sparse}: working-day baseline below 1 case a day, {@code busy})
   * @param outbreaks the outbreaks in the group
   * @param detected those alerted within their duration
   * @param sensitivity detected / outbreaks, in [0, 1]; NaN without outbreaks
   * @param medianDelay the median detection delay of the detected, in days; NaN when none
   * @param meanDelay the mean detection delay of the detected; NaN when none
   * @param delays how many were detected after 0, 1, 2 and 3 or more days
   * @param falseAlertsPer100GridWeeks alerts starting on the clean background per 100 unit-weeks
   *     evaluated (group {@code all} only, NaN elsewhere)
   * @param falseAlertRate the share of clean cell-days with an alert in force, in [0, 1] (group
   *     {@code all} only)
   * @param precision the share of the alerts on the injected streams that match an outbreak, in [0,
   *     1] (group {@code all} only; NaN without alerts)
   */
  public record Row(
      String config,
      Detector detector,
      String group,
      int outbreaks,
      int detected,
      double sensitivity,
      double medianDelay,
      double meanDelay,
      List<Integer> delays,
      double falseAlertsPer100GridWeeks,
      double falseAlertRate,
      double precision) {
    /**
     * Validates and copies.
     *
     * @param config name
     * @param detector detector
     * @param group group
     * @param outbreaks count
     * @param detected count
     * @param sensitivity share
     * @param medianDelay days
     * @param meanDelay days
     * @param delays histogram of four
     * @param falseAlertsPer100GridWeeks rate
     * @param falseAlertRate share
     * @param precision share
     */
    public Row {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(detector, "detector");
      Objects.requireNonNull(group, "group");
      delays = List.copyOf(delays);
      if (delays.size() != 4) {
        throw new IllegalArgumentException("delays has four bins (0, 1, 2, 3+): " + delays);
      }
    }
  }

  /**
   * A configuration × detector against the CIDARS targets: sensitivity ≥ 95 % and median delay ≤ 1
   * day on outbreaks of at least 3× the baseline, false-alert rate ≤ 1 % of clean cell-days.
   *
   * @param config the configuration's name
   * @param detector the detector
   * @param sensitivity the sensitivity on outbreaks of at least 3× (NaN without any)
   * @param medianDelay their median delay (NaN when none detected)
   * @param falseAlertRate the share of clean cell-days with an alert in force
   */
  public record Verdict(
      String config,
      Detector detector,
      double sensitivity,
      double medianDelay,
      double falseAlertRate) {
    /**
     * Validates.
     *
     * @param config name
     * @param detector detector
     * @param sensitivity share
     * @param medianDelay days
     * @param falseAlertRate share
     */
    public Verdict {
      Objects.requireNonNull(config, "config");
      Objects.requireNonNull(detector, "detector");
    }

    /**
     * Whether the sensitivity target is met (never without data).
     *
     * @return sensitivity ≥ 0.95
     */
    public boolean sensitivityPass() {
      return sensitivity >= SENSITIVITY_TARGET;
    }

    /**
     * Whether the delay target is met.
     *
     * @return median delay ≤ 1 day
     */
    public boolean delayPass() {
      return medianDelay <= DELAY_TARGET;
    }

    /**
     * Whether the false-alert target is met.
     *
     * @return false-alert rate ≤ 1 %
     */
    public boolean falseAlertPass() {
      return falseAlertRate <= FALSE_ALERT_TARGET;
    }

    /**
     * Whether every target is met.
     *
     * @return all three
     */
    public boolean pass() {
      return sensitivityPass() && delayPass() && falseAlertPass();
    }
  }

  /**
   * The report as aligned text: the settings, the table, the CIDARS verdicts and the notes.
   *
   * @return the text, ending with a newline
   */
  public String toText() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Watch evaluation: seed %d, %d days from %s (%d warm-up), %d replicate(s)%n",
            spec.seed(),
            spec.days(),
            spec.start(),
            spec.warmupDays(),
            spec.replicates()));
    b.append(
        String.format(
            Locale.ROOT,
            "background: %d %s units x %d categories (%s), about %d cases a stream;"
                + " %d outbreaks injected%n%n",
            units,
            spec.unitLevel().name(),
            categories,
            spec.categoryKey().name().toLowerCase(Locale.ROOT),
            casesPerStream,
            outbreaks));
    String rowFormat = "%-14s %-18s %-9s %5s %5s %6s %6s %6s %-15s %8s %7s %6s%n";
    b.append(
        String.format(
            Locale.ROOT,
            rowFormat,
            "config",
            "detector",
            "group",
            "n",
            "hit",
            "sens",
            "med",
            "mean",
            "delay 0/1/2/3+",
            "fa/100gw",
            "fa-rate",
            "prec"));
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              rowFormat,
              r.config(),
              r.detector().jsonName(),
              r.group(),
              r.outbreaks(),
              r.detected(),
              text(r.sensitivity(), "%.3f"),
              text(r.medianDelay(), "%.1f"),
              text(r.meanDelay(), "%.1f"),
              r.delays().get(0)
                  + "/"
                  + r.delays().get(1)
                  + "/"
                  + r.delays().get(2)
                  + "/"
                  + r.delays().get(3),
              text(r.falseAlertsPer100GridWeeks(), "%.2f"),
              percent(r.falseAlertRate()),
              text(r.precision(), "%.3f")));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%nCIDARS targets (outbreaks of at least 3x the baseline): sensitivity >= 95 %%,"
                + " median delay <= 1 day; false-alert rate <= 1 %% of clean cell-days%n"));
    String vFormat = "%-14s %-18s %-13s %-13s %-15s %s%n";
    b.append(
        String.format(
            Locale.ROOT,
            vFormat,
            "config",
            "detector",
            "sensitivity",
            "median delay",
            "false-alert",
            "verdict"));
    for (Verdict v : verdicts) {
      b.append(
          String.format(
              Locale.ROOT,
              vFormat,
              v.config(),
              v.detector().jsonName(),
              percent(v.sensitivity()) + " " + mark(v.sensitivityPass()),
              text(v.medianDelay(), "%.1f") + " " + mark(v.delayPass()),
              percent(v.falseAlertRate()) + " " + mark(v.falseAlertPass()),
              v.pass() ? "PASS" : "FAIL"));
    }
    if (!notes.isEmpty()) {
      b.append(String.format("%nNotes:%n"));
      for (String n : notes) {
        b.append("- ").append(n).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * The rows as CSV ({@link #CSV_HEADER}); the verdict columns are filled on the {@code all} rows
   * ({@code pass} or {@code fail}), empty elsewhere; figures without data are empty.
   *
   * @return the CSV, ending with a newline
   */
  public String toCsv() {
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (Row r : rows) {
      Verdict v = r.group().equals("all") ? verdict(r.config(), r.detector()) : null;
      b.append(r.config().contains(",") ? '"' + r.config().replace("\"", "\"\"") + '"' : r.config())
          .append(',')
          .append(r.detector().jsonName())
          .append(',')
          .append(r.group())
          .append(',')
          .append(r.outbreaks())
          .append(',')
          .append(r.detected())
          .append(',')
          .append(csv(r.sensitivity()))
          .append(',')
          .append(csv(r.medianDelay()))
          .append(',')
          .append(csv(r.meanDelay()));
      for (int d : r.delays()) {
        b.append(',').append(d);
      }
      b.append(',')
          .append(csv(r.falseAlertsPer100GridWeeks()))
          .append(',')
          .append(csv(r.falseAlertRate()))
          .append(',')
          .append(csv(r.precision()))
          .append(',')
          .append(v == null ? "" : passFail(v.sensitivityPass()))
          .append(',')
          .append(v == null ? "" : passFail(v.delayPass()))
          .append(',')
          .append(v == null ? "" : passFail(v.falseAlertPass()))
          .append(',')
          .append(v == null ? "" : passFail(v.pass()))
          .append('\n');
    }
    return b.toString();
  }

  /**
   * The report as JSON ({@code gridgov.watch-eval/1}): settings, rows, verdicts and notes; figures
   * without data are {@code null}.
   *
   * @return pretty-printed JSON, ending with a newline
   */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", "gridgov.watch-eval/1");
    ObjectNode s = root.putObject("settings");
    s.put("seed", spec.seed());
    s.put("start", spec.start().toString());
    s.put("days", spec.days());
    s.put("warmupDays", spec.warmupDays());
    s.put("replicates", spec.replicates());
    s.put("unitLevel", spec.unitLevel().name());
    s.put("units", units);
    s.put("categoryKey", spec.categoryKey().name().toLowerCase(Locale.ROOT));
    s.put("categories", categories);
    s.put("casesPerWorkingDay", spec.casesPerWorkingDay());
    s.put("casesPerStream", casesPerStream);
    s.put("outbreaks", outbreaks);
    ArrayNode rs = root.putArray("rows");
    for (Row r : rows) {
      ObjectNode n = rs.addObject();
      n.put("config", r.config());
      n.put("detector", r.detector().jsonName());
      n.put("group", r.group());
      n.put("outbreaks", r.outbreaks());
      n.put("detected", r.detected());
      number(n, "sensitivity", r.sensitivity());
      number(n, "medianDelay", r.medianDelay());
      number(n, "meanDelay", r.meanDelay());
      ArrayNode d = n.putArray("delays");
      r.delays().forEach(d::add);
      number(n, "falseAlertsPer100GridWeeks", r.falseAlertsPer100GridWeeks());
      number(n, "falseAlertRate", r.falseAlertRate());
      number(n, "precision", r.precision());
    }
    ArrayNode vs = root.putArray("cidars");
    for (Verdict v : verdicts) {
      ObjectNode n = vs.addObject();
      n.put("config", v.config());
      n.put("detector", v.detector().jsonName());
      number(n, "sensitivity", v.sensitivity());
      number(n, "medianDelay", v.medianDelay());
      number(n, "falseAlertRate", v.falseAlertRate());
      n.put("sensitivityPass", v.sensitivityPass());
      n.put("delayPass", v.delayPass());
      n.put("falseAlertPass", v.falseAlertPass());
      n.put("pass", v.pass());
    }
    ArrayNode ns = root.putArray("notes");
    notes.forEach(ns::add);
    return Json.pretty(root) + "\n";
  }

  private Verdict verdict(String config, Detector detector) {
    for (Verdict v : verdicts) {
      if (v.config().equals(config) && v.detector() == detector) {
        return v;
      }
    }
    return null;
  }

  private static void number(ObjectNode n, String name, double v) {
    if (Double.isNaN(v)) {
      n.putNull(name);
    } else {
      n.put(name, Math.round(v * 10_000) / 10_000.0);
    }
  }

  private static String text(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }

  /** A share as a percentage with two decimals, truncated (so 94.99 % never shows as 95 %). */
  private static String percent(double share) {
    if (Double.isNaN(share)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f%%", Math.floor(share * 10_000 + 1e-9) / 100);
  }

  private static String csv(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String mark(boolean pass) {
    return pass ? "pass" : "FAIL";
  }

  private static String passFail(boolean pass) {
    return pass ? "pass" : "fail";
  }
}
