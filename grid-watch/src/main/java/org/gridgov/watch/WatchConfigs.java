package org.gridgov.watch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import org.gridgov.core.InputCode;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.io.AtomicFiles;
import org.gridgov.core.io.Json;
import org.gridgov.core.io.JsonNodeAt;
import org.gridgov.core.io.Problems;

/**
 * Reads and writes {@link WatchConfig}s in the JSON format {@code gridgov.watch/1} (docs/watch.md).
 * Every member is optional and takes its {@link WatchConfig#defaults() default} when missing; a
 * read is all or nothing: every problem (unknown member, with a "did you mean"; wrong type; value
 * out of range) is reported at once with the file, line, column and JSON pointer. Stateless and
 * thread-safe.
 */
public final class WatchConfigs {
  /** The value of the {@code format} member. */
  public static final String FORMAT = "gridgov.watch/1";

  private static final List<String> ROOT_KEYS =
      List.of("format", "baseline", "minObserved", "mergeGapDays", "detectors");
  private static final List<String> BASELINE_KEYS = List.of("weeks", "minHistoryDays");
  private static final List<String> DETECTOR_KEYS = detectorKeys();
  private static final List<String> EWMA_KEYS = List.of("enabled", "lambda", "limit");
  private static final List<String> CUSUM_KEYS = List.of("enabled", "shift", "threshold");
  private static final List<String> FARRINGTON_KEYS =
      List.of("enabled", "weeks", "guardDays", "alpha");
  private static final List<String> PERCENTILE_KEYS =
      List.of("enabled", "windowDays", "weeks", "percentile");
  private static final List<String> SCAN_KEYS =
      List.of("enabled", "days", "maxDays", "maxZoneShare", "replicates", "alpha", "seed");

  private WatchConfigs() {}

  private static List<String> detectorKeys() {
    List<String> keys = new ArrayList<>();
    for (Detector d : Detector.values()) {
      keys.add(d.jsonName());
    }
    return List.copyOf(keys);
  }

  /**
   * Reads a configuration file.
   *
   * @param file the JSON file
   * @return the configuration
   * @throws InvalidInputException listing every problem, located; also when the file cannot be read
   */
  public static WatchConfig read(Path file) {
    Objects.requireNonNull(file, "file");
    return Json.parse(file).read(Problems.Mode.ALL_ERRORS, WatchConfigs::config);
  }

