package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gridgov.core.Finding;
import org.gridgov.core.InvalidInputException;
import org.gridgov.core.SourceLocation;
import org.gridgov.testkit.ForAll;
import org.gridgov.testkit.Gen;
import org.gridgov.testkit.Gens;
import org.gridgov.testkit.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code gridgov.watch/1} format: defaults, round trips, and a located error per member. */
class WatchConfigsTest {

  /** The example of docs/watch.md, verbatim. */
  static final String DOC_EXAMPLE =
      """
      {"format": "gridgov.watch/1",
       "baseline": {"weeks": 8, "minHistoryDays": 28},
       "minObserved": 3, "mergeGapDays": 2,
       "detectors": {
         "ewma": {"enabled": true, "lambda": 0.5, "limit": 2.75},
         "poisson_cusum": {"enabled": true, "shift": 3.0, "threshold": 2.25},
         "negbin_cusum": {"enabled": true, "shift": 3.0, "threshold": 2.25},
         "farrington": {"enabled": true, "weeks": 12, "guardDays": 7, "alpha": 0.03},
         "moving_percentile": {"enabled": true, "windowDays": 3, "weeks": 12, "percentile": 0.99},
         "space_time_scan": {"enabled": true, "days": 30, "maxDays": 7, "maxZoneShare": 0.5,
                             "replicates": 999, "alpha": 0.05, "seed": 20261206}}}
      """;

  @Test
  void theDocumentedExampleIsTheDefaults() {
    assertThat(WatchConfigs.read(DOC_EXAMPLE, "watch.json")).isEqualTo(WatchConfig.defaults());
  }

  @Test
  void everyMemberIsOptional() {
    assertThat(WatchConfigs.read("{}", "")).isEqualTo(WatchConfig.defaults());
    assertThat(WatchConfigs.read("{\"detectors\": {\"ewma\": {}}}", ""))
        .isEqualTo(WatchConfig.defaults());
    WatchConfig c =
        WatchConfigs.read(
            "{\"minObserved\": 5, \"detectors\": {\"farrington\": {\"alpha\": 0.05}}}", "");
    WatchConfig d = WatchConfig.defaults();
    assertThat(c.minObserved()).isEqualTo(5);
    assertThat(c.farrington()).isEqualTo(new WatchConfig.Farrington(true, 12, 7, 0.05));
    assertThat(c.ewma()).isEqualTo(d.ewma());
    assertThat(c.scan()).isEqualTo(d.scan());
  }

  @Test
  void theCanonicalFormWritesEveryMemberInTheDocumentedOrder() {
    String json = WatchConfigs.toJson(WatchConfig.defaults());
    assertThat(json.replaceAll("\\s+", "")).isEqualTo(DOC_EXAMPLE.replaceAll("\\s+", ""));
  }

  @Test
  void writesAFileThatReadsBack(@TempDir Path dir) throws Exception {
    WatchConfig c =
        new WatchConfig(
            new WatchConfig.Baseline(4, 14),
            new WatchConfig.Ewma(false, 0.25, 2.5),
            new WatchConfig.Cusum(true, 1.5, 4.0),
            new WatchConfig.Cusum(false, 3.0, 6.5),
            new WatchConfig.Farrington(true, 12, 0, 0.001),
            new WatchConfig.MovingPercentile(true, 3, 10, 0.8),
            new WatchConfig.Scan(true, 60, 14, 0.25, 99, 0.05, -7L),
            1,
            0);
    Path file = dir.resolve("watch.json");
    WatchConfigs.write(c, file);
    assertThat(Files.readString(file)).endsWith("}\n");
    assertThat(WatchConfigs.read(file)).isEqualTo(c);
  }

