package org.gridgov.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridgov.watch.WatchTestSupport.D0;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.gridgov.core.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Merging of alerts, minObserved, and bad input (days out of order, damaged states). */
class WatchAlertsAndBadInputTest {

  /** A memoryless EWMA (λ = 1: score = (x − μ)/√μ, σ = 1) and nothing else. */
  private static WatchConfig memoryless(int minObserved, int gap) {
    WatchConfig t = WatchTestSupport.temporal(1, 7, minObserved, gap);
    return new WatchConfig(
        t.baseline(),
        new WatchConfig.Ewma(true, 1.0, 3.0),
        new WatchConfig.Cusum(false, 2.0, 5.0),
        new WatchConfig.Cusum(false, 2.0, 5.0),
        t.farrington(),
        t.movingPercentile(),
        t.scan(),
        minObserved,
        gap);
  }

  /*
   * 1 case a day on days 0–13, 10 on day 14, 1 on day 15, 10 on day 16 (every day working, window 7).
   * day 14: μ = 1, score = 9/1 = 9 → alarm. day 15: μ = (6 + 10)/7 = 2.285714, score < 0.
   * day 16: μ = (5 + 10 + 1)/7 = 2.285714, score = 7.714286/1.511858 = 5.102520 → alarm.
   */
  private static Watch surgeTwice(int minObserved, int gap) {
    Watch w = Watch.create(memoryless(minObserved, gap), WatchTestSupport.everyDay());
    for (int d = 0; d <= 16; d++) {
      int x = d == 14 || d == 16 ? 10 : 1;
      w.feed(DayCounts.builder(D0.plusDays(d)).add("g", "c", x).build());
    }
    return w;
  }