  /**
   * Reads a configuration from JSON text.
   *
   * @param json the text
   * @param source the name used in errors (a file name), may be empty
   * @return the configuration
   * @throws InvalidInputException listing every problem, located
   */
  public static WatchConfig read(String json, String source) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(source, "source");
    return Json.readText(json, source, Problems.Mode.ALL_ERRORS, WatchConfigs::config);
  }

  /**
   * Writes a configuration's canonical JSON form to a file, replacing it atomically.
   *
   * @param config the configuration
   * @param file the file
   * @throws java.io.UncheckedIOException when the file cannot be written
   */
  public static void write(WatchConfig config, Path file) {
    Objects.requireNonNull(file, "file");
    AtomicFiles.writeString(file, toJson(config) + "\n");
  }

  /**
   * A configuration's canonical JSON form (indented, every member written), which {@link
   * #read(String, String)} reads back to an equal configuration.
   *
   * @param config the configuration
   * @return the JSON text, without a final line break
   */
  public static String toJson(WatchConfig config) {
    Objects.requireNonNull(config, "config");
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("format", FORMAT);
    o.putObject("baseline")
        .put("weeks", config.baseline().weeks())
        .put("minHistoryDays", config.baseline().minHistoryDays());
    o.put("minObserved", config.minObserved());
    o.put("mergeGapDays", config.mergeGapDays());
    ObjectNode d = o.putObject("detectors");
    WatchConfig.Ewma e = config.ewma();
    d.putObject(Detector.EWMA.jsonName())
        .put("enabled", e.enabled())
        .put("lambda", e.lambda())
        .put("limit", e.limit());
    cusum(d.putObject(Detector.POISSON_CUSUM.jsonName()), config.poissonCusum());
    cusum(d.putObject(Detector.NEGBIN_CUSUM.jsonName()), config.negBinCusum());
    WatchConfig.Farrington fa = config.farrington();
    d.putObject(Detector.FARRINGTON.jsonName())
        .put("enabled", fa.enabled())
        .put("weeks", fa.weeks())
        .put("guardDays", fa.guardDays())
        .put("alpha", fa.alpha());
    WatchConfig.MovingPercentile mp = config.movingPercentile();
    d.putObject(Detector.MOVING_PERCENTILE.jsonName())
        .put("enabled", mp.enabled())
        .put("windowDays", mp.windowDays())
        .put("weeks", mp.weeks())
        .put("percentile", mp.percentile());
    WatchConfig.Scan s = config.scan();
    d.putObject(Detector.SPACE_TIME_SCAN.jsonName())
        .put("enabled", s.enabled())
        .put("days", s.days())
        .put("maxDays", s.maxDays())
        .put("maxZoneShare", s.maxZoneShare())
        .put("replicates", s.replicates())
        .put("alpha", s.alpha())
        .put("seed", s.seed());
    return Json.pretty(o);
  }

  private static void cusum(ObjectNode n, WatchConfig.Cusum c) {
    n.put("enabled", c.enabled()).put("shift", c.shift()).put("threshold", c.threshold());
  }

  // ------------------------------------------------------------------ reading

  private static WatchConfig config(JsonNodeAt root) {
    WatchConfig def = WatchConfig.defaults();
    root.requireObject();
    root.onlyKeys(ROOT_KEYS);
    Problems p = root.problems();
    if (root.has("format")) {
      p.attempt(() -> root.requireFormat(FORMAT));
    }
    Optional<JsonNodeAt> base = section(root, "baseline", BASELINE_KEYS);
    WatchConfig.Baseline baseline =
        part(
            base,
            def.baseline(),
            b ->
                new WatchConfig.Baseline(
                    integer(b, "weeks", def.baseline().weeks(), 1, 104),
                    integer(b, "minHistoryDays", def.baseline().minHistoryDays(), 0, 728)));
    int minObserved = integer(Optional.of(root), "minObserved", def.minObserved(), 1, MAX);
    int mergeGapDays = integer(Optional.of(root), "mergeGapDays", def.mergeGapDays(), 0, MAX);
    Optional<JsonNodeAt> dets = section(root, "detectors", DETECTOR_KEYS);
    WatchConfig.Ewma ewma = ewma(section(dets, Detector.EWMA, EWMA_KEYS), def.ewma());
    WatchConfig.Cusum poisson =
        cusum(section(dets, Detector.POISSON_CUSUM, CUSUM_KEYS), def.poissonCusum());
    WatchConfig.Cusum negBin =
        cusum(section(dets, Detector.NEGBIN_CUSUM, CUSUM_KEYS), def.negBinCusum());
    WatchConfig.Farrington farrington =
        farrington(section(dets, Detector.FARRINGTON, FARRINGTON_KEYS), def.farrington());
    WatchConfig.MovingPercentile percentile =
        movingPercentile(
            section(dets, Detector.MOVING_PERCENTILE, PERCENTILE_KEYS), def.movingPercentile());
    WatchConfig.Scan scan = scan(section(dets, Detector.SPACE_TIME_SCAN, SCAN_KEYS), def.scan());
    if (p.hasErrors()) {
      return null;
    }
    return root.guard(
        () ->
            new WatchConfig(
                baseline,
                ewma,
                poisson,
                negBin,
                farrington,
                percentile,
                scan,
                minObserved,
                mergeGapDays));
  }

  private static final int MAX = Integer.MAX_VALUE;

  private static WatchConfig.Ewma ewma(Optional<JsonNodeAt> n, WatchConfig.Ewma def) {
    return part(
        n,
        def,
        e ->
            new WatchConfig.Ewma(
                bool(e, "enabled", def.enabled()),
                number(e, "lambda", def.lambda(), 0, false, 1, true),
                number(e, "limit", def.limit(), 0, false, Double.MAX_VALUE, true)));
  }

  private static WatchConfig.Cusum cusum(Optional<JsonNodeAt> n, WatchConfig.Cusum def) {
    return part(
        n,
        def,
        c ->
            new WatchConfig.Cusum(
                bool(c, "enabled", def.enabled()),
                number(c, "shift", def.shift(), 1, false, Double.MAX_VALUE, true),
                number(c, "threshold", def.threshold(), 0, false, Double.MAX_VALUE, true)));
  }

  private static WatchConfig.Farrington farrington(
      Optional<JsonNodeAt> n, WatchConfig.Farrington def) {
    return part(
        n,
        def,
        f ->
            new WatchConfig.Farrington(
                bool(f, "enabled", def.enabled()),
                integer(f, "weeks", def.weeks(), 2, 104),
                integer(f, "guardDays", def.guardDays(), 0, 28),
                number(f, "alpha", def.alpha(), 0, false, 0.5, false)));
  }

  private static WatchConfig.MovingPercentile movingPercentile(
      Optional<JsonNodeAt> n, WatchConfig.MovingPercentile def) {
    return part(
        n,
        def,
        m ->
            new WatchConfig.MovingPercentile(
                bool(m, "enabled", def.enabled()),
                integer(m, "windowDays", def.windowDays(), 1, 28),
                integer(m, "weeks", def.weeks(), 2, 104),
                number(m, "percentile", def.percentile(), 0, false, 1, false)));
  }

  private static WatchConfig.Scan scan(Optional<JsonNodeAt> n, WatchConfig.Scan def) {
    return part(
        n,
        def,
        s -> {
          Problems p = s.get().problems();
          int before = p.errorCount();
          int days = integer(s, "days", def.days(), 2, 366);
          int maxDays = integer(s, "maxDays", def.maxDays(), 1, 366);
          if (maxDays > days && p.errorCount() == before) {
            JsonNodeAt at = s.get();
            String where = at.has("maxDays") ? "maxDays" : "days";
            at.problems()
                .error(
                    InputCode.BAD_VALUE,
                    at.at(where),
                    "maxDays "
                        + maxDays
                        + (at.has("maxDays") ? "" : " (the default)")
                        + " is longer than the study period of "
                        + days
                        + " days");
          }
          return new WatchConfig.Scan(
              bool(s, "enabled", def.enabled()),
              days,
              Math.min(maxDays, days),
              number(s, "maxZoneShare", def.maxZoneShare(), 0, false, 0.5, true),
              integer(s, "replicates", def.replicates(), 9, 99_999),
              number(s, "alpha", def.alpha(), 0, false, 1, false),
              s.get().optLong("seed").orElse(def.seed()));
        });
  }

  /** An optional object member of an object (absent when the parent is). */
  private static Optional<JsonNodeAt> section(JsonNodeAt parent, String name, List<String> keys) {
    return section(Optional.of(parent), name, keys);
  }

  private static Optional<JsonNodeAt> section(
      Optional<JsonNodeAt> parent, Detector detector, List<String> keys) {
    return section(parent, detector.jsonName(), keys);
  }

  private static Optional<JsonNodeAt> section(
      Optional<JsonNodeAt> parent, String name, List<String> keys) {
    if (parent.isEmpty()) {
      return Optional.empty();
    }
    JsonNodeAt at = parent.get();
    Optional<JsonNodeAt> o = at.problems().attempt(() -> at.optObject(name)).flatMap(x -> x);
    o.ifPresent(x -> x.onlyKeys(keys));
    return o;
  }

  /** Builds a part from its (optional) object, or takes the default when it is absent. */
  private static <T> T part(
      Optional<JsonNodeAt> n, T def, Function<Optional<JsonNodeAt>, T> build) {
    if (n.isEmpty()) {
      return def;
    }
    JsonNodeAt at = n.get();
    int before = at.problems().errorCount();
    T value = build.apply(n);
    return at.problems().errorCount() > before ? def : value;
  }

  private static boolean bool(Optional<JsonNodeAt> n, String name, boolean def) {
    return n.flatMap(x -> x.optBool(name)).orElse(def);
  }

  /** An optional whole number in [lo, hi]; out of range is an error at the member. */
  private static int integer(Optional<JsonNodeAt> n, String name, int def, int lo, int hi) {
    if (n.isEmpty()) {
      return def;
    }
    JsonNodeAt at = n.get();
    OptionalInt v = at.optInt(name);
    if (v.isEmpty()) {
      return def;
    }
    int x = v.getAsInt();
    if (x < lo || x > hi) {
      at.problems()
          .error(
              InputCode.BAD_VALUE,
              at.at(name),
              "'"
                  + name
                  + "' must be "
                  + (hi == MAX ? "at least " + lo : "in [" + lo + ", " + hi + "]")
                  + ", not "
                  + x);
      return Math.max(lo, Math.min(hi, x));
    }
    return x;
  }

  /** An optional finite number between two bounds, each open or closed. */
  private static double number(
      Optional<JsonNodeAt> n,
      String name,
      double def,
      double lo,
      boolean loClosed,
      double hi,
      boolean hiClosed) {
    if (n.isEmpty()) {
      return def;
    }
    JsonNodeAt at = n.get();
    OptionalDouble v = at.optDouble(name);
    if (v.isEmpty()) {
      return def;
    }
    double x = v.getAsDouble();
    boolean ok = (loClosed ? x >= lo : x > lo) && (hiClosed ? x <= hi : x < hi);
    if (!ok) {
      String range =
          hi == Double.MAX_VALUE
              ? (loClosed ? "at least " : "greater than ") + fmt(lo)
              : "in " + (loClosed ? "[" : "(") + fmt(lo) + ", " + fmt(hi) + (hiClosed ? "]" : ")");
      at.problems()
          .error(
              InputCode.BAD_VALUE, at.at(name), "'" + name + "' must be " + range + ", not " + x);
      return def;
    }
    return x;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