  Gen<WatchConfig> configs() {
    Gen<Double> unit = Gens.doubles(1e-6, 1 - 1e-6);
    return src -> {
      int days = src.ints(2, 366);
      return new WatchConfig(
          new WatchConfig.Baseline(src.ints(1, 104), src.ints(0, 728)),
          new WatchConfig.Ewma(src.booleans(), src.draw(Gens.doubles(1e-9, 1)), src.draw(pos())),
          new WatchConfig.Cusum(src.booleans(), 1 + src.draw(pos()), src.draw(pos())),
          new WatchConfig.Cusum(src.booleans(), 1 + src.draw(pos()), src.draw(pos())),
          new WatchConfig.Farrington(
              src.booleans(), src.ints(2, 104), src.ints(0, 28), src.draw(unit) / 2),
          new WatchConfig.MovingPercentile(
              src.booleans(), src.ints(1, 28), src.ints(2, 104), src.draw(unit)),
          new WatchConfig.Scan(
              src.booleans(),
              days,
              src.ints(1, days),
              src.draw(Gens.doubles(1e-9, 0.5)),
              src.ints(9, 99_999),
              src.draw(unit),
              src.draw(Gens.longs())),
          src.ints(1, Integer.MAX_VALUE),
          src.ints(0, Integer.MAX_VALUE));
    };
  }

  private static Gen<Double> pos() {
    return Gens.doubles(1e-9, 1e6);
  }

  @Property(tries = 300)
  void roundTrip(@ForAll("configs") WatchConfig c) {
    assertThat(WatchConfigs.read(WatchConfigs.toJson(c), "x.json")).isEqualTo(c);
  }

  // ------------------------------------------------------------------ bad input

  static Stream<Arguments> badMembers() {
    return Stream.of(
        // unknown names, with "did you mean"
        bad("{\"minObserverd\": 3}", "/minObserverd", "did you mean 'minObserved'?"),
        bad("{\"detectors\": {\"ewmaa\": {}}}", "/detectors/ewmaa", "did you mean 'ewma'?"),
        bad(
            "{\"detectors\": {\"farington\": {}}}",
            "/detectors/farington",
            "did you mean 'farrington'?"),
        bad(
            "{\"detectors\": {\"farrington\": {\"guardDay\": 3}}}",
            "/detectors/farrington/guardDay",
            "did you mean 'guardDays'?"),
        bad("{\"baseline\": {\"week\": 3}}", "/baseline/week", "did you mean 'weeks'?"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"replicate\": 99}}}",
            "/detectors/space_time_scan/replicate",
            "did you mean 'replicates'?"),
        // format
        bad("{\"format\": \"gridgov.watch/2\"}", "/format", "expected 'gridgov.watch/1'"),
        bad("{\"format\": 1}", "/format", "expected a string"),
        // shapes and types
        bad("[]", "", "expected an object"),
        bad("{\"baseline\": 8}", "/baseline", "expected an object"),
        bad("{\"detectors\": []}", "/detectors", "expected an object"),
        bad("{\"detectors\": {\"ewma\": true}}", "/detectors/ewma", "expected an object"),
        bad("{\"minObserved\": \"3\"}", "/minObserved", "expected a whole number"),
        bad("{\"mergeGapDays\": 1.5}", "/mergeGapDays", "expected a whole number"),
        bad("{\"baseline\": {\"weeks\": \"8\"}}", "/baseline/weeks", "expected a whole number"),
        bad(
            "{\"detectors\": {\"ewma\": {\"enabled\": \"yes\"}}}",
            "/detectors/ewma/enabled",
            "expected true or false"),
        bad(
            "{\"detectors\": {\"ewma\": {\"lambda\": \"0.3\"}}}",
            "/detectors/ewma/lambda",
            "expected a number"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"seed\": 1.5}}}",
            "/detectors/space_time_scan/seed",
            "expected a whole number"),
        // ranges
        bad("{\"minObserved\": 0}", "/minObserved", "must be at least 1, not 0"),
        bad("{\"mergeGapDays\": -1}", "/mergeGapDays", "must be at least 0, not -1"),
        bad("{\"baseline\": {\"weeks\": 0}}", "/baseline/weeks", "must be in [1, 104], not 0"),
        bad(
            "{\"baseline\": {\"minHistoryDays\": 729}}",
            "/baseline/minHistoryDays",
            "must be in [0, 728], not 729"),
        bad(
            "{\"detectors\": {\"ewma\": {\"lambda\": 0}}}",
            "/detectors/ewma/lambda",
            "must be in (0, 1], not 0.0"),
        bad(
            "{\"detectors\": {\"ewma\": {\"limit\": -1}}}",
            "/detectors/ewma/limit",
            "must be greater than 0"),
        bad(
            "{\"detectors\": {\"poisson_cusum\": {\"shift\": 1}}}",
            "/detectors/poisson_cusum/shift",
            "must be greater than 1"),
        bad(
            "{\"detectors\": {\"negbin_cusum\": {\"threshold\": 0}}}",
            "/detectors/negbin_cusum/threshold",
            "must be greater than 0"),
        bad(
            "{\"detectors\": {\"farrington\": {\"weeks\": 1}}}",
            "/detectors/farrington/weeks",
            "must be in [2, 104], not 1"),
        bad(
            "{\"detectors\": {\"farrington\": {\"guardDays\": 29}}}",
            "/detectors/farrington/guardDays",
            "must be in [0, 28], not 29"),
        bad(
            "{\"detectors\": {\"farrington\": {\"alpha\": 0.5}}}",
            "/detectors/farrington/alpha",
            "must be in (0, 0.5), not 0.5"),
        bad(
            "{\"detectors\": {\"moving_percentile\": {\"windowDays\": 0}}}",
            "/detectors/moving_percentile/windowDays",
            "must be in [1, 28], not 0"),
        bad(
            "{\"detectors\": {\"moving_percentile\": {\"weeks\": 105}}}",
            "/detectors/moving_percentile/weeks",
            "must be in [2, 104], not 105"),
        bad(
            "{\"detectors\": {\"moving_percentile\": {\"percentile\": 1}}}",
            "/detectors/moving_percentile/percentile",
            "must be in (0, 1), not 1.0"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"days\": 1}}}",
            "/detectors/space_time_scan/days",
            "must be in [2, 366], not 1"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"days\": 10, \"maxDays\": 11}}}",
            "/detectors/space_time_scan/maxDays",
            "maxDays 11 is longer than the study period of 10 days"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"days\": 5}}}",
            "/detectors/space_time_scan/days",
            "maxDays 7 (the default) is longer than the study period of 5 days"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"maxZoneShare\": 0.6}}}",
            "/detectors/space_time_scan/maxZoneShare",
            "must be in (0, 0.5], not 0.6"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"replicates\": 8}}}",
            "/detectors/space_time_scan/replicates",
            "must be in [9, 99999], not 8"),
        bad(
            "{\"detectors\": {\"space_time_scan\": {\"alpha\": 0}}}",
            "/detectors/space_time_scan/alpha",
            "must be in (0, 1), not 0.0"));
  }