  @Test
  void alarmsSeparatedByAtMostMergeGapQuietDaysAreOneAlert() {
    Watch w = surgeTwice(1, 1);
    assertThat(w.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.start()).isEqualTo(D0.plusDays(14));
              assertThat(a.end()).isEqualTo(D0.plusDays(16));
              assertThat(a.peak()).isEqualTo(D0.plusDays(14));
              assertThat(a.score()).isEqualTo(9.0);
              assertThat(a.observed()).isEqualTo(10);
              assertThat(a.expected()).isEqualTo(1.0);
              assertThat(a.days()).isEqualTo(3);
              assertThat(a.open()).isTrue();
            });
    // quiet days 17 (gap 1 still open), 18 closes it with end = last alarm day
    assertThat(w.feed(DayCounts.empty(D0.plusDays(17)))).hasSize(1);
    assertThat(w.feed(DayCounts.empty(D0.plusDays(18)))).isEmpty();
    assertThat(w.alerts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.end()).isEqualTo(D0.plusDays(16));
              assertThat(a.open()).isFalse();
            });
  }

  @Test
  void aLongerGapMakesTwoAlerts() {
    List<Alert> alerts = surgeTwice(1, 0).alerts();
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).start()).isEqualTo(D0.plusDays(14));
    assertThat(alerts.get(0).end()).isEqualTo(D0.plusDays(14));
    assertThat(alerts.get(0).open()).isFalse();
    assertThat(alerts.get(1).start()).isEqualTo(D0.plusDays(16));
    assertThat(alerts.get(1).score())
        .isCloseTo(5.102520, org.assertj.core.api.Assertions.within(1e-5));
  }

  @Test
  void minObservedIsRespected() {
    assertThat(surgeTwice(11, 1).alerts()).isEmpty();
    assertThat(surgeTwice(10, 1).alerts()).hasSize(1);
  }

  @Test
  void daysMustBeFedInOrder() {
    Watch w = Watch.create(WatchTestSupport.defaultsTemporal(), WatchTestSupport.everyDay());
    assertThat(w.lastDay()).isEmpty();
    w.feed(DayCounts.empty(D0.plusDays(5)));
    assertThatThrownBy(() -> w.feed(DayCounts.empty(D0.plusDays(5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in order")
        .hasMessageContaining("2026-03-07");
    assertThatThrownBy(() -> w.feed(DayCounts.empty(D0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.feed(null)).isInstanceOf(NullPointerException.class);
    assertThat(w.lastDay()).contains(D0.plusDays(5));
    // a gap counts as quiet days
    w.feed(DayCounts.empty(D0.plusDays(9)));
    assertThat(w.lastDay()).contains(D0.plusDays(9));
  }

  private static byte[] saved() {
    Watch w = surgeTwice(1, 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.save(out);
    return out.toByteArray();
  }

  @Test
  void aStreamThatIsNotAWatchStateIsRejected() {
    assertThatThrownBy(() -> Watch.restore(new ByteArrayInputStream("{\"a\":1}".getBytes())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a watch state");
    assertThatThrownBy(() -> Watch.restore(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aWrongVersionIsRejected() {
    byte[] b = saved();
    ByteBuffer.wrap(b).putInt(4, 99);
    assertThatThrownBy(() -> Watch.restore(new ByteArrayInputStream(b)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("version 99 is not supported");
  }

  @Test
  void aDamagedOrTruncatedStateIsRejected() {
    byte[] b = saved();
    byte[] flipped = b.clone();
    flipped[b.length / 2] ^= 0x10;
    assertThatThrownBy(() -> Watch.restore(new ByteArrayInputStream(flipped)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("checksum mismatch");
    byte[] cut = java.util.Arrays.copyOf(b, b.length - 20);
    assertThatThrownBy(() -> Watch.restore(new ByteArrayInputStream(cut)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aRestoredWatchKeepsItsConfigurationAndCalendar() {
    Watch w = Watch.restore(new ByteArrayInputStream(saved()));
    assertThat(w.config()).isEqualTo(memoryless(1, 1));
    assertThat(w.calendar()).isEqualTo(WatchTestSupport.everyDay());
    assertThat(w.alerts()).isEqualTo(surgeTwice(1, 1).alerts());
  }

  @Test
  void aWatchWithZonesSavesAndRestoresAndTheScanContinuesAlike() throws Exception {
    // Four zones in a row, the scan on (99 replicates), a surge in zone a from day 47.
    java.util.Map<String, org.gridgov.core.GeoPoint> centroids = new java.util.LinkedHashMap<>();
    String[] ids = {"a", "b", "c", "d"};
    for (int k = 0; k < ids.length; k++) {
      centroids.put(ids[k], org.gridgov.core.GeoPoint.of(117.0 + 0.01 * k, 31.0));
    }
    Neighbourhoods zones = Neighbourhoods.byDistance(centroids, 3);
    WatchConfig d = WatchConfig.defaults();
    WatchConfig.Scan s = d.scan();
    WatchConfig c =
        new WatchConfig(
            d.baseline(),
            d.ewma(),
            d.poissonCusum(),
            d.negBinCusum(),
            d.farrington(),
            d.movingPercentile(),
            new WatchConfig.Scan(true, 14, 3, 0.5, 99, 0.05, 7L),
            d.minObserved(),
            d.mergeGapDays());
    java.util.List<DayCounts> days = new java.util.ArrayList<>();
    java.util.Random rnd = new java.util.Random(3);
    for (int day = 0; day < 50; day++) {
      DayCounts.Builder b = DayCounts.builder(D0.plusDays(day));
      for (String z : ids) {
        int n = 2 + rnd.nextInt(3) + (day >= 47 && z.equals("a") ? 12 : 0);
        b.add(z, "k", n);
      }
      days.add(b.build());
    }
    Watch whole = Watch.create(c, WatchTestSupport.everyDay(), zones);
    Watch first = Watch.create(c, WatchTestSupport.everyDay(), zones);
    for (int day = 0; day < 45; day++) {
      whole.feed(days.get(day));
      first.feed(days.get(day));
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    first.save(out);
    Watch restored = Watch.restore(new java.io.ByteArrayInputStream(out.toByteArray()));
    for (int day = 45; day < 50; day++) {
      assertThat(restored.feed(days.get(day))).isEqualTo(whole.feed(days.get(day)));
    }
    assertThat(restored.alerts()).isEqualTo(whole.alerts());
    assertThat(whole.alerts())
        .anySatisfy(a -> assertThat(a.detector()).isEqualTo(Detector.SPACE_TIME_SCAN));
  }
}