  private static Arguments bad(String json, String pointer, String message) {
    return Arguments.of(json, pointer, message);
  }

  @ParameterizedTest
  @MethodSource("badMembers")
  void aBadMemberIsALocatedError(String json, String pointer, String message) {
    InvalidInputException e =
        catchThrowableOfType(
            () -> WatchConfigs.read(json, "watch.json"), InvalidInputException.class);
    assertThat(e).as(json).isNotNull();
    assertThat(e.problems().errors()).hasSize(1);
    Finding f = e.problems().errors().get(0);
    SourceLocation where = f.location().orElseThrow();
    assertThat(where.source()).isEqualTo("watch.json");
    assertThat(where.pointer()).isEqualTo(pointer);
    assertThat(f.message()).contains(message);
    if (!pointer.isEmpty()) { // a member's problem has its line and column
      assertThat(where.line()).isEqualTo(1);
      assertThat(where.column()).isPositive();
      assertThat(e.getMessage()).startsWith("watch.json:1:" + where.column() + ": " + pointer);
    }
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() {
    String json =
        """
        {"minObserved": 0,
         "detectors": {
           "ewma": {"lamda": 0.3},
           "moving_percentile": {"percentile": 95}}}
        """;
    InvalidInputException e =
        catchThrowableOfType(() -> WatchConfigs.read(json, "w.json"), InvalidInputException.class);
    assertThat(e.problems().errors())
        .extracting(f -> f.location().orElseThrow().render())
        .containsExactly(
            "w.json:1:17: /minObserved",
            "w.json:3:22: /detectors/ewma/lamda",
            "w.json:4:40: /detectors/moving_percentile/percentile");
    assertThat(e.getMessage()).contains("did you mean 'lambda'?");
  }

  @Test
  void malformedJsonAndMissingFilesAreInvalidInput(@TempDir Path dir) {
    assertThatThrownBy(() -> WatchConfigs.read("{\"minObserved\": ", "w.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("w.json:");
    assertThatThrownBy(() -> WatchConfigs.read(dir.resolve("none.json")))
        .isInstanceOf(InvalidInputException.class);
  }
}
